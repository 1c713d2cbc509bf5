package org.columnist.site;

import java.util.HexFormat;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * What the build state keeps of a page's bytes to tell whether the next build changes it: 128 bits
 * of MurmurHash3, in hex. Not a cryptographic hash (nothing trusts it against an attacker: a page
 * it wrongly calls unchanged is rewritten by the next change or {@code --clean}); several times
 * faster than SHA-256, which was a fifth of a full build.
 */
final class PageHash {
  private static final HexFormat HEX = HexFormat.of();

  private PageHash() {}

  static String of(byte[] bytes) {
    long[] h = MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
    return HEX.toHexDigits(h[0]) + HEX.toHexDigits(h[1]);
  }
}
