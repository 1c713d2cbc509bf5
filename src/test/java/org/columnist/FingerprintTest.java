package org.columnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void sixtyFourBitsThatTheSameBytesShareAndAnyOneByteEditChanges() {
    byte[] text = "## Question\nMy boss and my client.\n".getBytes(StandardCharsets.UTF_8);
    String before = Fingerprint.of(text);
    assertThat(before).matches("[0-9a-f]{16}").isEqualTo(Fingerprint.of(text.clone()));
    for (int i = 0; i < text.length; i++) {
      byte[] edited = text.clone();
      edited[i] ^= 1;
      assertThat(Fingerprint.of(edited)).as("byte %d", i).isNotEqualTo(before);
    }
    assertThat(Fingerprint.of(new byte[0])).isNotEqualTo(Fingerprint.of(new byte[1]));
  }
}
