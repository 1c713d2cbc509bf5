package org.columnist.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The signed tokens in the links Columnist mails to readers: a confirmation link (one subscriber,
 * an expiry, and the nonce that makes it work once) and an unsubscribe link (one subscriber, no
 * expiry: RFC 8058 mail is kept for years). Each token is its payload and an HMAC-SHA256 under a
 * key the instance makes for itself on first use and keeps in the database, so a token cannot be
 * made or altered without the database.
 */
final class Links {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** Longest token a link may carry; anything longer is refused before it is decoded. */
  static final int MAX_TOKEN = 200;

  /** Where a confirmation link points, under the site's base URL; the token follows. */
  static final String CONFIRM_PATH = "newsletter/confirm?t=";

  /** Where an unsubscribe link points (RFC 8058's one-click POST too); the token follows. */
  static final String UNSUBSCRIBE_PATH = "newsletter/unsubscribe?t=";

  private final byte[] key;

  Links(byte[] key) {
    this.key = key.clone();
  }

  /** The links of {@code store}'s instance, with its key (made now if it has none). */
  static Links of(Store store) {
    return new Links(
        store.inTransaction(
            db -> {
              Optional<String> existing =
                  Sql.one(
                      db,
                      "SELECT value FROM secrets WHERE name = 'link_key'",
                      rs -> rs.getString(1));
              if (existing.isPresent()) {
                return HexFormat.of().parseHex(existing.get());
              }
              byte[] fresh = new byte[32];
              new SecureRandom().nextBytes(fresh);
              Sql.update(
                  db,
                  "INSERT INTO secrets(name, value) VALUES ('link_key', ?)",
                  HexFormat.of().formatHex(fresh));
              return fresh;
            }));
  }

  /** A random nonce for a confirmation link. */
  static String nonce() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  /** What a confirmation token says: which subscriber, until when, with which nonce. */
  record Confirmation(long subscriberId, Instant expires, String nonce) {}

  String confirmation(long subscriberId, Instant expires, String nonce) {
    return sign("c." + subscriberId + "." + expires.getEpochSecond() + "." + nonce);
  }

  String unsubscribe(long subscriberId) {
    return sign("u." + subscriberId);
  }

  /** The confirmation a genuine token says (expired or not); empty when forged or malformed. */
  Optional<Confirmation> readConfirmation(String token) {
    return verified(token)
        .map(p -> p.split("\\.", -1))
        .filter(f -> f.length == 4 && f[0].equals("c") && number(f[1]) && number(f[2]))
        .map(
            f ->
                new Confirmation(
                    Long.parseLong(f[1]), Instant.ofEpochSecond(Long.parseLong(f[2])), f[3]));
  }

  /** The subscriber a genuine unsubscribe token names; empty when forged or malformed. */
  Optional<Long> readUnsubscribe(String token) {
    return verified(token)
        .map(p -> p.split("\\.", -1))
        .filter(f -> f.length == 2 && f[0].equals("u") && number(f[1]))
        .map(f -> Long.parseLong(f[1]));
  }

  private String sign(String payload) {
    byte[] body = payload.getBytes(StandardCharsets.US_ASCII);
    return B64.encodeToString(body) + "~" + B64.encodeToString(mac(body));
  }

  private Optional<String> verified(String token) {
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

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] full = mac.doFinal(body);
      return java.util.Arrays.copyOf(full, 16); // 128 bits: unforgeable, and a shorter link
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static boolean number(String s) {
    return s.matches("\\d{1,18}");
  }
}
