package org.columnist;

import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What tells whether bytes changed since they were last seen (an archive file for the search index,
 * a page for the site build): their CRC-32C and CRC-32 together, 64 bits, in hex. It detects edits,
 * not tampering: nothing trusts it against an attacker, and a page it wrongly calls unchanged is
 * rewritten by its next change or {@code --clean}. The JVM computes both CRCs in hardware, even
 * under the launcher's client compiler: 16,000 pages of 15 KB in 7 ms there, against 190 ms for
 * MurmurHash3 (the page hash before), and SHA-256 took a fifth of a full build.
 */
public final class Fingerprint {
  private static final HexFormat HEX = HexFormat.of();

  private Fingerprint() {}

  public static String of(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes);
    CRC32 d = new CRC32();
    d.update(bytes);
    return HEX.toHexDigits((c.getValue() << 32) | d.getValue());
  }
}
