package org.columnist.outbox;

import java.time.Instant;
import java.util.List;

/**
 * One mail to many recipients (a newsletter), stored once: each recipient's row carries a {@code
 * personal} value that replaces {@code marker} wherever it occurs in the text, the HTML and the
 * header lines (an unsubscribe link of its own).
 *
 * @param headers extra header lines, each "Name: value"
 * @param notAfter rows not sent by then are held back (a stale column), or null for never
 * @param questionId the question it concerns, or null
 */
public record BulkMail(
    String kind,
    String subject,
    String text,
    String html,
    List<String> headers,
    String marker,
    Instant notAfter,
    Long questionId) {

  public BulkMail {
    headers = List.copyOf(headers);
  }
}
