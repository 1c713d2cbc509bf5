package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.store.Sql;

/**
 * The tables behind {@link Drafts}: the draft of each question and every saved version of it, as
 * archive-file text. Runs inside the caller's transaction.
 */
final class DraftVersions {
  private DraftVersions() {}

  static boolean exists(Connection db, long question) throws SQLException {
    return Sql.one(db, "SELECT 1 FROM drafts WHERE question_id = ?", rs -> 1, question).isPresent();
  }

  static void create(Connection db, long question, String text, String actor, Instant now)
      throws SQLException {
    long draft =
        Sql.insert(
            db,
            "INSERT INTO drafts(question_id, created_at) VALUES (?, ?)",
            question,
            now.toString());
    Sql.update(
        db,
        "INSERT INTO draft_versions(draft_id, version, text, saved_by, saved_at) VALUES (?, 1, ?, ?, ?)",
        draft,
        text,
        actor,
        now.toString());
  }

  static Optional<Draft> latest(Connection db, long question) throws SQLException {
    return Sql.one(
        db,
        """
        SELECT v.version, v.text, v.saved_by, v.saved_at FROM draft_versions v JOIN drafts d ON d.id = v.draft_id
        WHERE d.question_id = ? ORDER BY v.version DESC LIMIT 1""",
        DraftVersions::draft,
        question);
  }

  static Optional<Draft> version(Connection db, long question, int number) throws SQLException {
    return Sql.one(
        db,
        """
        SELECT v.version, v.text, v.saved_by, v.saved_at FROM draft_versions v JOIN drafts d ON d.id = v.draft_id
        WHERE d.question_id = ? AND v.version = ?""",
        DraftVersions::draft,
        question,
        number);
  }

  static List<Draft> history(Connection db, long question) throws SQLException {
    return Sql.list(
        db,
        """
        SELECT v.version, v.text, v.saved_by, v.saved_at FROM draft_versions v JOIN drafts d ON d.id = v.draft_id
        WHERE d.question_id = ? ORDER BY v.version""",
        DraftVersions::draft,
        question);
  }

  /**
   * Saves {@code text} as the next version, unless it equals the latest. With {@code expected},
   * refuses when someone saved another version since that one was read.
   */
  static int save(
      Connection db, long question, String text, String actor, Instant now, Integer expected)
      throws SQLException {
    Draft latest = latest(db, question).orElseThrow(() -> noDraftYet(question));
    if (expected != null && latest.version() != expected) {
      throw new ColumnistException(
          "draft "
              + question
              + " was saved as version "
              + latest.version()
              + " by "
              + latest.savedBy()
              + " since you opened version "
              + expected
              + "; nothing was overwritten");
    }
    if (latest.text().equals(text)) {
      return latest.version();
    }
    long draft =
        Sql.one(db, "SELECT id FROM drafts WHERE question_id = ?", rs -> rs.getLong(1), question)
            .orElseThrow();
    int next = latest.version() + 1;
    Sql.update(
        db,
        "INSERT INTO draft_versions(draft_id, version, text, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)",
        draft,
        next,
        text,
        actor,
        now.toString());
    return next;
  }

  static ColumnistException noDraftYet(long question) {
    return new ColumnistException("question " + question + " has no draft yet: accept it first");
  }

  private static Draft draft(java.sql.ResultSet rs) throws SQLException {
    return new Draft(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }
}
