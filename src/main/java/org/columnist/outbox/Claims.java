package org.columnist.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * One sender's claims on outbox rows: a row is claimed ({@code queued} to {@code sending}) before
 * it is sent, the claim is renewed just before sending, and it ends as sent, as a retry with
 * exponential backoff, or as failed. Each step is an update only the claim's holder can win, so
 * senders sharing the table never send one mail twice while their claims hold. Single mails (acks)
 * are claimed before bulk ones, so that an ack never waits behind a newsletter; bulk rows are
 * claimed only as fast as the rate bucket allows.
 */
final class Claims {
  private static final System.Logger LOG = System.getLogger("outbox");
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(6);

  /** How long in all a deferred newsletter mail is retried before it fails for good. */
  static final Duration BULK_GIVE_UP = Duration.ofDays(3);

  /** How many single rows a sender claims at a time. */
  private static final int CLAIM_BATCH = 10;

  /** How many bulk rows at most, if the bucket has the tokens. */
  private static final int BULK_BATCH = 50;

  /** Rows claimed in one go, or how long to wait for the tokens that due bulk rows need. */
  record Batch(Deque<ClaimedMail> mails, Duration waitForTokens) {}

  private final Store store;
  private final int maxAttempts;
  private final Clock clock;
  private final String sender;
  private final RateBucket bucket;
  private final Bodies bodies;

  Claims(Store store, int maxAttempts, Clock clock, String sender, int ratePerMinute) {
    this.store = store;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
    this.sender = sender;
    this.bucket = new RateBucket("newsletter", ratePerMinute);
    this.bodies = new Bodies(clock);
  }

  String sender() {
    return sender;
  }

  /**
   * Claims due rows for this sender: first rows whose sender died (its lease is over, or it was a
   * process on this host that is gone), then single rows, then as many bulk rows as the bucket has
   * tokens for. Bulk rows of a body past its {@code not_after} are held instead.
   */
  Batch claim() {
    Instant now = clock.instant();
    return store.inTransaction(
        db -> {
          Deque<ClaimedMail> claimed = new ArrayDeque<>();
          for (Row row : Takeovers.lapsed(db, now, sender, CLAIM_BATCH)) {
            if (win(db, row, now)) {
              // At least once: the sender that died may have handed it to the relay already.
              LOG.log(
                  System.Logger.Level.WARNING,
                  "taking over "
                      + row.kind()
                      + " #"
                      + row.id()
                      + " from "
                      + (row.claimedBy() == null ? "a sender" : row.claimedBy())
                      + ", whose claim has lapsed; it may be sent twice");
              claimed.add(mail(db, row));
            }
          }
          claimed.addAll(claimQueued(db, "body_id IS NULL", CLAIM_BATCH, now));
          if (!claimed.isEmpty()) {
            return new Batch(claimed, null);
          }
          hold(db, now);
          int tokens = Math.min(BULK_BATCH, bucket.available(db, now));
          if (tokens == 0) {
            boolean due = !queued(db, "body_id IS NOT NULL", 1, now).isEmpty();
            return new Batch(claimed, due ? bucket.untilNext(db, now) : null);
          }
          claimed.addAll(claimQueued(db, "body_id IS NOT NULL", tokens, now));
          bucket.take(db, claimed.size(), now);
          return new Batch(claimed, null);
        });
  }

  private List<ClaimedMail> claimQueued(Connection db, String which, int limit, Instant now)
      throws SQLException {
    List<ClaimedMail> claimed = new ArrayList<>();
    for (Row row : queued(db, which, limit, now)) {
      if (win(db, row, now)) {
        claimed.add(mail(db, row));
      }
    }
    return claimed;
  }

  private static List<Row> queued(Connection db, String which, int limit, Instant now)
      throws SQLException {
    return Sql.list(
        db,
        "SELECT * FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? AND "
            + which
            + " ORDER BY id LIMIT ?",
        Row::of,
        now.toString(),
        limit);
  }

  /** Claims {@code row} if it is still as it was read: one sender wins. */
  private boolean win(Connection db, Row row, Instant now) throws SQLException {
    return Sql.update(
            db,
            """
            UPDATE outbox SET state = 'sending', claimed_at = ?, claimed_by = ?
            WHERE id = ? AND state = ? AND claimed_by IS ? AND claimed_at IS ?""",
            now.toString(),
            sender,
            row.id(),
            row.state(),
            row.claimedBy(),
            row.claimedAt())
        == 1;
  }

  private ClaimedMail mail(Connection db, Row row) throws SQLException {
    if (row.bodyId() == null) {
      return row.single();
    }
    return bodies.get(db, row.bodyId()).personal(row);
  }

  /**
   * Holds the queued rows of every body whose {@code not_after} has passed: a column that old is no
   * longer news. Logged once per body, not per row.
   */
  private void hold(Connection db, Instant now) throws SQLException {
    record Stale(long id, String kind, int rows) {}
    List<Stale> stale =
        Sql.list(
            db,
            """
            SELECT b.id, b.kind, count(*) FROM outbox_bodies b JOIN outbox o ON o.body_id = b.id
            WHERE b.not_after IS NOT NULL AND b.not_after < ? AND o.state = 'queued'
            GROUP BY b.id, b.kind""",
            rs -> new Stale(rs.getLong(1), rs.getString(2), rs.getInt(3)),
            now.toString());
    for (Stale body : stale) {
      String why =
          Outbox.HELD
              + "column older than newsletter.max_age; 'columnist newsletter send "
              + body.id()
              + " --force' sends it";
      Sql.update(
          db,
          "UPDATE outbox SET state = 'cancelled', last_error = ? WHERE body_id = ? AND state = 'queued'",
          why,
          body.id());
      LOG.log(
          System.Logger.Level.WARNING,
          body.kind() + " #" + body.id() + ": " + body.rows() + " mails not sent, " + why);
    }
  }

