package org.columnist;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lowercase hex, the one form of every content hash and fingerprint Columnist keeps (raw
 * mail, site pages, templates). The search index tells changed archive files by a cheaper
 * fingerprint ({@code SearchIndex}).
 */
public final class Sha256 {
  private Sha256() {}

  /** The hash of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** A digest to feed in parts; {@link #hex(MessageDigest)} ends it. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }

  /** The hash of everything fed to {@code digest}. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
