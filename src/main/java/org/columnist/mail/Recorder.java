package org.columnist.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.newsletter.Bounces;
import org.columnist.newsletter.Source;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Arrivals;
import org.columnist.store.Sql;

/**
 * Writes what intake decided, inside the caller's transaction: the raw message with its outcome,
 * and what the outcome implies (a question and its acknowledgement, a withdrawal, a subscription, a
 * bounce noted on the mail it reports and applied to its subscriber by {@link Bounces}). Questions
 * change only through the queue's {@link Arrivals}, subscribers only through the newsletter's
 * {@link Subscribers}.
 */
final class Recorder {
  private final Arrivals arrivals;
  private final Subscribers subscribers;
  private final Bounces bounces;
  private final Acknowledgements answers;
  private final Clock clock;

  Recorder(
      Arrivals arrivals,
      Subscribers subscribers,
      Outbox outbox,
      MailTemplates templates,
      String columnAddress,
      Duration ackPeriod,
      Clock clock) {
    this.arrivals = arrivals;
    this.subscribers = subscribers;
    this.bounces = new Bounces(subscribers);
    this.answers = new Acknowledgements(outbox, templates, columnAddress, ackPeriod, clock);
    this.clock = clock;
  }

  /** Where a message came from on the server, and what it is. */
  record Fetched(
      String mailbox, long uidValidity, String uid, byte[] raw, long size, String rawHash) {}

  /** Records a message that was parsed; returns the final reason written to the mail log. */
  String record(
      Connection db, Fetched fetched, ParsedMail mail, String contentHash, Outcome outcome)
      throws SQLException {
    String reason = outcome.reason();
    Long questionId = null;
    Long outboxId = null;
    // Java 17 has no pattern switch; these are the outcomes that imply more than a log row.
    if (outcome instanceof Outcome.FollowUp f) {
      questionId = f.questionId();
    } else if (outcome instanceof Outcome.Duplicate d) {
      questionId = questionOfMessage(db, d.messageRow());
    } else if (outcome instanceof Outcome.Command c) {
      CommandResult result = command(db, mail, c.verb());
      questionId = result.questionId();
      reason = c.verb() + ": " + result.note();
    } else if (outcome instanceof Outcome.Bounce b) {
      outboxId = b.outboxId();
      reason = bounce(db, b);
    }
    long row =
        insertMessage(db, fetched, mail, contentHash, outcome.name(), reason, questionId, outboxId);
    if (outcome instanceof Outcome.NewQuestion) {
      long question =
          arrivals.receive(
              db,
              mail.senderAddress(),
              mail.senderName(),
              mail.subject(),
              mail.question(),
              row,
              fetched.mailbox());
      link(db, row, question);
      for (ParsedMail.Attachment a : mail.attachments()) {
        insertAttachment(db, row, a);
      }
      if (mayAnswer(db, mail.senderAddress(), "ack")) {
        enqueue(db, "ack", mail, question);
      }
      reason = "new question " + question;
    }
    if (outcome instanceof Outcome.FollowUp f) {
      arrivals.followUp(db, f.questionId(), row);
    }
    return reason;
  }

  /** Records a message that could not be taken in whole (too large, unreadable). */
  void reject(Connection db, Fetched fetched, String sender, String subject, String reason)
      throws SQLException {
    ParsedMail nothing =
        new ParsedMail(
            null, sender, null, subject, null, List.of(), Map.of(), "", "", "", null, List.of(),
            List.of(), Map.of(), List.of());
    insertMessage(db, fetched, nothing, fetched.rawHash(), "rejected", reason, null, null);
  }

  private record CommandResult(Long questionId, String note) {}

  private CommandResult command(Connection db, ParsedMail mail, String verb) throws SQLException {
    String sender = mail.senderAddress();
    if (sender == null) {
      return new CommandResult(null, "no sender address");
    }
    return switch (verb) {
      case "withdraw" -> withdraw(db, mail);
      case "subscribe" -> {
        // From can be forged: the address itself must confirm, as on the site's form.
        Subscribers.Requested requested = subscribers.request(db, sender, Source.MAIL);
        yield new CommandResult(
            null, "subscription request from " + sender + ": " + said(requested));
      }
      default -> {
        boolean changed = subscribers.unsubscribe(db, sender, "mail");
        yield new CommandResult(
            null, changed ? sender + " unsubscribed" : sender + " was not subscribed");
      }
    };
  }

  private static String said(Subscribers.Requested requested) {
    return switch (requested) {
      case CONFIRMATION_SENT -> "confirmation mail queued";
      case ONE_A_DAY -> "no confirmation mail, one was sent less than a day ago";
      case ALREADY_CONFIRMED -> "already subscribed";
      case REFUSED -> "not an address Columnist writes to";
    };
  }

