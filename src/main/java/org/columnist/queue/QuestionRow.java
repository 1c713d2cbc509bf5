package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import org.columnist.ColumnistException;
import org.columnist.column.PrivacyCheck;
import org.columnist.store.Sql;

/** One row of {@code questions}, as the queue's code reads it inside a transaction. */
record QuestionRow(
    long id,
    String state,
    int version,
    String origin,
    String senderAddress,
    String senderName,
    String subject,
    String body,
    boolean notifyReader,
    Long mergedInto,
    String receivedAt,
    String scheduledAt,
    String publishedAt,
    String archivePath,
    String url,
    String privacyOverride,
    Integer privacyOverrideVersion,
    String readerMessageId,
    String signature) {

  /** Who wrote the question, as the privacy check knows them. */
  PrivacyCheck.Writer writer() {
    return new PrivacyCheck.Writer(senderAddress, senderName, signature);
  }

  static QuestionRow load(Connection db, long id) throws SQLException {
    return Sql.one(
            db,
            """
            SELECT q.id, q.state, q.version, q.origin, q.sender_address, q.sender_name, q.subject, q.body, q.notify_reader,
                   q.merged_into, q.received_at, q.scheduled_at, q.published_at, q.archive_path, q.url,
                   q.privacy_override, q.privacy_override_version, m.message_id, COALESCE(q.signature, m.signature)
            FROM questions q LEFT JOIN messages m ON m.id = q.message_id WHERE q.id = ?""",
            rs ->
                new QuestionRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getInt(9) != 0,
                    Sql.longOrNull(rs, 10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getString(14),
                    rs.getString(15),
                    rs.getString(16),
                    Sql.intOrNull(rs, 17),
                    rs.getString(18),
                    rs.getString(19)),
            id)
        .orElseThrow(
            () ->
                new ColumnistException(
                    "no question " + id + " in the queue; see 'columnist queue list'"));
  }
}
