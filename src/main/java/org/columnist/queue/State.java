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
  NEW("new"),
  ACCEPTED("accepted"),
  IN_REVIEW("in review"),
  SCHEDULED("scheduled"),
  PUBLISHED("published"),
  DECLINED("declined"),
  SPAM("spam"),
  WITHDRAWN("withdrawn"),
  MERGED("merged");

  private final String word;

  State(String word) {
    this.word = word;
  }

  /** As the store keeps it and the CLI spells it: {@code in_review}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a person reads it, in the editor or a sentence: {@code in review}. */
  public String word() {
    return word;
  }

  /** The word for the state spelled {@code id}, or {@code id} itself if there is no such state. */
  public static String wordFor(String id) {
    return of(id).map(State::word).orElse(id);
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
