package org.columnist.newsletter;

import java.time.Instant;
import java.util.Optional;
import org.columnist.Signer;
import org.columnist.store.Secrets;
import org.columnist.store.Store;

/**
 * The signed tokens in the links Columnist mails to readers: a confirmation link (one subscriber,
 * an expiry, and the nonce that makes it work once) and an unsubscribe link (one subscriber, no
 * expiry: RFC 8058 mail is kept for years), signed by {@link Signer} under the instance's link key.
 */
final class Links {
  /** Longest token a link may carry; anything longer is refused before it is decoded. */
  static final int MAX_TOKEN = Signer.MAX_TOKEN;

  /** Where a confirmation link points, under the site's base URL; the token follows. */
  static final String CONFIRM_PATH = "newsletter/confirm?t=";

  /** Where an unsubscribe link points (RFC 8058's one-click POST too); the token follows. */
  static final String UNSUBSCRIBE_PATH = "newsletter/unsubscribe?t=";

  private final Signer signer;

  Links(byte[] key) {
    this.signer = new Signer(key);
  }

  /** The links of {@code store}'s instance, with its key (made now if it has none). */
  static Links of(Store store) {
    return new Links(Secrets.key(store, "link_key"));
  }

  /** A random nonce for a confirmation link. */
  static String nonce() {
    return Signer.nonce();
  }

  /** What a confirmation token says: which subscriber, until when, with which nonce. */
  record Confirmation(long subscriberId, Instant expires, String nonce) {}

  String confirmation(long subscriberId, Instant expires, String nonce) {
    return signer.sign("c." + subscriberId + "." + expires.getEpochSecond() + "." + nonce);
  }

  String unsubscribe(long subscriberId) {
    return signer.sign("u." + subscriberId);
  }

  /** The confirmation a genuine token says (expired or not); empty when forged or malformed. */
  Optional<Confirmation> readConfirmation(String token) {
    return signer
        .verified(token)
        .map(p -> p.split("\\.", -1))
        .filter(f -> f.length == 4 && f[0].equals("c") && number(f[1]) && number(f[2]))
        .map(
            f ->
                new Confirmation(
                    Long.parseLong(f[1]), Instant.ofEpochSecond(Long.parseLong(f[2])), f[3]));
  }

  /** The subscriber a genuine unsubscribe token names; empty when forged or malformed. */
  Optional<Long> readUnsubscribe(String token) {
    return signer
        .verified(token)
        .map(p -> p.split("\\.", -1))
        .filter(f -> f.length == 2 && f[0].equals("u") && number(f[1]))
        .map(f -> Long.parseLong(f[1]));
  }

  private static boolean number(String s) {
    return s.matches("\\d{1,18}");
  }
}
