package org.columnist.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What intake reads from one raw message: the headers that classify it, the reader's text and what
 * was attached. Header names in {@code headers} are lowercase; values are as sent.
 *
 * @param text the readable body (HTML turned to text), before quotes and signature are cut
 * @param question the text with quoted replies and the signature cut
 * @param signature the signature cut from the text (after "-- ", or a sign-off block), or null
 * @param reportedMessageIds for a delivery report, the Message-IDs of the mail it reports on
 * @param report the fields of a delivery or feedback report (RFC 3464 message/delivery-status, RFC
 *     5965 message/feedback-report) by lowercase name, the first of each; empty for other mail
 * @param warnings what was odd but survived (charset fallbacks, broken MIME)
 */
record ParsedMail(
    String messageId,
    String senderAddress,
    String senderName,
    String subject,
    Instant date,
    List<String> inReplyTo,
    Map<String, String> headers,
    String contentType,
    String text,
    String question,
    String signature,
    List<Attachment> attachments,
    List<String> reportedMessageIds,
    Map<String, String> report,
    List<String> warnings) {

  /** A part that is not the message's text: listed, never published. */
  record Attachment(String name, String contentType, long size) {}

  String header(String name) {
    return headers.get(name);
  }
}
