package org.columnist.newsletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.columnist.newsletter.Subscribers.State;
import org.columnist.newsletter.Subscribers.Subscriber;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;

/**
 * What a bounce or a complaint does to a subscriber, inside intake's transaction: one hard bounce
 * suppresses the address, three soft bounces in a row do, and a complaint unsubscribes it at once.
 * Each step is a line of the subscriber's history, so the coach can see why an address stopped.
 *
 * <p>"In a row" means without a delivery between: the row breaks when, after the last soft bounce,
 * a mail to the address was handed to the relay and has not bounced (the mail this bounce reports
 * does not count), or when anything else happened to the subscriber (a new confirmation, the
 * coach's reactivation).
 */
public final class Bounces {
  /** Soft bounces in a row that suppress an address. */
  public static final int SOFT_IN_A_ROW = 3;

  private static final String SOFT_EVENT = "bounced soft";

  private final Subscribers subscribers;

  public Bounces(Subscribers subscribers) {
    this.subscribers = subscribers;
  }

  /** How bad a report is. */
  public enum Kind {
    /** The address cannot receive mail (a 5.x.x status, "user unknown"). */
    HARD,
    /** It cannot now (a 4.x.x status, a full mailbox, a delay). */
    SOFT,
    /** The reader marked our mail as spam (an ARF report, RFC 5965). */
    COMPLAINT;

    /** How the mail log and the history name it. */
    public String word() {
      return switch (this) {
        case HARD -> "hard bounce";
        case SOFT -> "soft bounce";
        case COMPLAINT -> "complaint";
      };
    }
  }

  /**
   * Applies the rules to the subscriber at {@code address} for a report on mail {@code outboxId}
   * (either may be null when the report does not say); returns what it did, for the mail log
   * (without the address: the log shows readers' addresses masked). A soft bounce for a mail {@code
   * reportedBefore} (a delay warning, then the failure) counts once.
   */
  public String record(
      Connection db,
      String address,
      Long outboxId,
      boolean reportedBefore,
      Kind kind,
      String reason)
      throws SQLException {
    if (address == null) {
      return "names no mail Columnist sent: no subscriber changed";
    }
    Optional<Subscriber> found = subscribers.find(db, address);
    if (found.isEmpty()) {
      return "not a subscriber";
    }
    Subscriber subscriber = found.get();
    if (subscriber.state() == State.UNSUBSCRIBED || subscriber.state() == State.SUPPRESSED) {
      subscribers.event(db, subscriber.id(), eventOf(kind), reason);
      return "subscriber was already " + subscriber.state().id();
    }
    return switch (kind) {
      case HARD -> {
        subscribers.event(db, subscriber.id(), eventOf(kind), reason);
        subscribers.suppress(db, address, reason);
        yield "subscriber suppressed";
      }
      case SOFT ->
          reportedBefore
              ? sameMailAgain(db, subscriber, reason)
              : soft(db, subscriber, outboxId, reason);
      case COMPLAINT -> {
        subscribers.event(db, subscriber.id(), eventOf(kind), reason);
        subscribers.unsubscribe(db, address, "complaint (ARF)");
        yield "subscriber unsubscribed";
      }
    };
  }

  private String soft(Connection db, Subscriber subscriber, Long outboxId, String reason)
      throws SQLException {
    int inARow = inARow(db, subscriber, outboxId) ? subscriber.softBounces() + 1 : 1;
    subscribers.softBounces(db, subscriber.id(), inARow);
    subscribers.event(db, subscriber.id(), SOFT_EVENT, inARow + " in a row: " + reason);
    if (inARow < SOFT_IN_A_ROW) {
      return "soft bounce " + inARow + " of " + SOFT_IN_A_ROW + " in a row";
    }
    subscribers.suppress(db, subscriber.address(), inARow + " soft bounces in a row: " + reason);
    return "subscriber suppressed after " + inARow + " soft bounces in a row";
  }

  private String sameMailAgain(Connection db, Subscriber subscriber, String reason)
      throws SQLException {
    subscribers.event(
        db, subscriber.id(), SOFT_EVENT, "the same mail again, not counted: " + reason);
    return "soft bounce for the same mail again, not counted";
  }

  /** Whether this soft bounce continues the subscriber's last one, with no delivery between. */
  private boolean inARow(Connection db, Subscriber subscriber, Long outboxId) throws SQLException {
    Optional<Instant> last =
        Sql.one(
                db,
                "SELECT event, at FROM subscriber_events WHERE subscriber_id = ? ORDER BY id DESC LIMIT 1",
                rs -> rs.getString(1).equals(SOFT_EVENT) ? rs.getString(2) : null,
                subscriber.id())
            .map(Instant::parse);
    if (last.isEmpty()) {
      return false;
    }
    List<Long> delivered = new ArrayList<>(Outbox.sentTo(db, subscriber.address(), last.get()));
    if (outboxId != null) {
      delivered.remove(outboxId);
    } else if (!delivered.isEmpty()) {
      // A report that does not say which mail it is about is taken to be about the newest one.
      delivered.remove(delivered.size() - 1);
    }
    return delivered.isEmpty();
  }

  private static String eventOf(Kind kind) {
    return switch (kind) {
      case HARD -> "bounced hard";
      case SOFT -> SOFT_EVENT;
      case COMPLAINT -> "complaint";
    };
  }
}
