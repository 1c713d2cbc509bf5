package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.columnist.store.Sql;

/**
 * What a reader's mail does to the queue, inside intake's own transaction: a question arrives, a
 * follow-up is noted on one, a question is withdrawn. Intake changes questions only through here,
 * so every change of state goes through {@link Transition}.
 */
public final class Arrivals {
  private static final String ACTOR = "intake";
  private static final String OPEN =
      Arrays.stream(State.values())
          .filter(State::open)
          .map(s -> "'" + s.id() + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  private final Clock clock;

  public Arrivals(Clock clock) {
    this.clock = clock;
  }

  /** A reader's new question, from the stored message {@code messageRow}; returns its id. */
  public long receive(
      Connection db,
      String senderAddress,
      String senderName,
      String subject,
      String body,
      long messageRow,
      String mailbox)
      throws SQLException {
    String now = clock.instant().toString();
    long id =
        Sql.insert(
            db,
            """
            INSERT INTO questions(state, origin, sender_address, sender_name, subject, body, message_id, received_at, updated_at)
            VALUES (?, 'mail', ?, ?, ?, ?, ?, ?, ?)""",
            State.NEW.id(),
            senderAddress,
            senderName,
            subject,
            body,
            messageRow,
            now,
            now);
    Audit.record(db, clock, id, ACTOR, "received", null, State.NEW.id(), "from " + mailbox);
    return id;
  }

  /**
   * A reader's new question from the site's form, once its writer confirmed the address; returns
   * its id. It has no stored message: what was typed is its body, and {@code signature} the
   * sign-off cut from it (or null), which the privacy check reads as it reads a mail's.
   */
  public long receiveFromForm(
      Connection db,
      String senderAddress,
      String senderName,
      String subject,
      String body,
      String signature)
      throws SQLException {
    String now = clock.instant().toString();
    long id =
        Sql.insert(
            db,
            """
            INSERT INTO questions(state, origin, sender_address, sender_name, subject, body, signature, received_at, updated_at)
            VALUES (?, 'form', ?, ?, ?, ?, ?, ?, ?)""",
            State.NEW.id(),
            senderAddress,
            senderName,
            subject,
            body,
            signature,
            now,
            now);
    Audit.record(db, clock, id, ACTOR, "received", null, State.NEW.id(), "from the site's form");
    return id;
  }

  /** Notes on question {@code id} that the stored message {@code messageRow} follows it up. */
  public void followUp(Connection db, long id, long messageRow) throws SQLException {
    Audit.record(db, clock, id, ACTOR, "follow_up", null, null, "message " + messageRow);
  }

  /**
   * A question the reader withdrew: its id, the subject the reader gave it and the Message-ID of
   * the mail that asked it (null for a question not from mail), so the confirmation can quote the
   * one and answer in the thread of the other.
   */
  public record Withdrawn(long id, String subject, String messageId) {}

  /** Withdraws the newest open question from {@code senderAddress}, if any. */
  public Optional<Withdrawn> withdrawNewest(Connection db, String senderAddress)
      throws SQLException {
    Optional<Withdrawn> question =
        Sql.one(
            db,
            "SELECT q.id, q.subject, m.message_id FROM questions q"
                + " LEFT JOIN messages m ON m.id = q.message_id"
                + " WHERE q.sender_address = ? AND q.state IN "
                + OPEN
                + " ORDER BY q.id DESC LIMIT 1",
            rs -> new Withdrawn(rs.getLong(1), rs.getString(2), rs.getString(3)),
            senderAddress);
    if (question.isPresent()) {
      Transition.WITHDRAW.apply(
          db, question.get().id(), ACTOR, "withdrawn by the reader by mail", clock);
    }
    return question;
  }
}
