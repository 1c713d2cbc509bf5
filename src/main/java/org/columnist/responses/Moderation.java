package org.columnist.responses;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.config.Config;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The coach's side of responses, the one place their state or text changes once confirmed: approve,
 * reject, mark as spam, fix a typo, reply (mailing the writer when they asked). Each change is one
 * transaction, then the column's page is built again through {@link PageChanged}.
 */
public final class Moderation {
  /** The most responses a listing shows. */
  public static final int SHOWN = 200;

  /** The longest reply the coach may write. */
  public static final int MAX_REPLY = 8_000;

  private final Config config;
  private final Store store;
  private final Outbox outbox;
  private final MailTemplates mails;
  private final PageChanged changed;
  private final Clock clock;

  public Moderation(
      Config config,
      Store store,
      Outbox outbox,
      MailTemplates mails,
      PageChanged changed,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.outbox = outbox;
    this.mails = mails;
    this.changed = changed;
    this.clock = clock;
  }

  /** A decision on a confirmed response. */
  public enum Decision {
    APPROVE("approved"),
    REJECT("rejected"),
    SPAM("spam");

    private final String state;

    Decision(String state) {
      this.state = state;
    }

    public String state() {
      return state;
    }
  }

  /** The confirmed responses, waiting ones first, then the newest; at most {@link #SHOWN}. */
  public List<ResponseRow> list() {
    return store.read(
        db ->
            Sql.list(
                db,
                """
                SELECT * FROM responses WHERE state <> 'unconfirmed'
                ORDER BY state = 'pending' DESC, confirmed_at DESC, id DESC LIMIT ?""",
                ResponseRow::of,
                SHOWN));
  }

  static Optional<ResponseRow> row(Connection db, long id) throws SQLException {
    return Sql.one(db, "SELECT * FROM responses WHERE id = ?", ResponseRow::of, id);
  }

  /** Decides response {@code id} by {@code actor}; refused while it is unconfirmed. */
  public ResponseRow decide(long id, Decision decision, String actor) {
    return change(
        id,
        (db, row) ->
            Sql.update(
                db,
                "UPDATE responses SET state = ?, decided_at = ?, decided_by = ? WHERE id = ?",
                decision.state(),
                clock.instant().toString(),
                actor,
                id));
  }

  /** Replaces the text of response {@code id} (a typo fixed), as the coach typed it. */
  public ResponseRow edit(long id, String body) {
    if (body.isBlank()) {
      throw new ColumnistException("a response cannot be empty; reject it instead");
    }
    return change(
        id, (db, row) -> Sql.update(db, "UPDATE responses SET body = ? WHERE id = ?", body, id));
  }

  /**
   * Sets the coach's reply under response {@code id} (blank removes it) and mails the writer a new
   * reply when they asked to hear of one.
   */
  public ResponseRow reply(long id, String reply, String actor) {
    String text = reply.isBlank() ? null : reply;
    return change(
        id,
        (db, row) -> {
          Sql.update(
              db,
              "UPDATE responses SET reply = ?, replied_at = ?, replied_by = ? WHERE id = ?",
              text,
              text == null ? null : clock.instant().toString(),
              text == null ? null : actor,
              id);
          // Mailed once, for a new reply: correcting a typo in it mails no one again.
          if (text != null
              && row.reply() == null
              && row.mailReply()
              && Outbox.mayWriteTo(row.address(), config.column().address())) {
            outbox.enqueue(
                db,
                mails.render(
                    "response-reply",
                    row.address(),
                    Map.of("name", row.name(), "body", row.body(), "reply", text),
                    null,
                    List.of(),
                    null));
          }
        });
  }

  private interface Change {
    void apply(Connection db, ResponseRow row) throws SQLException;
  }

  private ResponseRow change(long id, Change change) {
    ResponseRow after =
        store.inTransaction(
            db -> {
              ResponseRow row =
                  row(db, id)
                      .orElseThrow(() -> new ColumnistException("there is no response #" + id));
              if (row.state().equals("unconfirmed")) {
                throw new ColumnistException(
                    "response #" + id + " is not confirmed by its writer yet");
              }
              change.apply(db, row);
              return row(db, id).orElseThrow();
            });
    changed.column(after.slug());
    return after;
  }
}
