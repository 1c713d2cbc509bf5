package org.columnist.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The recipients of one {@link BulkMail} being added, inside the caller's transaction: one outbox
 * row each, written through one prepared statement in batches, so that memory stays flat however
 * many there are.
 */
public final class Bulk implements AutoCloseable {
  private static final int FLUSH_EVERY = 500;

  private final BulkMail mail;
  private final long bodyId;
  private final PreparedStatement insert;
  private final String messageIdDomain;
  private final String now;
  private int count;
  private int pending;

  Bulk(BulkMail mail, long bodyId, PreparedStatement insert, String messageIdDomain, String now) {
    this.mail = mail;
    this.bodyId = bodyId;
    this.insert = insert;
    this.messageIdDomain = messageIdDomain;
    this.now = now;
  }

  /** Queues the mail for {@code to}, with {@code personal} in place of the body's marker. */
  public void add(String to, String personal) throws SQLException {
    // Every parameter each time: a batch's execution clears them all.
    insert.setString(1, mail.kind());
    insert.setLong(2, bodyId);
    insert.setObject(3, mail.questionId());
    insert.setString(4, to);
    insert.setString(5, personal);
    insert.setString(6, "<" + UUID.randomUUID() + "@" + messageIdDomain + ">");
    insert.setString(7, now);
    insert.setString(8, now);
    insert.addBatch();
    count++;
    if (++pending == FLUSH_EVERY) {
      flush();
    }
  }

  /** The shared body's id, which names this send in the outbox. */
  public long bodyId() {
    return bodyId;
  }

  /** How many recipients were added. */
  public int count() {
    return count;
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      insert.executeBatch();
      pending = 0;
    }
  }

  /** Writes the rows still in the batch; the caller's transaction commits them. */
  @Override
  public void close() throws SQLException {
    try {
      flush();
    } finally {
      insert.close();
    }
  }
}
