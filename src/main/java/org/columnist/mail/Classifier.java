package org.columnist.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.columnist.column.ReplyPrefix;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;

/**
 * Decides what a parsed message is. The order matters: a duplicate is a duplicate whatever it says;
 * spam and machine mail (bounces, auto-replies) are never taken for a reader's words; then
 * commands, follow-ups, and finally a new question.
 */
final class Classifier {
  private static final Pattern OUT_OF_OFFICE =
      Pattern.compile(
          "(?i)^(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|away from (my )?(desk|office)|on vacation|vacation reply|abwesenheitsnotiz|absence|r[ée]ponse automatique)\\b.*");
  private static final Pattern DAEMON =
      Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon)@.*");
  private static final List<String> COMMANDS = List.of("withdraw", "subscribe", "unsubscribe");

  private Classifier() {}

  static Outcome classify(Connection db, ParsedMail mail, String contentHash) throws SQLException {
    Optional<Long> duplicate = duplicateOf(db, mail, contentHash);
    if (duplicate.isPresent()) {
      return new Outcome.Duplicate(duplicate.get());
    }
    String spamFlag = mail.header("x-spam-flag");
    if (spamFlag != null && spamFlag.strip().equalsIgnoreCase("yes")) {
      return new Outcome.Spam("X-Spam-Flag: YES");
    }
    Outcome machine = machineMail(db, mail);
    if (machine != null) {
      return machine;
    }
    String command = command(mail);
    if (command != null) {
      return new Outcome.Command(command);
    }
    Optional<Long> question = questionFor(db, mail.inReplyTo());
    if (question.isPresent()) {
      return new Outcome.FollowUp(question.get(), "reply to question " + question.get());
    }
    if (mail.subject().isBlank() && mail.text().isBlank()) {
      return new Outcome.Rejected(
          mail.attachments().isEmpty()
              ? "no subject and no text"
              : "attachments only, no subject and no text");
    }
    if (mail.senderAddress() == null) {
      return new Outcome.Rejected("no sender address to answer");
    }
    return new Outcome.NewQuestion();
  }

  /**
   * Bounces and auto-replies. A report (RFC 3464, RFC 5965) or mail from a mailer daemon is a
   * bounce whatever else it says; otherwise an auto-reply's marks win over an empty Return-Path,
   * which RFC 3834 §3.3 asks auto-replies to use as well.
   */
  private static Outcome machineMail(Connection db, ParsedMail mail) throws SQLException {
    String report = reportReason(mail);
    if (report != null) {
      return BounceReading.read(db, mail, report);
    }
    String auto = autoReplyReason(mail);
    if (auto != null) {
      return new Outcome.AutoReply(auto);
    }
    String returnPath = mail.header("return-path");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return BounceReading.read(db, mail, "empty Return-Path");
    }
    return null;
  }

  private static String reportReason(ParsedMail mail) {
    String type = mail.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/report") && type.contains("delivery-status")) {
      return "delivery status report";
    }
    if (BounceReading.isComplaint(mail)) {
      return "feedback report";
    }
    if (mail.senderAddress() != null && DAEMON.matcher(mail.senderAddress()).matches()) {
      return "from " + mail.senderAddress();
    }
    return null;
  }

  // RFC 3834 §5 and the headers common mailers use instead of it.
  private static String autoReplyReason(ParsedMail mail) {
    String autoSubmitted = mail.header("auto-submitted");
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return "Auto-Submitted: " + autoSubmitted.strip();
    }
    for (String header : List.of("x-autoreply", "x-autorespond")) {
      if (mail.header(header) != null) {
        return header + " header";
      }
    }
    String precedence = mail.header("precedence");
    if (precedence != null
        && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
      return "Precedence: " + precedence.strip();
    }
    if (mail.header("list-id") != null) {
      return "List-Id: " + mail.header("list-id");
    }
    if (OUT_OF_OFFICE.matcher(mail.subject()).matches()) {
      return "out-of-office subject";
    }
    return null;
  }

  private static String command(ParsedMail mail) {
    String subject = ReplyPrefix.strip(mail.subject().strip()).strip().toLowerCase(Locale.ROOT);
    if (COMMANDS.contains(subject)) {
      return subject;
    }
    String firstLine =
        mail.question().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    String word = firstLine.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    return COMMANDS.contains(word) ? word : null;
  }

  private static Optional<Long> duplicateOf(Connection db, ParsedMail mail, String contentHash)
      throws SQLException {
    if (mail.messageId() == null) {
      return Optional.empty();
    }
    return first(
        db,
        "SELECT id FROM messages WHERE message_id = ? AND content_hash = ? ORDER BY id LIMIT 1",
        mail.messageId(),
        contentHash);
  }

  /** The question a reply belongs to: through the reader's earlier mail or through ours. */
  private static Optional<Long> questionFor(Connection db, List<String> ids) throws SQLException {
    for (String id : ids) {
      Optional<Long> q =
          first(
              db,
              "SELECT question_id FROM messages WHERE message_id = ? AND question_id IS NOT NULL ORDER BY id LIMIT 1",
              id);
      if (q.isEmpty()) {
        q = Outbox.sentAs(db, id).map(Outbox.Sent::questionId);
      }
      if (q.isPresent()) {
        return q;
      }
    }
    return Optional.empty();
  }

  /** The number in the first column of the first row, if there is a row. */
  private static Optional<Long> first(Connection db, String sql, Object... params)
      throws SQLException {
    return Sql.one(db, sql, rs -> rs.getLong(1), params);
  }
}
