package org.columnist.queue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The states of a question (DESIGN.md "The queue"), in the order work moves through them, then the
 * ends. The queue, the editor and intake all ask this type which states are still open.
 */
public enum State {
  NEW,
  ACCEPTED,
  IN_REVIEW,
  SCHEDULED,
  PUBLISHED,
  DECLINED,
  SPAM,
  WITHDRAWN,
  MERGED;

  /** As the store keeps it and the CLI spells it: {@code in_review}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Still on its way to publication: the reader may withdraw it and will hear when it is out. */
  public boolean open() {
    return ordinal() < PUBLISHED.ordinal();
  }

  /** Whether the coach may still save the draft: from acceptance on, corrections included. */
  public boolean draftMayChange() {
    return ordinal() >= ACCEPTED.ordinal() && ordinal() <= PUBLISHED.ordinal();
  }

  /** The state spelled {@code id}, if there is one. */
  public static Optional<State> of(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }

  /** Every state's id, in order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(State::id).toList();
  }

  /** Whether the state spelled {@code id} is open. */
  public static boolean isOpen(String id) {
    return of(id).map(State::open).orElse(false);
  }
}
