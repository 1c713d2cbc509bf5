package org.columnist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {
  @Test
  void oneIsSingularAndEveryOtherNumberPlural() {
    assertThat(Counted.of(1, "message")).isEqualTo("1 message");
    assertThat(Counted.of(0, "message")).isEqualTo("0 messages");
    assertThat(Counted.of(2, "new question")).isEqualTo("2 new questions");
  }

  @Test
  void takesAnIrregularPlural() {
    assertThat(Counted.of(1, "reply", "replies")).isEqualTo("1 reply");
    assertThat(Counted.of(3, "reply", "replies")).isEqualTo("3 replies");
  }
}
