package org.columnist.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.columnist.Counted;

/**
 * Times as the editor shows them: in the site's time zone and in words, how long ago ({@code 2
 * hours ago}) or when ({@code Tue 1 Dec, 09:11}, with the year when it is not this year's), never
 * the instant the store keeps. Pages put one in every model as {@code times}.
 */
public final class Times {
  private static final DateTimeFormatter THIS_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter OTHER_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;
  private final Clock clock;

  public Times(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  /**
   * How long before now {@code instant} (ISO-8601, as the store keeps it) was: {@code just now},
   * {@code 5 minutes ago}, {@code 1 hour ago}, {@code 3 days ago}, or {@code in 2 hours} for one
   * still to come; empty when there is none.
   */
  public String ago(String instant) {
    if (instant == null) {
      return "";
    }
    Duration age = Duration.between(Instant.parse(instant), clock.instant());
    if (age.isNegative()) {
      return "in " + span(age.negated());
    }
    return age.toMinutes() == 0 ? "just now" : span(age) + " ago";
  }

  private static String span(Duration d) {
    if (d.toDays() > 0) {
      return Counted.of(d.toDays(), "day");
    }
    if (d.toHours() > 0) {
      return Counted.of(d.toHours(), "hour");
    }
    return Counted.of(Math.max(1, d.toMinutes()), "minute");
  }

  /** {@code instant} as a full time in the site's zone; empty when there is none. */
  public String full(String instant) {
    return instant == null ? "" : full(Instant.parse(instant));
  }

  /** {@code instant} as a full time in the site's zone: {@code Tue 1 Dec, 09:11}. */
  public String full(Instant instant) {
    ZonedDateTime at = instant.atZone(zone);
    boolean thisYear = at.getYear() == clock.instant().atZone(zone).getYear();
    return (thisYear ? THIS_YEAR : OTHER_YEAR).format(at);
  }

  /** A day, such as a column's date: {@code 16 Jun 2025}. */
  public String day(LocalDate day) {
    return DAY.format(day);
  }
}
