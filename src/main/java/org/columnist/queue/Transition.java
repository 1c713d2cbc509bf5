package org.columnist.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The moves of the editorial queue (DESIGN.md "The queue"): each leads to one state and is allowed
 * only from the states listed. Nothing else changes a question's state.
 */
public enum Transition {
  ACCEPT("accepted", "new", "in_review"),
  REVIEW("in_review", "accepted", "scheduled"),
  SCHEDULE("scheduled", "in_review", "scheduled"),
  PUBLISH("published", "in_review", "scheduled"),
  REPUBLISH("published", "published"),
  DECLINE("declined", "new", "accepted", "in_review", "scheduled"),
  SPAM("spam", "new"),
  WITHDRAW("withdrawn", "new", "accepted", "in_review", "scheduled"),
  MERGE("merged", "new", "accepted", "in_review");

  private final String to;
  private final Set<String> from;

  Transition(String to, String... from) {
    this.to = to;
    this.from = Set.of(from);
  }

  /** The state this transition leads to. */
  public String to() {
    return to;
  }

  public boolean allowedFrom(String state) {
    return from.contains(state);
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
}
