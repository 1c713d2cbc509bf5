package org.columnist.mail;

import java.util.List;
import org.columnist.queue.Queue;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/** Every message intake fetched, with the outcome it was given: {@code columnist mail log}. */
public final class MailLog {
  private final Store store;

  public MailLog(Store store) {
    this.store = store;
  }

  /** One fetched message. {@code questionId} is the question it created or belongs to. */
  public record Entry(
      long id,
      String fetchedAt,
      String mailbox,
      String uid,
      String messageId,
      String sender,
      String subject,
      long size,
      String outcome,
      String reason,
      Long questionId,
      List<String> warnings) {
    /** This entry from {@code shown} instead, for a listing that masks who readers are. */
    public Entry withSender(String shown) {
      return new Entry(
          id,
          fetchedAt,
          mailbox,
          uid,
          messageId,
          shown,
          subject,
          size,
          outcome,
          reason,
          questionId,
          warnings);
    }
  }

  /** The follow-ups of {@code question}, oldest first. */
  public List<Queue.FollowUp> followUps(long question) {
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                "SELECT fetched_at, subject, raw FROM messages WHERE outcome = 'follow_up' AND question_id = ? ORDER BY id",
                rs ->
                    new Queue.FollowUp(
                        rs.getString(1),
                        rs.getString(2),
                        MailParser.parse(rs.getBytes(3)).question()),
                question));
  }

  /**
   * The HTML of the reader's original mail for {@code question}, cleaned to plain formatting: no
   * scripts, styles, images (remote images would tell the sender it was read) or forms. Empty when
   * the mail had no HTML.
   */
  public String originalHtml(long question) {
    byte[] raw =
        store.inTransaction(
            db ->
                Sql.one(
                        db,
                        "SELECT m.raw FROM questions q JOIN messages m ON m.id = q.message_id WHERE q.id = ?",
                        rs -> rs.getBytes(1),
                        question)
                    .orElse(null));
    if (raw == null) {
      return "";
    }
    String html = MailParser.htmlPart(raw);
    return html.isBlank() ? "" : org.jsoup.Jsoup.clean(html, org.jsoup.safety.Safelist.basic());
  }

  /** The newest {@code limit} messages, newest first. */
  public List<Entry> list(int limit) {
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                """
                SELECT id, fetched_at, mailbox, uid, message_id, sender, subject, size, outcome, reason, question_id, warnings
                FROM messages ORDER BY id DESC LIMIT ?""",
                rs -> {
                  String warnings = rs.getString(12);
                  return new Entry(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getLong(8),
                      rs.getString(9),
                      rs.getString(10),
                      Sql.longOrNull(rs, 11),
                      warnings == null ? List.of() : warnings.lines().toList());
                },
                limit));
  }
}
