package org.columnist.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * One sender's claims on outbox rows: a row is claimed ({@code queued} to {@code sending}) before
 * it is sent, the claim is renewed just before sending, and it ends as sent or as a retry with
 * exponential backoff. Each step is an update only the claim's holder can win, so senders sharing
 * the table never send one mail twice while their claims hold.
 */
final class Claims {
  private static final System.Logger LOG = System.getLogger("outbox");
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(6);

  /** How many rows a sender claims at a time. */
  private static final int CLAIM_BATCH = 10;

  private final Store store;
  private final int maxAttempts;
  private final Clock clock;

  /** Who this sender is, in the rows it claims: its process, and which outbox in it. */
  private final String sender =
      "pid " + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);

  Claims(Store store, int maxAttempts, Clock clock) {
    this.store = store;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /**
   * Claims up to {@link #CLAIM_BATCH} due rows for this sender: queued ones whose time has come,
   * and ones still {@code sending} after {@link Outbox#LEASE}, whose sender died. Each claim is an
   * update that only one sender can win; a few at a time keep a sender's claims well inside the
   * lease and leave the rest to other senders.
   */
  Deque<ClaimedMail> claim() {
    Instant now = clock.instant();
    String stale = now.minus(Outbox.LEASE).toString();
    return store.inTransaction(
        db -> {
          Deque<ClaimedMail> claimed = new ArrayDeque<>();
          for (ClaimedMail candidate : candidates(db, now.toString(), stale)) {
            int won =
                Sql.update(
                    db,
                    """
                    UPDATE outbox SET state = 'sending', claimed_at = ?, claimed_by = ?
                    WHERE id = ? AND ((state = 'queued' AND next_attempt_at <= ?)
                                      OR (state = 'sending' AND claimed_at <= ?))""",
                    now.toString(),
                    sender,
                    candidate.id(),
                    now.toString(),
                    stale);
            if (won == 1) {
              claimed.add(candidate);
            }
            if (candidate.claimedBy() != null) {
              // At least once: the sender that died may have handed it to the relay already.
              LOG.log(
                  System.Logger.Level.WARNING,
                  "taking over "
                      + candidate.kind()
                      + " #"
                      + candidate.id()
                      + " from "
                      + candidate.claimedBy()
                      + ", whose claim has lapsed; it may be sent twice");
            }
          }
          return claimed;
        });
  }

  private static List<ClaimedMail> candidates(Connection db, String now, String stale)
      throws SQLException {
    return Sql.list(
        db,
        """
        SELECT * FROM outbox
        WHERE (state = 'queued' AND next_attempt_at <= ?) OR (state = 'sending' AND claimed_at <= ?)
        ORDER BY id LIMIT ?""",
        rs ->
            new ClaimedMail(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getString("message_id"),
                rs.getString("reply_to_ids"),
                rs.getInt("attempts"),
                rs.getString("claimed_by")),
        now,
        stale,
        CLAIM_BATCH);
  }

  /**
   * Renews this sender's claim on {@code mail} just before it is sent; false when the claim had
   * lapsed and another sender took the mail over, which then sends it instead.
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

  /** Records a failed attempt; returns false when the mail has now failed for good. */
  boolean retry(ClaimedMail entry, String why) {
    int attempts = entry.attempts() + 1;
    boolean giveUp = attempts >= maxAttempts;
    long factor = 1L << Math.min(attempts - 1, 20);
    Duration wait = FIRST_RETRY.multipliedBy(factor);
    Instant next = clock.instant().plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
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
}
