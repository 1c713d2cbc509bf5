package org.columnist.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample reports under {@code src/test/resources/bounces/} (RFC 3464 delivery reports, an RFC
 * 5965 complaint, a mailer's plain bounce, an out-of-office), filled in for one mail of ours.
 */
final class BounceMails {
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private BounceMails() {}

  /**
   * Sample {@code name} reporting mail {@code messageId} to {@code recipient}, delivered to {@code
   * to} (our VERP address, or the column's).
   */
  static byte[] sample(String name, String messageId, String recipient, String to) {
    try (InputStream in = BounceMails.class.getResourceAsStream("/bounces/" + name + ".eml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("{{message_id}}", messageId)
          .replace("{{recipient}}", recipient)
          .replace("{{to}}", to)
          .replace("{{id}}", "r" + SERIAL.incrementAndGet())
          .replace("\r\n", "\n")
          .replace("\n", "\r\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
