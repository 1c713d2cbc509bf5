package org.columnist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlankTest {
  @Test
  void aBlankTextIsAbsentAndAnyOtherLosesItsSurroundingSpace() {
    assertThat(Blank.toNull(null)).isNull();
    assertThat(Blank.toNull("")).isNull();
    assertThat(Blank.toNull(" \t\n")).isNull();
    assertThat(Blank.toNull("  burnout ")).isEqualTo("burnout");
  }
}
