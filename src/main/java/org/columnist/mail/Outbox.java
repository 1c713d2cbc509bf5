package org.columnist.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.columnist.config.MailSettings;
import org.columnist.store.Store;

/**
 * All mail Columnist sends: queued in the {@code outbox} table (in the same transaction as the work
 * that caused it), then sent over SMTP and retried with exponential backoff until it goes or has
 * failed {@code maxAttempts} times.
 */
public final class Outbox {
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(6);
  private static final System.Logger LOG = System.getLogger("outbox");

  private final Store store;
  private final String messageIdDomain;
  private final int maxAttempts;
  private final Clock clock;

  public Outbox(Store store, String fromAddress, int maxAttempts, Clock clock) {
    this.store = store;
    this.messageIdDomain =
        fromAddress.substring(fromAddress.indexOf('@') + 1).replaceAll("[>\\s]", "");
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  // RFC 3834 §2: never answer machines, lists, or addresses that say they take no replies.
  private static final java.util.regex.Pattern NO_REPLY =
      java.util.regex.Pattern.compile(
          "(?i)^(no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?)([+.-].*)?@.*");

  /** Whether Columnist may write to {@code address}: a person's, not a robot's nor its own. */
  public static boolean mayWriteTo(String address, String columnAddress) {
    return address != null
        && !NO_REPLY.matcher(address).matches()
        && !address.equalsIgnoreCase(columnAddress);
  }

  /** One row of the outbox, for {@code outbox list}. */
  public record Entry(
      long id,
      String kind,
      String to,
      String subject,
      String state,
      int attempts,
      String nextAttemptAt,
      String lastError,
      String createdAt,
      String sentAt) {}

  /** Queues {@code mail} inside the caller's transaction; returns its Message-ID. */
  public String enqueue(Connection db, OutgoingMail mail) throws SQLException {
    String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
    String now = clock.instant().toString();
    try (PreparedStatement ps =
        db.prepareStatement(
            """
            INSERT INTO outbox(kind, to_address, subject, body_text, body_html, message_id, reply_to_ids,
                               question_id, state, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)""")) {
      ps.setString(1, mail.kind());
      ps.setString(2, mail.to());
      ps.setString(3, mail.subject());
      ps.setString(4, mail.text());
      ps.setString(5, mail.html());
      ps.setString(6, messageId);
      ps.setString(7, mail.inReplyTo() == null ? null : String.join(" ", references(mail)));
      ps.setObject(8, mail.questionId());
      ps.setString(9, now);
      ps.setString(10, now);
      ps.executeUpdate();
    }
    return messageId;
  }

  /** What one {@link #sendDue} did. */
  public record SendReport(int sent, int retrying, int failed) {}

  /** Sends every queued mail whose time has come through {@code smtp}. */
  public SendReport sendDue(MailSettings.Smtp smtp) {
    List<Pending> due = due();
    if (due.isEmpty()) {
      return new SendReport(0, 0, 0);
    }
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    Session session = MailSessions.smtp(smtp);
    try (Transport transport = session.getTransport()) {
      MailSessions.connect(transport, smtp);
      for (Pending mail : due) {
        try {
          MimeMessage message = build(session, smtp, mail);
          transport.sendMessage(message, message.getAllRecipients());
          markSent(mail.id());
          LOG.log(
              System.Logger.Level.INFO,
              "sent " + mail.kind() + " #" + mail.id() + " to " + mail.to());
          sent++;
        } catch (MessagingException e) {
          if (retry(mail, MailSessions.describe(e))) {
            retrying++;
          } else {
            failed++;
          }
        }
      }
    } catch (MessagingException e) {
      String why = MailSessions.describe(e);
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot send through SMTP " + smtp.host() + ":" + smtp.port() + ": " + why);
      for (Pending mail : due.subList(sent + retrying + failed, due.size())) {
        if (retry(mail, why)) {
          retrying++;
        } else {
          failed++;
        }
      }
    }
    return new SendReport(sent, retrying, failed);
  }

  /** Every outbox row, newest first. */
  public List<Entry> list() {
    return store.inTransaction(
        db -> {
          List<Entry> entries = new ArrayList<>();
          try (PreparedStatement ps = db.prepareStatement("SELECT * FROM outbox ORDER BY id DESC");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              entries.add(
                  new Entry(
                      rs.getLong("id"),
                      rs.getString("kind"),
                      rs.getString("to_address"),
                      rs.getString("subject"),
                      rs.getString("state"),
                      rs.getInt("attempts"),
                      rs.getString("next_attempt_at"),
                      rs.getString("last_error"),
                      rs.getString("created_at"),
                      rs.getString("sent_at")));
            }
          }
          return entries;
        });
  }

  private record Pending(
      long id,
      String kind,
      String to,
      String subject,
      String text,
      String html,
      String messageId,
      String replyToIds,
      int attempts) {}

  private List<Pending> due() {
    return store.inTransaction(
        db -> {
          List<Pending> due = new ArrayList<>();
          try (PreparedStatement ps =
              db.prepareStatement(
                  "SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY id")) {
            ps.setString(1, clock.instant().toString());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                due.add(
                    new Pending(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getString("body_html"),
                        rs.getString("message_id"),
                        rs.getString("reply_to_ids"),
                        rs.getInt("attempts")));
              }
            }
          }
          return due;
        });
  }

  private static MimeMessage build(Session session, MailSettings.Smtp smtp, Pending mail)
      throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", mail.messageId());
          }
        };
    message.setFrom(new InternetAddress(smtp.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
    message.setSubject(mail.subject(), "UTF-8");
    message.setSentDate(new Date());
    // RFC 3834 §5: mark everything we send so that other robots do not answer it.
    message.setHeader("Auto-Submitted", "auto-replied");
    if (mail.replyToIds() != null && !mail.replyToIds().isBlank()) {
      String[] ids = mail.replyToIds().split(" ");
      message.setHeader("In-Reply-To", ids[ids.length - 1]);
      message.setHeader("References", mail.replyToIds());
    }
    if (mail.html() == null) {
      message.setText(mail.text(), "UTF-8");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), "UTF-8", "html");
      message.setContent(new MimeMultipart("alternative", text, html));
    }
    message.saveChanges();
    return message;
  }

  private void markSent(long id) {
    store.inTransaction(
        db -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")) {
            ps.setString(1, clock.instant().toString());
            ps.setLong(2, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Records a failed attempt; returns false when the mail has now failed for good. */
  private boolean retry(Pending entry, String why) {
    int attempts = entry.attempts() + 1;
    boolean giveUp = attempts >= maxAttempts;
    long factor = 1L << Math.min(attempts - 1, 20);
    Duration wait = FIRST_RETRY.multipliedBy(factor);
    Instant next = clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
    store.inTransaction(
        db -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
            ps.setString(1, giveUp ? "failed" : "queued");
            ps.setInt(2, attempts);
            ps.setString(3, next.toString());
            ps.setString(4, why);
            ps.setLong(5, entry.id());
            return ps.executeUpdate();
          }
        });
    LOG.log(
        System.Logger.Level.WARNING,
        (giveUp ? "gave up on " : "will retry ")
            + entry.kind()
            + " #"
            + entry.id()
            + " to "
            + entry.to()
            + " after attempt "
            + attempts
            + ": "
            + why);
    return !giveUp;
  }

  private static List<String> references(OutgoingMail mail) {
    List<String> ids = new ArrayList<>(mail.references() == null ? List.of() : mail.references());
    ids.remove(mail.inReplyTo());
    ids.add(mail.inReplyTo());
    return ids;
  }
}