  private CommandResult withdraw(Connection db, ParsedMail mail) throws SQLException {
    Optional<Arrivals.Withdrawn> question = arrivals.withdrawNewest(db, mail.senderAddress());
    if (question.isEmpty()) {
      return new CommandResult(null, "no open question from " + mail.senderAddress());
    }
    Arrivals.Withdrawn withdrawn = question.get();
    if (mayAnswer(db, mail.senderAddress(), "withdrawn")) {
      // It quotes the question, not the "Re: ..." of the mail that withdrew it, and answers that
      // mail in the question's thread (or the question itself when the mail had no Message-ID).
      List<String> thread = new ArrayList<>();
      if (withdrawn.messageId() != null) {
        thread.add(withdrawn.messageId());
      }
      mail.inReplyTo().stream().filter(id -> !thread.contains(id)).forEach(thread::add);
      String answered = mail.messageId() != null ? mail.messageId() : withdrawn.messageId();
      enqueue(db, "withdrawn", mail, withdrawn.id(), withdrawn.subject(), answered, thread);
    }
    return new CommandResult(withdrawn.id(), "question " + withdrawn.id() + " withdrawn");
  }

  private boolean mayAnswer(Connection db, String address, String kind) throws SQLException {
    return answers.mayAnswer(db, address, kind);
  }

  private void enqueue(Connection db, String kind, ParsedMail mail, long question)
      throws SQLException {
    enqueue(
        db,
        kind,
        mail,
        question,
        mail.subject(),
        mail.messageId(),
        new ArrayList<>(mail.inReplyTo()));
  }

  private void enqueue(
      Connection db,
      String kind,
      ParsedMail mail,
      long question,
      String subject,
      String inReplyTo,
      List<String> references)
      throws SQLException {
    answers.enqueue(
        db,
        kind,
        mail.senderAddress(),
        mail.senderName(),
        question,
        subject,
        inReplyTo,
        references);
  }

  private long insertMessage(
      Connection db,
      Fetched f,
      ParsedMail mail,
      String contentHash,
      String outcome,
      String reason,
      Long questionId,
      Long outboxId)
      throws SQLException {
    return Sql.insert(
        db,
        """
        INSERT INTO messages(mailbox, uidvalidity, uid, message_id, raw_hash, content_hash, sender, subject, size, raw,
                             outcome, reason, warnings, question_id, outbox_id, fetched_at, signature)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        f.mailbox(),
        f.uidValidity(),
        f.uid(),
        mail.messageId(),
        f.rawHash(),
        contentHash,
        mail.senderAddress(),
        mail.subject(),
        f.size(),
        f.raw(),
        outcome,
        reason,
        mail.warnings().isEmpty() ? null : String.join("\n", mail.warnings()),
        questionId,
        outboxId,
        clock.instant().toString(),
        mail.signature());
  }

  private void insertAttachment(Connection db, long messageRow, ParsedMail.Attachment a)
      throws SQLException {
    Sql.update(
        db,
        "INSERT INTO attachments(message_id, name, content_type, size) VALUES (?, ?, ?, ?)",
        messageRow,
        a.name(),
        a.contentType(),
        a.size());
  }

  private void link(Connection db, long messageRow, long question) throws SQLException {
    Sql.update(db, "UPDATE messages SET question_id = ? WHERE id = ?", question, messageRow);
  }

  /** Marks the mail a bounce reports and applies the rules to its subscriber; returns the note. */
  private String bounce(Connection db, Outcome.Bounce b) throws SQLException {
    Long outboxId = b.outboxId();
    boolean reportedBefore = outboxId != null && bouncedBefore(db, outboxId);
    if (outboxId != null) {
      Outbox.markBounced(db, outboxId, b.reason());
    }
    return b.reason()
        + "; "
        + bounces.record(db, b.recipient(), outboxId, reportedBefore, b.kind(), b.reason());
  }

  /** Whether an earlier report was about outbox mail {@code outboxId}. */
  private static boolean bouncedBefore(Connection db, long outboxId) throws SQLException {
    return Sql.one(
            db,
            "SELECT 1 FROM messages WHERE outbox_id = ? AND outcome = 'bounce' LIMIT 1",
            rs -> true,
            outboxId)
        .isPresent();
  }

  private static Long questionOfMessage(Connection db, long messageRow) throws SQLException {
    return Sql.one(
            db,
            "SELECT question_id FROM messages WHERE id = ?",
            rs -> Sql.longOrNull(rs, 1),
            messageRow)
        .orElse(null);
  }
}
