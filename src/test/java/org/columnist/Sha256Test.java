package org.columnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void hashesInLowercaseHexWholeOrInParts() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    // FIPS 180-2, appendix B.1: the hash of "abc".
    String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertThat(Sha256.hex(abc)).isEqualTo(expected);
    MessageDigest parts = Sha256.digest();
    parts.update(abc, 0, 1);
    parts.update(abc, 1, 2);
    assertThat(Sha256.hex(parts)).isEqualTo(expected);
  }
}
