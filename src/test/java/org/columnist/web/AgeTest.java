package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgeTest {
  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

  static String ago(Duration d) {
    return Age.since(NOW.minus(d).toString(), NOW);
  }

  @Test
  void countsWholeDaysOnceADayHasPassed() {
    assertThat(ago(Duration.ofDays(3).plusHours(23))).isEqualTo("3 d");
    assertThat(ago(Duration.ofDays(1))).isEqualTo("1 d");
  }

  @Test
  void countsWholeHoursWithinADay() {
    assertThat(ago(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23 h");
    assertThat(ago(Duration.ofHours(1))).isEqualTo("1 h");
  }

  @Test
  void countsMinutesWithinAnHour() {
    assertThat(ago(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 min");
    assertThat(ago(Duration.ofSeconds(30))).isEqualTo("0 min");
  }

  @Test
  void saysNoTimeHasPassedForATimeStillToCome() {
    assertThat(ago(Duration.ofHours(-5))).isEqualTo("0 min");
  }

  @Test
  void showsADashWhenThereIsNoTime() {
    assertThat(Age.since(null, NOW)).isEqualTo("-");
  }
}
