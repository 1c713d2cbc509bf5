package org.columnist.mail;

import org.columnist.newsletter.Bounces;

/**
 * What intake made of one fetched message: every message ends as exactly one of these, recorded
 * with its reason in the mail log.
 */
sealed interface Outcome {
  /** The word stored in {@code messages.outcome}. */
  String name();

  /** Why, in words for the mail log. */
  String reason();

  record NewQuestion() implements Outcome {
    public String name() {
      return "question";
    }

    public String reason() {
      return "new question";
    }
  }

  record FollowUp(long questionId, String reason) implements Outcome {
    public String name() {
      return "follow_up";
    }
  }

  /** A request by mail; {@code verb} is withdraw, subscribe or unsubscribe. */
  record Command(String verb) implements Outcome {
    public String name() {
      return "command";
    }

    public String reason() {
      return verb;
    }
  }

  record AutoReply(String reason) implements Outcome {
    public String name() {
      return "auto_reply";
    }
  }

  /**
   * A delivery failure or a complaint about our mail: {@code outboxId} is the mail of ours it
   * reports on and {@code recipient} the address it failed for, each null when unknown. A complaint
   * is a bounce too in the mail log; its kind and reason say which.
   */
  record Bounce(Long outboxId, String recipient, Bounces.Kind kind, String reason)
      implements Outcome {
    public String name() {
      return "bounce";
    }
  }

  record Spam(String reason) implements Outcome {
    public String name() {
      return "spam";
    }
  }

  /** The same message (Message-ID, sender and text) taken in before as {@code messageRow}. */
  record Duplicate(long messageRow) implements Outcome {
    public String name() {
      return "duplicate";
    }

    public String reason() {
      return "same Message-ID, sender and text as message " + messageRow;
    }
  }

  record Rejected(String reason) implements Outcome {
    public String name() {
      return "rejected";
    }
  }
}
