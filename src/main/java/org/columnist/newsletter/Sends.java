package org.columnist.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * How far each newsletter send has got: its outbox rows counted by state, and the rate it achieved.
 * A send's recipients are fixed when it is made, so the counts always add up to them.
 */
public final class Sends {
  private final Store store;
  private final Clock clock;

  public Sends(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * One send: {@code pending} is queued, being sent or held, {@code held} the part of it that is
   * past its body's {@code not_after} (a stale column, kept back until forced, whether or not a
   * sender has marked it held yet), {@code cancelled} rows to addresses that left before their
   * turn. A send with held rows is not done.
   */
  public record Progress(
      long id,
      String title,
      String url,
      String createdAt,
      int recipients,
      int sent,
      int failed,
      int pending,
      int held,
      int cancelled,
      String firstSentAt,
      String lastSentAt) {

    /** Sent messages per minute between the first and the last sent, or null before two. */
    public Double achievedPerMinute() {
      if (sent < 2 || firstSentAt == null || lastSentAt == null) {
        return null;
      }
      long millis =
          Duration.between(Instant.parse(firstSentAt), Instant.parse(lastSentAt)).toMillis();
      return millis <= 0 ? null : (sent - 1) * 60_000.0 / millis;
    }

    /** Done when nothing is left to send. */
    public boolean done() {
      return pending == 0;
    }
  }

  /** Every send, newest first. */
  public List<Progress> all() {
    String now = clock.instant().toString();
    return store.read(
        db ->
            Sql.list(
                db,
                """
                SELECT s.id, s.title, s.url, s.created_at, s.recipients,
                  count(CASE o.state WHEN 'sent' THEN 1 END),
                  count(CASE o.state WHEN 'failed' THEN 1 END),
                  count(CASE WHEN o.state IN ('queued', 'sending') OR %1$s THEN 1 END),
                  count(CASE WHEN (o.state IN ('queued', 'sending') AND b.not_after < ?) OR %1$s
                             THEN 1 END),
                  count(CASE WHEN o.state = 'cancelled' AND NOT %1$s THEN 1 END),
                  min(o.sent_at), max(o.sent_at)
                FROM newsletter_sends s
                JOIN outbox_bodies b ON b.id = s.body_id
                LEFT JOIN outbox o ON o.body_id = s.body_id
                GROUP BY s.id ORDER BY s.id DESC"""
                    .formatted(Outbox.held("o")),
                rs ->
                    new Progress(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getString(11),
                        rs.getString(12)),
                now));
  }
}
