package org.columnist.responses;

import java.util.List;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The coach's view of "Was this helpful?": the columns readers voted on, most found helpful first,
 * and what readers who said "no" thought was missing, newest first.
 */
public final class Helpfulness {
  /** The most "what was missing?" texts one page lists. */
  static final int MISSING_SHOWN = 200;

  private final Store store;

  public Helpfulness(Store store) {
    this.store = store;
  }

  /** One column's votes, all days together. */
  public record Row(String slug, long yes, long no) {
    /** The share of yes, 0 to 100, rounded. */
    public long share() {
      return Math.round(100.0 * yes / (yes + no));
    }
  }

  /** A reader's "what was missing?", as typed. */
  public record Missing(String slug, String text, String at) {}

  /** Every column with a vote: the most yes first, then the greater share of yes. */
  public List<Row> columns() {
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                """
                SELECT slug, SUM(helpful), SUM(1 - helpful) FROM votes GROUP BY slug
                ORDER BY SUM(helpful) DESC, 1.0 * SUM(helpful) / COUNT(*) DESC, slug
                """,
                rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3))));
  }

  /** The newest {@link #MISSING_SHOWN} "what was missing?" texts, newest first. */
  public List<Missing> missing() {
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                "SELECT slug, body, created_at FROM vote_feedback ORDER BY id DESC LIMIT ?",
                rs -> new Missing(rs.getString(1), rs.getString(2), rs.getString(3)),
                MISSING_SHOWN));
  }
}
