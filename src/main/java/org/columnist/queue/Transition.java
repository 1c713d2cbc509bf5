package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.columnist.ColumnistException;
import org.columnist.store.Sql;

/**
 * The moves of the editorial queue (DESIGN.md "The queue"): each leads to one state and is allowed
 * only from the states listed. Nothing else changes a question's state.
 */
public enum Transition {
  ACCEPT(State.ACCEPTED, State.NEW, State.IN_REVIEW),
  REVIEW(State.IN_REVIEW, State.ACCEPTED, State.SCHEDULED),
  SCHEDULE(State.SCHEDULED, State.IN_REVIEW, State.SCHEDULED),
  PUBLISH(State.PUBLISHED, State.IN_REVIEW, State.SCHEDULED),
  REPUBLISH(State.PUBLISHED, State.PUBLISHED),
  DECLINE(State.DECLINED, State.NEW, State.ACCEPTED, State.IN_REVIEW, State.SCHEDULED),
  SPAM(State.SPAM, State.NEW),
  WITHDRAW(State.WITHDRAWN, openStates()),
  MERGE(State.MERGED, State.NEW, State.ACCEPTED, State.IN_REVIEW);

  private final State to;
  private final Set<State> from;

  Transition(State to, State... from) {
    this.to = to;
    this.from = Set.of(from);
  }

  private static State[] openStates() {
    return Arrays.stream(State.values()).filter(State::open).toArray(State[]::new);
  }

  /** The state this transition leads to, as the store spells it. */
  public String to() {
    return to.id();
  }

  public boolean allowedFrom(String state) {
    return State.of(state).map(from::contains).orElse(false);
  }

  /** The verb, as the CLI spells it. */
  public String verb() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verbs allowed from {@code state}, for the message that refuses another. */
  public static List<String> allowedVerbs(String state) {
    List<String> verbs = new ArrayList<>();
    for (Transition t : values()) {
      if (t.allowedFrom(state)) {
        verbs.add(t.verb());
      }
    }
    return verbs;
  }

  /**
   * Applies this transition to question {@code id} inside the caller's transaction, guarded by the
   * question's version, and records it; refuses with the moves that are allowed. Returns the row as
   * it was.
   */
  QuestionRow apply(Connection db, long id, String actor, String note, Clock clock)
      throws SQLException {
    QuestionRow q = QuestionRow.load(db, id);
    if (!allowedFrom(q.state())) {
      List<String> allowed = allowedVerbs(q.state());
      throw new ColumnistException(
          "cannot "
              + verb()
              + " question "
              + id
              + ": it is "
              + q.state()
              + "; "
              + (allowed.isEmpty()
                  ? "that is final"
                  : "from " + q.state() + " you can " + String.join(", ", allowed)));
    }
    int changed =
        Sql.update(
            db,
            "UPDATE questions SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
            to(),
            clock.instant().toString(),
            id,
            q.version());
    if (changed == 0) {
      throw new ColumnistException(
          "question " + id + " was changed by someone else meanwhile; look again and retry");
    }
    Audit.record(db, clock, id, actor, verb(), q.state(), to(), note);
    return q;
  }
}
