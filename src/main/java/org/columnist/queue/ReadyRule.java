package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.columnist.ColumnistException;
import org.columnist.column.Column;

/**
 * A column goes to review, to the schedule or out only when it is ready: it has an Answer and says
 * in its client profile what it is about. The one place that says so, checked inside the move's
 * transaction, so the editor and the CLI refuse alike.
 */
final class ReadyRule {
  private static final Set<Transition> NEEDS_A_READY_COLUMN =
      Set.of(Transition.REVIEW, Transition.SCHEDULE, Transition.PUBLISH, Transition.REPUBLISH);

  private ReadyRule() {}

  /** Refuses {@code transition} of question {@code id} while its latest draft is not ready. */
  static void check(Connection db, long id, Transition transition) throws SQLException {
    if (!NEEDS_A_READY_COLUMN.contains(transition)) {
      return;
    }
    // With no draft at all there is nothing to check here; publishing says it has no draft.
    var draft = DraftVersions.latest(db, id);
    if (draft.isEmpty()) {
      return;
    }
    Column column = Drafts.parse(id, draft.get().text());
    String cannot = "cannot " + transition.verb() + " question " + id + ": ";
    if (column.answer() == null || column.answer().isBlank()) {
      throw new ColumnistException(cannot + "its Answer is empty; write it first");
    }
    if (column.client().issue() == null) {
      throw new ColumnistException(
          cannot + "its client profile has no issue; say in a few words what it is about");
    }
  }
}
