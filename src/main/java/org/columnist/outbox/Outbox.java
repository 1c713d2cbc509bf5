package org.columnist.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.columnist.config.MailSettings;
import org.columnist.config.NewsletterSettings;
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
  private final Wire wire;

  /** An outbox whose mail has {@code fromAddress} as its From, with the default policy. */
  public Outbox(Store store, String fromAddress, int maxAttempts, Clock clock) {
    this(store, fromAddress, maxAttempts, clock, Policy.of(fromAddress));
  }

  /** The same with {@code policy}: its DKIM key is read now, and refused when unusable. */
  public Outbox(Store store, String fromAddress, int maxAttempts, Clock clock, Policy policy) {
    this(store, fromAddress, maxAttempts, clock, policy, (step, id) -> {}, Takeovers.newSender());
  }

  /** The same with a test's {@code checkpoint}, claiming rows as {@code sender}. */
  Outbox(
      Store store,
      String fromAddress,
      int maxAttempts,
      Clock clock,
      Policy policy,
      Checkpoint checkpoint,
      String sender) {
    this.store = store;
    String bare = MailSettings.bareAddress(fromAddress);
    this.messageIdDomain = bare.substring(bare.indexOf('@') + 1);
    this.clock = clock;
    this.claims = new Claims(store, maxAttempts, clock, sender, policy.ratePerMinute());
    this.wire = new Wire(fromAddress, policy, DkimSigning.of(policy.dkim()), checkpoint, clock);
  }

  /**
   * How this outbox sends: the column's address (the envelope sender's base, so bounces come back
   * to intake), the newsletter's rate per minute, who hears of a relay's refusal of a bulk mail,
   * and the DKIM key, if any.
   */
  public record Policy(
      String columnAddress, int ratePerMinute, Refusals refusals, NewsletterSettings.Dkim dkim) {
    /** The defaults: {@code address} as the column's, the default rate, no listener, no DKIM. */
    public static Policy of(String address) {
      return new Policy(
          MailSettings.bareAddress(address),
          NewsletterSettings.DEFAULTS.ratePerMinute(),
          (db, to, reply) -> {},
          null);
    }
  }

  /** Told, in the transaction that fails the row, that the relay refused bulk mail for good. */
  @FunctionalInterface
  public interface Refusals {
    void refused(Connection db, String address, String reply) throws SQLException;
  }

  /** The named points in sending one row where a test can stop the sender dead. */
  enum Step {
    /** The row is claimed ({@code sending}); nothing was sent. */
    CLAIMED,
    /** The relay accepted the message; the row is not yet marked sent. */
    ACCEPTED_NOT_MARKED,
    /** The row is marked sent. */
    MARKED
  }

  /** Called at each {@link Step}; a test throws to simulate a crash there. */
  @FunctionalInterface
  interface Checkpoint {
    void reached(Step step, long id);
  }

  /**
   * What a send round needs besides the claims: the message on the wire (From, envelope sender,
   * DKIM), the checkpoint, the refusal listener, and the pause after the relay was unreachable,
   * which doubles each time in a row (one minute up to half an hour).
   */
  static final class Wire {
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(30);

    private final String from;
    private final Policy policy;
    private final DkimSigning dkim;
    private final Checkpoint checkpoint;
    private final Clock clock;
    private volatile Instant pausedUntil;
    private volatile String pauseReason;
    private int pausesInARow;

    Wire(String from, Policy policy, DkimSigning dkim, Checkpoint checkpoint, Clock clock) {
      this.from = from;
      this.policy = policy;
      this.dkim = dkim;
      this.checkpoint = checkpoint;
      this.clock = clock;
    }

    MimeMessage message(ClaimedMail mail, Session session) throws MessagingException {
      var message =
          mail.toMime(
              session, from, bounceAddress(policy.columnAddress(), mail.id(), mail.messageId()));
      return dkim == null ? message : dkim.sign(message);
    }

    Checkpoint checkpoint() {
      return checkpoint;
    }

    Refusals refusals() {
      return policy.refusals();
    }

    /** Starts (or lengthens) a pause; returns when rows are due again. */
    synchronized Instant paused(String why) {
      long factor = 1L << Math.min(pausesInARow++, 10);
      Duration pause = FIRST_PAUSE.multipliedBy(factor);
      pauseReason = why;
      pausedUntil =
          clock.instant().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
      return pausedUntil;
    }

    synchronized void resumed() {
      pausesInARow = 0;
      pausedUntil = null;
    }
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
    // A held row becomes an ordinary cancelled one, so that a later --force never mails it.
    return Sql.update(
        db,
        """
        UPDATE outbox SET state = 'cancelled', last_error = ?, claimed_at = NULL, claimed_by = NULL
        WHERE to_address = ? COLLATE NOCASE AND body_id IS NOT NULL
          AND (state IN ('queued', 'sending') OR\s"""
            + held("outbox")
            + ")",
        why,
        address);
  }

  /**
   * What a held row's last_error starts with. A held row is one of a column that grew older than
   * {@code newsletter.max_age} before it went out: {@code cancelled}, with this mark, until the
   * coach forces it out ({@link #releaseHeld}) or its reader leaves ({@link #cancelBulkTo}).
   */
  public static final String HELD = "held: ";

  /** The SQL condition that a row of {@code table} (a name or alias) is held: the one rule. */
  public static String held(String table) {
    return "("
        + table
        + ".state = 'cancelled' AND coalesce("
        + table
        + ".last_error, '') LIKE '"
        + HELD
        + "%')";
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

  /**
   * What one {@link #sendDue} did.
   *
   * @param paused why the relay could not be reached, so that sending waits; null when it could
   */
  public record SendReport(int sent, int retrying, int failed, String paused) {
    public SendReport(int sent, int retrying, int failed) {
      this(sent, retrying, failed, null);
    }
  }

  /**
   * Sends every queued mail whose time has come through {@code smtp}. Each row is claimed first
   * ({@code queued} to {@code sending}, a few at a time), so that another sender on the same
   * database, in this process or another, never sends it too; it is marked sent in its own
   * transaction as soon as the relay accepts it.
   */
  public SendReport sendDue(MailSettings.Smtp smtp) {
    return sendDue(smtp, () -> false);
  }

  /**
   * The same, waiting for the newsletter's rate inside the run and ending it soon after {@code
   * stop} says so. While the relay is unreachable, a run sends nothing until the pause is over.
   */
  public SendReport sendDue(MailSettings.Smtp smtp, BooleanSupplier stop) {
    Instant until = wire.pausedUntil;
    if (until != null && clock.instant().isBefore(until)) {
      return new SendReport(0, 0, 0, wire.pauseReason + "; paused until " + until);
    }
    return new SendRound(wire, claims, smtp, stop).run();
  }

  /**
   * Starts a bulk mail inside the caller's transaction: its body is stored once, and each {@link
   * Bulk#add} queues one recipient's row.
   */
  public Bulk startBulk(Connection db, BulkMail mail) throws SQLException {
    String now = clock.instant().toString();
    long bodyId =
        Sql.insert(
            db,
            """
            INSERT INTO outbox_bodies(kind, subject, body_text, body_html, headers, marker,
                                      not_after, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            mail.kind(),
            mail.subject(),
            mail.text(),
            mail.html(),
            String.join("\n", mail.headers()),
            mail.marker(),
            mail.notAfter() == null ? null : mail.notAfter().toString(),
            now);
    var insert =
        db.prepareStatement(
            """
            INSERT INTO outbox(kind, body_id, question_id, to_address, personal, message_id,
                               state, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)""");
    return new Bulk(mail, bodyId, insert, messageIdDomain, now);
  }

  /**
   * Sends the held rows of body {@code bodyId} after all ({@code --force}), and lifts its age
   * limit; returns how many rows are due again.
   */
  public static int releaseHeld(Connection db, long bodyId) throws SQLException {
    Sql.update(db, "UPDATE outbox_bodies SET not_after = NULL WHERE id = ?", bodyId);
    return Sql.update(
        db,
        """
        UPDATE outbox SET state = 'queued', next_attempt_at = '1970-01-01T00:00:00Z',
                          last_error = NULL
        WHERE body_id = ? AND\s"""
            + held("outbox"),
        bodyId);
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
