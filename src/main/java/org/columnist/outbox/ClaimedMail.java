package org.columnist.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;

/**
 * An outbox row that this sender has claimed, and the MIME message it becomes on the wire.
 *
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
    String messageId,
    String replyToIds,
    int attempts,
    String claimedBy) {

  /** The message to hand to the relay, under the outbox's own Message-ID. */
  MimeMessage toMime(Session session, String from) throws MessagingException {
    String id = messageId;
    MimeMessage message =
        new MimeMessage(session) {
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
    return message;
  }
}
