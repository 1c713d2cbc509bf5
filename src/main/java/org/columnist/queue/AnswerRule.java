package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.columnist.ColumnistException;

/**
 * A column goes to review, to the schedule or out only with an Answer: the one place that says so,
 * checked inside the move's transaction, so the editor and the CLI refuse alike.
 */
final class AnswerRule {
  private static final Set<Transition> NEEDS_AN_ANSWER =
      Set.of(Transition.REVIEW, Transition.SCHEDULE, Transition.PUBLISH, Transition.REPUBLISH);

  private AnswerRule() {}

  /** Refuses {@code transition} of question {@code id} while its latest draft has no Answer. */
  static void check(Connection db, long id, Transition transition) throws SQLException {
    if (!NEEDS_AN_ANSWER.contains(transition)) {
      return;
    }
    // With no draft at all there is nothing to check here; publishing says it has no draft.
    var draft = DraftVersions.latest(db, id);
    String answer = draft.isPresent() ? Drafts.parse(id, draft.get().text()).answer() : "-";
    if (answer == null || answer.isBlank()) {
      throw new ColumnistException(
          "cannot "
              + transition.verb()
              + " question "
              + id
              + ": its Answer is empty; write it first");
    }
  }
}
