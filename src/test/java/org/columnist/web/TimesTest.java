package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {
  static final Instant NOW = Instant.parse("2026-12-01T15:11:47.424164215Z");
  final Times times = new Times(ZoneId.of("America/Chicago"), Clock.fixed(NOW, ZoneOffset.UTC));

  String ago(Duration d) {
    return times.ago(NOW.minus(d).toString());
  }

  @Test
  void saysHowLongAgoInWordsWithTheRightNumber() {
    assertThat(ago(Duration.ofSeconds(20))).isEqualTo("just now");
    assertThat(ago(Duration.ofMinutes(1))).isEqualTo("1 minute ago");
    assertThat(ago(Duration.ofMinutes(59))).isEqualTo("59 minutes ago");
    assertThat(ago(Duration.ofHours(1).plusMinutes(30))).isEqualTo("1 hour ago");
    assertThat(ago(Duration.ofHours(2))).isEqualTo("2 hours ago");
    assertThat(ago(Duration.ofDays(1))).isEqualTo("1 day ago");
    assertThat(ago(Duration.ofDays(3).plusHours(23))).isEqualTo("3 days ago");
  }

  @Test
  void saysWhenATimeIsStillToCome() {
    assertThat(ago(Duration.ofHours(-2).minusMinutes(5))).isEqualTo("in 2 hours");
  }

  @Test
  void showsAFullTimeInTheSiteTimeZone() {
    assertThat(times.full(NOW.toString())).isEqualTo("Tue 1 Dec, 09:11");
  }

  @Test
  void showsTheYearOnlyWhenItIsNotThisYears() {
    assertThat(times.full("2025-03-04T18:00:00Z")).isEqualTo("Tue 4 Mar 2025, 12:00");
  }

  @Test
  void showsNothingForNoTime() {
    assertThat(times.ago(null)).isEmpty();
    assertThat(times.full((String) null)).isEmpty();
  }

  @Test
  void showsADayWithItsYear() {
    assertThat(times.day(java.time.LocalDate.of(2025, 6, 16))).isEqualTo("16 Jun 2025");
  }
}
