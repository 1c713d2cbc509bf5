package org.columnist.responses;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.Signer;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * "Was this helpful?": readers' yes and no under a column, counted once per visitor per column per
 * day without cookies and without keeping who voted. The visitor is a keyed hash, under the day's
 * salt ({@link DailySalt}), of the column and the client's address: the same person the same day is
 * the same row, and a later answer replaces the earlier one (a slip of the finger can be put
 * right); the next day the salt is new and the old one gone. What a reader who said "no" thought
 * was missing is kept for the coach.
 */
public final class Votes {
  /** The longest "what was missing?" text taken. */
  public static final int MAX_MISSING = 2_000;

  private final Store store;
  private final Clock clock;
  private final ZoneId zone;

  public Votes(Store store, Clock clock, ZoneId zone) {
    this.store = store;
    this.clock = clock;
    this.zone = zone;
  }

  /** What a vote did to the column's count of yes votes. */
  public enum Cast {
    /** The yes count changed (a new yes, or a visitor's answer turned from or to yes). */
    COUNT_CHANGED,
    /** Counted, but the yes count is as it was (a new no, or the same answer again). */
    COUNT_SAME
  }

  /**
   * Records the vote of {@code client} (an address or block, never stored) on column {@code slug}.
   */
  public Cast cast(String slug, String client, boolean helpful) {
    LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
    return store.inTransaction(
        db -> {
          String visitor = visitor(db, day, slug, client);
          Optional<Boolean> before =
              Sql.one(
                  db,
                  "SELECT helpful FROM votes WHERE day = ? AND slug = ? AND visitor = ?",
                  rs -> rs.getInt(1) == 1,
                  day.toString(),
                  slug,
                  visitor);
          Sql.update(
              db,
              """
              INSERT INTO votes(day, slug, visitor, helpful) VALUES (?, ?, ?, ?)
              ON CONFLICT (day, slug, visitor) DO UPDATE SET helpful = excluded.helpful
              """,
              day.toString(),
              slug,
              visitor,
              helpful ? 1 : 0);
          boolean yesBefore = before.orElse(false);
          return yesBefore != helpful ? Cast.COUNT_CHANGED : Cast.COUNT_SAME;
        });
  }

  /**
   * Keeps what {@code client} thought column {@code slug} was missing (at most {@link
   * #MAX_MISSING}): only after their "no" today, one text per such vote (a later one replaces it),
   * so that the box cannot be used to fill the database. Returns whether it was kept.
   */
  public boolean missing(String slug, String client, String text) {
    if (text.length() > MAX_MISSING) {
      throw new IllegalArgumentException("checked at the edge: " + text.length() + " characters");
    }
    LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
    return store.inTransaction(
        db -> {
          String visitor = visitor(db, day, slug, client);
          boolean saidNo =
              Sql.one(
                      db,
                      "SELECT 1 FROM votes WHERE day = ? AND slug = ? AND visitor = ? AND helpful = 0",
                      rs -> true,
                      day.toString(),
                      slug,
                      visitor)
                  .isPresent();
          if (saidNo) {
            Sql.update(
                db,
                """
                INSERT INTO vote_feedback(day, slug, visitor, body, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (day, slug, visitor) DO UPDATE
                SET body = excluded.body, created_at = excluded.created_at
                """,
                day.toString(),
                slug,
                visitor,
                text,
                clock.instant().toString());
          }
          return saidNo;
        });
  }

  /** Deletes the salts of past days, even on a day nobody voted (the daemon's hourly job). */
  public void forgetPastSalts() {
    LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
    store.inTransaction(
        db -> {
          DailySalt.forgetBefore(db, day);
          return null;
        });
  }

  /** The hash that stands for {@code client} on column {@code slug} on {@code day}. */
  private static String visitor(Connection db, LocalDate day, String slug, String client)
      throws SQLException {
    return new Signer(DailySalt.of(db, day)).keyedHash(slug.length() + ":" + slug + client);
  }

  /** The yes votes of every column that has any, by slug: one query for the whole site. */
  public Map<String, Long> helpful() {
    List<Map.Entry<String, Long>> rows =
        store.inTransaction(
            db ->
                Sql.list(
                    db,
                    "SELECT slug, COUNT(*) FROM votes WHERE helpful = 1 GROUP BY slug",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2))));
    Map<String, Long> bySlug = new HashMap<>();
    rows.forEach(e -> bySlug.put(e.getKey(), e.getValue()));
    return bySlug;
  }

  /** The yes votes of column {@code slug}. */
  public long helpful(String slug) {
    return store.inTransaction(
        db ->
            Sql.one(
                    db,
                    "SELECT COUNT(*) FROM votes WHERE slug = ? AND helpful = 1",
                    rs -> rs.getLong(1),
                    slug)
                .orElse(0L));
  }
}
