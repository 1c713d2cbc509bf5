package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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
}
