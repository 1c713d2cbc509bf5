package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyPrefixTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Re: withdraw",
        "RE:withdraw",
        "Re : withdraw",
        "Fwd: withdraw",
        "FW: withdraw",
        "AW: withdraw",
        "SV: withdraw",
        "sv: Re: AW: Fwd: withdraw"
      })
  void stripsEveryReplyAndForwardPrefixMailersUse(String subject) {
    assertThat(ReplyPrefix.strip(subject)).isEqualTo("withdraw");
  }

  @Test
  void leavesWordsThatOnlyStartLikeAPrefix() {
    assertThat(ReplyPrefix.strip("Regarding: my boss")).isEqualTo("Regarding: my boss");
    assertThat(ReplyPrefix.strip("Svengali: my boss")).isEqualTo("Svengali: my boss");
  }
}
