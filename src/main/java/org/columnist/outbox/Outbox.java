package org.columnist.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.columnist.config.MailSettings;
import org.columnist.mailserver.MailSessions;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * All mail Columnist sends: queued in the {@code outbox} table (in the same transaction as the work
 * that caused it), claimed by one sender ({@code sending}), sent over SMTP and retried with
 * exponential backoff until it goes or has failed {@code maxAttempts} times. Any number of senders
 * may share the table; each mail is sent once, or again only after its sender died mid-send.
 */
public final class Outbox {
  private static final System.Logger LOG = System.getLogger("outbox");

  /**
   * How long a sender's claim on a row holds: a row still {@code sending} after this is taken to
   * belong to a sender that died, and is sent again.
   */
  static final Duration LEASE = Duration.ofMinutes(10);

  private final Store store;
  private final String messageIdDomain;
  private final Clock clock;
  private final Claims claims;

  public Outbox(Store store, String fromAddress, int maxAttempts, Clock clock) {
    this.store = store;
    this.messageIdDomain =
        fromAddress.substring(fromAddress.indexOf('@') + 1).replaceAll("[>\\s]", "");
    this.clock = clock;
    this.claims = new Claims(store, maxAttempts, clock);
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

  /** Whether {@code kind} was queued for {@code address} after {@code since}. */
  public static boolean queuedSince(Connection db, String kind, String address, Instant since)
      throws SQLException {
    return Sql.one(
            db,
            "SELECT 1 FROM outbox WHERE kind = ? AND to_address = ? AND created_at > ? LIMIT 1",
            rs -> 1,
            kind,
            address,
            since.toString())
        .isPresent();
  }

  /**
   * The envelope sender (VERP) for outbox row {@code id}: the column's own address tagged with the
   * row and the first eight hex digits of its random Message-ID, so that a bounce comes back to the
   * mailbox intake reads and names the mail it reports, and a made-up tag names none. Needs a
   * mailbox that delivers {@code local+tag@domain} to {@code local@domain}, as most do.
   */
  public static String bounceAddress(String columnAddress, long id, String messageId) {
    int at = columnAddress.lastIndexOf('@');
    return columnAddress.substring(0, at)
        + "+bounce-"
        + id
        + "-"
        + messageId.substring(1, 9)
        + columnAddress.substring(at);
  }

  private static final java.util.regex.Pattern BOUNCE_TAG =
      java.util.regex.Pattern.compile("(?i)^[^@+]+\\+bounce-(\\d{1,18})-([0-9a-f]{8})@.*");

  /** The outbox row a {@link #bounceAddress} names, if it is one of ours and not made up. */
  public static Optional<Long> rowOfBounceAddress(Connection db, String address)
      throws SQLException {
    java.util.regex.Matcher m = BOUNCE_TAG.matcher(address == null ? "" : address.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Sql.one(
        db,
        "SELECT id FROM outbox WHERE id = ? AND substr(message_id, 2, 8) = ?",
        rs -> rs.getLong(1),
        Long.parseLong(m.group(1)),
        m.group(2).toLowerCase(java.util.Locale.ROOT));
  }

  /** The row of the mail sent with {@code messageId}, and the question it was about, if any. */
  public record Sent(long id, Long questionId) {}

  /** The mail Columnist sent with {@code messageId}, if it did. */
  public static Optional<Sent> sentAs(Connection db, String messageId) throws SQLException {
    return Sql.one(
        db,
        "SELECT id, question_id FROM outbox WHERE message_id = ?",
        rs -> new Sent(rs.getLong(1), Sql.longOrNull(rs, 2)),
        messageId);
  }

  /** Marks mail {@code id} failed for good: a bounce says it cannot be delivered. */
  public static void markBounced(Connection db, long id, String reason) throws SQLException {
    Sql.update(
        db,
        "UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?",
        "bounced: " + reason,
        id);
  }

  /** The address mail {@code id} was written to, if there is such a row. */
  public static Optional<String> addressOf(Connection db, long id) throws SQLException {
    return Sql.one(db, "SELECT to_address FROM outbox WHERE id = ?", rs -> rs.getString(1), id);
  }

  /** The mail handed to the relay for {@code address} after {@code after}, oldest first. */
  public static List<Long> sentTo(Connection db, String address, Instant after)
      throws SQLException {
    return Sql.list(
        db,
        """
        SELECT id FROM outbox WHERE to_address = ? COLLATE NOCASE AND state = 'sent'
          AND julianday(sent_at) > julianday(?) ORDER BY sent_at, id""",
        rs -> rs.getLong(1),
        address,
        after.toString());
  }

  /**
   * Cancels every shared-body (newsletter) mail to {@code address} not yet handed to the relay,
   * including one a sender has claimed: its claim renewal before sending then fails.
   */
  public static int cancelBulkTo(Connection db, String address, String why) throws SQLException {
    return Sql.update(
        db,
        """
        UPDATE outbox SET state = 'cancelled', last_error = ?, claimed_at = NULL, claimed_by = NULL
        WHERE to_address = ? COLLATE NOCASE AND body_id IS NOT NULL
          AND state IN ('queued', 'sending')""",
        why,
        address);
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
      String sentAt,
      String claimedAt) {
    /** This row addressed to {@code shown} instead, for a listing that masks who readers are. */
    public Entry withTo(String shown) {
      return new Entry(
          id,
          kind,
          shown,
          subject,
          state,
          attempts,
          nextAttemptAt,
          lastError,
          createdAt,
          sentAt,
          claimedAt);
    }
  }

  /** Queues {@code mail} inside the caller's transaction; returns its Message-ID. */
  public String enqueue(Connection db, OutgoingMail mail) throws SQLException {
    String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
    String now = clock.instant().toString();
    Sql.update(
        db,
        """
        INSERT INTO outbox(kind, to_address, subject, body_text, body_html, message_id, reply_to_ids,
                           question_id, state, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)""",
        mail.kind(),
        mail.to(),
        mail.subject(),
        mail.text(),
        mail.html(),
        messageId,
        mail.inReplyTo() == null ? null : String.join(" ", references(mail)),
        mail.questionId(),
        now,
        now);
    return messageId;
  }

  /** What one {@link #sendDue} did. */
  public record SendReport(int sent, int retrying, int failed) {}

  /**
   * Sends every queued mail whose time has come through {@code smtp}. Each row is claimed first
   * ({@code queued} to {@code sending}, a few at a time), so that another sender on the same
   * database, in this process or another, never sends it too; it is marked sent in its own
   * transaction as soon as the relay accepts it.
   */
  public SendReport sendDue(MailSettings.Smtp smtp) {
    Deque<ClaimedMail> claimed = claims.claim();
    if (claimed.isEmpty()) {
      return new SendReport(0, 0, 0);
    }
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    Session session = MailSessions.smtp(smtp);
    try (Transport transport = session.getTransport()) {
      MailSessions.connect(transport, smtp);
      while (!claimed.isEmpty()) {
        ClaimedMail mail = claimed.peekFirst();
        if (!claims.renew(mail)) {
          LOG.log(
              System.Logger.Level.WARNING,
              mail.kind()
                  + " #"
                  + mail.id()
                  + " was taken over by another sender while this one stalled; left to it");
          claimed.removeFirst();
          if (claimed.isEmpty()) {
            claimed = claims.claim();
          }
          continue;
        }
        try {
          MimeMessage message = mail.toMime(session, smtp.from());
          transport.sendMessage(message, message.getAllRecipients());
          claims.sent(mail.id());
          LOG.log(
              System.Logger.Level.INFO,
              "sent " + mail.kind() + " #" + mail.id() + " to " + mail.to());
          sent++;
        } catch (MessagingException e) {
          if (claims.retry(mail, MailSessions.describe(e))) {
            retrying++;
          } else {
            failed++;
          }
        }
        claimed.removeFirst();
        if (claimed.isEmpty()) {
          claimed = claims.claim();
        }
      }
    } catch (MessagingException e) {
      String why = MailSessions.describe(e);
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot send through SMTP " + smtp.host() + ":" + smtp.port() + ": " + why);
      // What this sender claimed and did not get to goes back to the queue, not to a lease.
      for (ClaimedMail mail : claimed) {
        if (claims.retry(mail, why)) {
          retrying++;
        } else {
          failed++;
        }
      }
    }
    return new SendReport(sent, retrying, failed);
  }

  /**
   * Makes a queued or failed mail due now; false if there is no such mail. A mail that a sender has
   * claimed is left to it, so that "retry" never sends it twice.
   */
  public boolean retryNow(long id) {
    return store.inTransaction(
            db ->
                Sql.update(
                    db,
                    """
                    UPDATE outbox SET state = 'queued', next_attempt_at = '1970-01-01T00:00:00Z'
                    WHERE id = ? AND state IN ('queued', 'failed')""",
                    id))
        == 1;
  }

  /** Every outbox row, newest first. */
  public List<Entry> list() {
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                // A newsletter's thousands of rows are counted per send (newsletter status), not
                // listed.
                "SELECT * FROM outbox WHERE body_id IS NULL ORDER BY id DESC",
                rs ->
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
                        rs.getString("sent_at"),
                        rs.getString("claimed_at"))));
  }

  private static List<String> references(OutgoingMail mail) {
    List<String> ids = new ArrayList<>(mail.references() == null ? List.of() : mail.references());
    ids.remove(mail.inReplyTo());
    ids.add(mail.inReplyTo());
    return ids;
  }
}
