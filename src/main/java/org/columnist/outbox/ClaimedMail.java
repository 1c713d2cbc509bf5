package org.columnist.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * An outbox row that this sender has claimed, its shared body (if any) already made personal, and
 * the MIME message it becomes on the wire.
 *
 * @param bodyId the shared body of a bulk (newsletter) row, or null
 * @param headers extra header lines, "Name: value" each
 * @param replyToIds the thread's Message-IDs, space-separated; the last is the one answered
 * @param claimedBy the sender whose lapsed claim this one took over, or null
 */
record ClaimedMail(
    long id,
    String kind,
    String to,
    String subject,
    String text,
    String html,
    Long bodyId,
    List<String> headers,
    String messageId,
    String replyToIds,
    int attempts,
    String claimedBy) {

  boolean bulk() {
    return bodyId != null;
  }

  /**
   * The message to hand to the relay, under the outbox's own Message-ID, with {@code envelopeFrom}
   * as its envelope sender (where bounces go).
   */
  SMTPMessage toMime(Session session, String from, String envelopeFrom) throws MessagingException {
    String id = messageId;
    SMTPMessage message =
        new SMTPMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to()));
    message.setSubject(subject(), "UTF-8");
    message.setSentDate(new Date());
    // RFC 3834 §5: mark everything we send so that other robots do not answer it.
    message.setHeader("Auto-Submitted", "auto-replied");
    if (replyToIds() != null && !replyToIds().isBlank()) {
      String[] ids = replyToIds().split(" ");
      message.setHeader("In-Reply-To", ids[ids.length - 1]);
      message.setHeader("References", replyToIds());
    }
    for (String line : headers) {
      int colon = line.indexOf(':');
      message.setHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    if (html() == null) {
      message.setText(text(), "UTF-8");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(text(), "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(html(), "UTF-8", "html");
      message.setContent(new MimeMultipart("alternative", text, html));
    }
    message.saveChanges();
    message.setEnvelopeFrom(envelopeFrom);
    return message;
  }
}
