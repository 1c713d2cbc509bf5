package org.columnist.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How long ago something happened, spelled the one way the editor's queue and the command line's
 * listing both show it: whole days, else whole hours, else minutes ({@code 3 d}, {@code 5 h},
 * {@code 12 min}).
 */
public final class Age {
  private Age() {}

  /**
   * The time from {@code instant} (ISO-8601, as the store keeps it) to {@code now}; {@code -} when
   * there is no instant, {@code 0 min} for one still to come.
   */
  public static String since(String instant, Instant now) {
    if (instant == null) {
      return "-";
    }
    Duration age = Duration.between(Instant.parse(instant), now);
    if (age.toDays() > 0) {
      return age.toDays() + " d";
    }
    if (age.toHours() > 0) {
      return age.toHours() + " h";
    }
    return Math.max(0, age.toMinutes()) + " min";
  }
}
