package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.columnist.store.Sql;

/** The audit log: who did what to which question, when, and why. */
final class Audit {
  private Audit() {}

  static void record(
      Connection db,
      Clock clock,
      long question,
      String actor,
      String action,
      String from,
      String to,
      String note)
      throws SQLException {
    Sql.update(
        db,
        "INSERT INTO audit_log(at, actor, action, question_id, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        clock.instant().toString(),
        actor,
        action,
        question,
        from,
        to,
        note);
  }

  /** Everything recorded about {@code question}, oldest first. */
  static List<Queue.Event> history(Connection db, long question) throws SQLException {
    return Sql.list(
        db,
        "SELECT at, actor, action, from_state, to_state, note FROM audit_log WHERE question_id = ? ORDER BY id",
        rs ->
            new Queue.Event(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)),
        question);
  }
}
