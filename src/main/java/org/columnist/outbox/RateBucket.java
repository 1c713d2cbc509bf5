package org.columnist.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.columnist.store.Sql;

/**
 * A token bucket kept in the {@code rate_buckets} table, so that a restart neither forgets what was
 * sent in the last minute nor starts with a fresh burst. It fills at {@code perMinute / 60} tokens
 * a second and holds one second's worth; tokens are taken in the transaction that claims the rows
 * they pay for.
 */
final class RateBucket {
  private final String name;
  private final double perSecond;
  private final double capacity;

  RateBucket(String name, int perMinute) {
    this.name = name;
    this.perSecond = perMinute / 60.0;
    this.capacity = Math.max(1.0, perSecond);
  }

  /** How many whole tokens there are at {@code now}. */
  int available(Connection db, Instant now) throws SQLException {
    return (int) Math.floor(level(db, now));
  }

  /** How long until one more token is there, from {@code now}. */
  Duration untilNext(Connection db, Instant now) throws SQLException {
    double missing = 1.0 - (level(db, now) % 1.0);
    return Duration.ofNanos(Math.max(1_000_000L, (long) (missing / perSecond * 1e9)));
  }

  /** Takes {@code count} tokens (no more than {@link #available}) at {@code now}. */
  void take(Connection db, int count, Instant now) throws SQLException {
    double left = level(db, now) - count;
    Sql.update(
        db,
        """
        INSERT INTO rate_buckets(name, tokens, updated_at) VALUES (?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at""",
        name,
        left,
        now.toString());
  }

  private double level(Connection db, Instant now) throws SQLException {
    record Stored(double tokens, Instant at) {}
    Optional<Stored> stored =
        Sql.one(
            db,
            "SELECT tokens, updated_at FROM rate_buckets WHERE name = ?",
            rs -> new Stored(rs.getDouble(1), Instant.parse(rs.getString(2))),
            name);
    if (stored.isEmpty()) {
      return capacity;
    }
    double seconds = Math.max(0, Duration.between(stored.get().at(), now).toNanos() / 1e9);
    return Math.min(capacity, stored.get().tokens() + seconds * perSecond);
  }
}