  /**
   * Renews this sender's claim on {@code mail} just before it is sent; false when the claim had
   * lapsed and another sender took the mail over, or the mail was cancelled (an unsubscribe).
   */
  boolean renew(ClaimedMail mail) {
    String now = clock.instant().toString();
    return store.inTransaction(
            db ->
                Sql.update(
                    db,
                    """
                    UPDATE outbox SET claimed_at = ?
                    WHERE id = ? AND state = 'sending' AND claimed_by = ?""",
                    now,
                    mail.id(),
                    sender))
        == 1;
  }

  /** Marks {@code id} sent, ending the claim. */
  void sent(long id) {
    store.inTransaction(
        db ->
            Sql.update(
                db,
                "UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL, claimed_at = NULL, claimed_by = NULL WHERE id = ?",
                clock.instant().toString(),
                id));
  }

  /** Marks {@code mail} failed for good, and tells {@code refusals} in the same transaction. */
  void refused(ClaimedMail mail, String reply, Outbox.Refusals refusals) {
    store.inTransaction(
        db -> {
          boolean ended = fail(db, mail, "relay refused: " + reply);
          if (ended && mail.bulk()) {
            refusals.refused(db, mail.to(), reply);
          }
          return ended;
        });
    LOG.log(
        System.Logger.Level.WARNING,
        "the relay refused " + mail.kind() + " #" + mail.id() + " to " + mail.to() + ": " + reply);
  }

  /**
   * Marks {@code mail} failed for good for a reason that is not its recipient's doing (a message
   * that cannot be built, a relay that rejects the sender or the data): nobody is suppressed.
   */
  void failed(ClaimedMail mail, String why) {
    store.inTransaction(db -> fail(db, mail, why));
    LOG.log(
        System.Logger.Level.WARNING,
        "gave up on " + mail.kind() + " #" + mail.id() + " to " + mail.to() + ": " + why);
  }

  private boolean fail(Connection db, ClaimedMail mail, String why) throws SQLException {
    return Sql.update(
            db,
            """
            UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?,
                              claimed_at = NULL, claimed_by = NULL
            WHERE id = ? AND state = 'sending' AND claimed_by = ?""",
            why,
            mail.id(),
            sender)
        == 1;
  }

  /**
   * Gives {@code mail} back to the queue without counting an attempt (the relay could not be
   * reached, so the mail was never tried), due again at {@code next}.
   */
  void release(ClaimedMail mail, String why, Instant next) {
    store.inTransaction(
        db ->
            Sql.update(
                db,
                """
                UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = ?,
                                  claimed_at = NULL, claimed_by = NULL
                WHERE id = ? AND state = 'sending' AND claimed_by = ?""",
                next.toString(),
                why,
                mail.id(),
                sender));
  }

  /** Records a failed attempt; returns false when the mail has now failed for good. */
  boolean retry(ClaimedMail entry, String why) {
    int attempts = entry.attempts() + 1;
    // A relay throttling a newsletter can defer it for hours: a 4xx must not fail the send, so bulk
    // rows give up only once they have waited BULK_GIVE_UP in all.
    boolean giveUp =
        attempts >= maxAttempts
            && (!entry.bulk() || waitedBefore(attempts + 1).compareTo(BULK_GIVE_UP) >= 0);
    Instant next = clock.instant().plus(backoff(attempts));
    store.inTransaction(
        db ->
            Sql.update(
                db,
                // A sender that took over a lapsed claim owns the row now: leave it be.
                """
                UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                                  claimed_at = NULL, claimed_by = NULL
                WHERE id = ? AND state = 'sending' AND claimed_by = ?""",
                giveUp ? "failed" : "queued",
                attempts,
                next.toString(),
                why,
                entry.id(),
                sender));
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

  /** How long a row waits after its {@code attempts}-th failed attempt. */
  static Duration backoff(int attempts) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }

  /** The backoff waited in all before attempt {@code attempt}. */
  private static Duration waitedBefore(int attempt) {
    Duration waited = Duration.ZERO;
    for (int i = 1; i < attempt; i++) {
      waited = waited.plus(backoff(i));
    }
    return waited;
  }

  /** An outbox row as read before it is claimed. */
  record Row(
      long id,
      String kind,
      String to,
      String subject,
      String text,
      String html,
      Long bodyId,
      String personal,
      String messageId,
      String replyToIds,
      int attempts,
      String state,
      String claimedBy,
      String claimedAt) {

    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getLong("id"),
          rs.getString("kind"),
          rs.getString("to_address"),
          rs.getString("subject"),
          rs.getString("body_text"),
          rs.getString("body_html"),
          Sql.longOrNull(rs, rs.findColumn("body_id")),
          rs.getString("personal"),
          rs.getString("message_id"),
          rs.getString("reply_to_ids"),
          rs.getInt("attempts"),
          rs.getString("state"),
          rs.getString("claimed_by"),
          rs.getString("claimed_at"));
    }

    ClaimedMail single() {
      return new ClaimedMail(
          id,
          kind,
          to,
          subject,
          text,
          html,
          null,
          List.of(),
          messageId,
          replyToIds,
          attempts,
          claimedBy);
    }
  }
}
