package org.columnist;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short ASCII payloads so that what comes back can be trusted: the links mailed to readers,
 * the tokens in the site's forms. A token is the payload and an HMAC-SHA256 of it (cut to 128 bits:
 * unforgeable, and a shorter link), both base64url, joined by '~'.
 */
public final class Signer {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** Longest token accepted; anything longer is refused before it is decoded. */
  public static final int MAX_TOKEN = 200;

  private final byte[] key;

  // One Mac a thread, keyed once: Mac.getInstance and init cost more than signing a token, and a
  // build signs two for each column page (a few percent of its CPU).
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public Signer(byte[] key) {
    this.key = key.clone();
  }

  /** A random value for a link that must work once. */
  public static String nonce() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  public String sign(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.US_ASCII);
    return B64.encodeToString(body) + "~" + B64.encodeToString(mac(body));
  }

  /** The payload of a token this key signed; empty when forged, altered, cut short or too long. */
  public Optional<String> verified(String token) {
    if (token == null || token.length() > MAX_TOKEN) {
      return Optional.empty();
    }
    int cut = token.indexOf('~');
    if (cut < 0) {
      return Optional.empty();
    }
    try {
      byte[] body = B64D.decode(token.substring(0, cut));
      byte[] given = B64D.decode(token.substring(cut + 1));
      return MessageDigest.isEqual(mac(body), given)
          ? Optional.of(new String(body, StandardCharsets.US_ASCII))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64url: a link cut short or made up
    }
  }

  /** The full HMAC of {@code text} under this key, hex: a keyed hash that reveals nothing. */
  public String keyedHash(String text) {
    return java.util.HexFormat.of().formatHex(fullMac(text.getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] mac(byte[] body) {
    return Arrays.copyOf(fullMac(body), 16);
  }

  private byte[] fullMac(byte[] body) {
    return macs.get().doFinal(body); // doFinal leaves the Mac ready for the next text
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
