package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileHintsTest {
  @Test
  void takesTheLinesItReadOutOfTheText() {
    String text = "Age: 34\nIndustry: Logistics\n\nMy boss books meetings over lunch.\nWhat now?";
    assertThat(ProfileHints.from(text).age()).isEqualTo(34);
    assertThat(ProfileHints.withoutHints(text))
        .isEqualTo("My boss books meetings over lunch.\nWhat now?");
  }

  @Test
  void keepsLinesThatOnlyLookLikeHints() {
    String text =
        "Title: Data analyst\nNote: I asked twice.\nYears at company: 4 (1 in current role)";
    assertThat(ProfileHints.withoutHints(text)).isEqualTo("Note: I asked twice.");
  }

  @Test
  void leavesATextWithoutHintsAsItIs() {
    assertThat(ProfileHints.withoutHints("  What should I do?\n"))
        .isEqualTo("  What should I do?\n");
  }
}
