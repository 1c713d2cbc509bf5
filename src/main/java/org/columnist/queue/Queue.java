package org.columnist.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.PrivacyCheck;
import org.columnist.config.Config;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The editorial queue: readers' questions and the columns made from them. Every change of state
 * goes through {@link Transition}, is refused from any other state, runs in one transaction guarded
 * by the question's version, and is recorded with who, when and why.
 */
public final class Queue {
  private final Store store;
  private final Archive archive;
  private final Config config;
  private final Outbox outbox;
  private final MailTemplates templates;
  private final LongFunction<List<FollowUp>> followUps;
  private final Clock clock;
  private final Publisher publisher;
  private final Drafts drafts;
  private final Corrections corrections;

  public Queue(
      Store store,
      Archive archive,
      Config config,
      Outbox outbox,
      MailTemplates templates,
      LongFunction<List<FollowUp>> followUps,
      AfterPublish afterPublish,
      Clock clock) {
    this(store, archive, config, outbox, templates, followUps, afterPublish, clock, file -> {});
  }

  /**
   * What else a column's first publication does, in its transaction: the newsletter's send. A
   * failure refuses the publication; a correction ({@code republish}) does not call it.
   */
  @FunctionalInterface
  public interface AfterPublish {
    void published(Connection db, long questionId, Column column, String url) throws SQLException;
  }

  /** The same, with a test's {@code checkpoint} in publishing. */
  Queue(
      Store store,
      Archive archive,
      Config config,
      Outbox outbox,
      MailTemplates templates,
      LongFunction<List<FollowUp>> followUps,
      AfterPublish afterPublish,
      Clock clock,
      Publisher.Checkpoint checkpoint) {
    this.store = store;
    this.followUps = followUps;
    this.archive = archive;
    this.config = config;
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
    this.publisher = new Publisher(this, store, archive, config, afterPublish, clock, checkpoint);
    this.drafts = new Drafts(store, archive, clock, this::today);
    this.corrections = new Corrections(store, archive, config, clock);
  }

  /** The drafts of the columns in this queue: saves, history, diffs. */
  public Drafts drafts() {
    return drafts;
  }

  /** Every column in the archive, and a correction of any of them. */
  public Corrections corrections() {
    return corrections;
  }

  /** One question in the queue, as a list shows it. */
  public record Entry(long id, String state, String sender, String subject, String received) {}

  /** Everything about one question: {@code queue show}. */
  public record Details(
      long id,
      String state,
      int version,
      String origin,
      String senderAddress,
      String senderName,
      String subject,
      String text,
      String received,
      String scheduledFor,
      String publishedAt,
      String url,
      Long mergedInto,
      boolean notifyReader,
      List<Attachment> attachments,
      List<FollowUp> followUps,
      Draft draft,
      List<Event> history,
      String signature) {

    /** Who wrote the question, as the privacy check knows them. */
    public PrivacyCheck.Writer writer() {
      return new PrivacyCheck.Writer(senderAddress, senderName, signature);
    }

    /** The same with the reader's address and name masked. */
    public Details masked() {
      return new Details(
          id,
          state,
          version,
          origin,
          Mask.address(senderAddress),
          Mask.name(senderName),
          subject,
          text,
          received,
          scheduledFor,
          publishedAt,
          url,
          mergedInto,
          notifyReader,
          attachments,
          followUps,
          draft,
          history,
          null);
    }
  }

  /** A reader's later message about their question: what they added, quotes cut. */
  public record FollowUp(String fetchedAt, String subject, String text) {}

  public record Attachment(String name, String type, long size) {}

  /** One recorded act: a transition, a save, an override. */
  public record Event(
      String at, String actor, String action, String from, String to, String note) {}

  /** The questions in {@code state} (all when null), oldest first. */
  public List<Entry> list(String state) {
    if (state != null && State.of(state).isEmpty()) {
      throw new ColumnistException(
          "unknown state '" + state + "'; the states are " + String.join(", ", State.ids()));
    }
    return store.inTransaction(
        db ->
            Sql.list(
                db,
                "SELECT id, state, sender_address, subject, received_at FROM questions WHERE ? IS NULL OR state = ? ORDER BY received_at, id",
                rs ->
                    new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)),
                state,
                state));
  }

  /** How many questions each state holds: every state's id, in order, with its count (maybe 0). */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    State.ids().forEach(s -> counts.put(s, 0));
    store
        .inTransaction(
            db ->
                Sql.list(
                    db,
                    "SELECT state, count(*) FROM questions GROUP BY state",
                    rs -> Map.entry(rs.getString(1), rs.getInt(2))))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  public Details show(long id) {
    // Follow-ups are read after the transaction: the mail log reads them in its own.
    record Stored(QuestionRow q, List<Attachment> attachments, Draft draft, List<Event> history) {}
    Stored s =
        store.inTransaction(
            db ->
                new Stored(
                    QuestionRow.load(db, id),
                    Sql.list(
                        db,
                        "SELECT a.name, a.content_type, a.size FROM attachments a JOIN questions q ON q.message_id = a.message_id WHERE q.id = ? ORDER BY a.id",
                        rs -> new Attachment(rs.getString(1), rs.getString(2), rs.getLong(3)),
                        id),
                    DraftVersions.latest(db, id).orElse(null),
                    Audit.history(db, id)));
    QuestionRow q = s.q();
    return new Details(
        id,
        q.state(),
        q.version(),
        q.origin(),
        q.senderAddress(),
        q.senderName(),
        q.subject(),
        q.body(),
        q.receivedAt(),
        q.scheduledAt(),
        q.publishedAt(),
        q.url(),
        q.mergedInto(),
        q.notifyReader(),
        s.attachments(),
        followUps.apply(id),
        s.draft(),
        s.history(),
        q.signature());
  }

  /** Accepts a question and starts its draft, prefilled from what the reader wrote. */
  public Draft accept(long id, String actor) {
    return store.inTransaction(
        db -> {
          QuestionRow q = move(db, id, Transition.ACCEPT, actor, null);
          if (!DraftVersions.exists(db, id)) {
            Column column = Prefill.fromQuestion(q, today(), archive);
            DraftVersions.create(db, id, ColumnCodec.write(column), actor, clock.instant());
          }
          return DraftVersions.latest(db, id).orElseThrow();
        });
  }

  /** Declines a question; with {@code reply}, tells the reader from templates/mail/decline.ftl. */
  public void decline(long id, String actor, String note, boolean reply) {
    store.inTransaction(
        db -> {
          QuestionRow q = move(db, id, Transition.DECLINE, actor, note);
          if (reply) {
            if (!Outbox.mayWriteTo(q.senderAddress(), config.column().address())) {
              throw new ColumnistException(
                  "question "
                      + id
                      + " has no reader address to reply to; decline it without --reply");
            }
            notify(db, q, "decline", Map.of());
          }
          return null;
        });
  }

  /** A transition that changes nothing but the state: spam, withdraw, review. */
  public void move(long id, Transition transition, String actor, String note) {
    if (transition != Transition.SPAM
        && transition != Transition.WITHDRAW
        && transition != Transition.REVIEW) {
      throw new IllegalArgumentException(transition + " has its own method");
    }
    store.inTransaction(db -> move(db, id, transition, actor, note));
  }

  /**
   * Whether the reader of {@code id} gets a mail when their column is published (they do unless
   * they asked not to).
   */
  public void tellReader(long id, boolean tell, String actor) {
    store.inTransaction(
        db -> {
          QuestionRow q = QuestionRow.load(db, id);
          if (!fromReader(q.origin())) {
            throw new ColumnistException(
                "question " + id + " has no reader to tell: it was started by the coach");
          }
          if (!noticeToCome(q.origin(), q.state())) {
            throw new ColumnistException(
                "question "
                    + id
                    + " is "
                    + q.state()
                    + ": only a question still on its way to publication has a notice to send");
          }
          Sql.update(db, "UPDATE questions SET notify_reader = ? WHERE id = ?", tell ? 1 : 0, id);
          Audit.record(
              db,
              clock,
              id,
              actor,
              "notice",
              null,
              null,
              tell
                  ? "the reader will be told when it is published"
                  : "the reader will not be told when it is published");
          return null;
        });
  }

  /** Whether a question may still bring its reader a notice of publication. */
  public static boolean noticeToCome(String origin, String state) {
    return fromReader(origin) && State.isOpen(state);
  }

  /**
   * Whether a question of {@code origin} has a reader to tell of it: one by mail, or one from the
   * site's form (whose address its writer confirmed); not one the coach started.
   */
  public static boolean fromReader(String origin) {
    return "mail".equals(origin) || "form".equals(origin);
  }

  /** Marks {@code id} a duplicate of {@code into}; both histories say so. */
  public void merge(long id, long into, String actor) {
    if (id == into) {
      throw new ColumnistException("cannot merge question " + id + " into itself");
    }
    store.inTransaction(
        db -> {
          QuestionRow target = QuestionRow.load(db, into);
          if (target.state().equals("merged")) {
            throw new ColumnistException(
                "question "
                    + into
                    + " is itself merged into "
                    + target.mergedInto()
                    + "; merge into that one");
          }
          move(db, id, Transition.MERGE, actor, "into question " + into);
          Sql.update(db, "UPDATE questions SET merged_into = ? WHERE id = ?", into, id);
          Audit.record(
              db,
              clock,
              into,
              actor,
              "merge",
              null,
              null,
              "question " + id + " merged into this one");
          return null;
        });
  }

  /** Schedules publication at {@code at} in the site's time zone. */
  public java.time.Instant schedule(long id, LocalDateTime at, String actor, String override) {
    return publisher.schedule(id, at, actor, override);
  }

  /** Publishes now: the privacy check, the archive file, the reader's notice. */
  public Publisher.Published publish(long id, String actor, String override) {
    return publisher.publish(id, actor, override);
  }

  /** Publishes every scheduled column whose time has come by {@code until} (normally now). */
  public List<Publisher.Result> publishDue(String actor, java.time.Instant until) {
    return publisher.publishDue(actor, until);
  }

  /** Publishes a corrected column again under its URL, with the correction date. */
  public Publisher.Published republish(long id, String actor, String override) {
    return publisher.republish(id, actor, override);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(config.site().timeZone()));
  }

  /** Applies {@code transition} to {@code id} or says why not; returns the row as it was. */
  QuestionRow move(Connection db, long id, Transition transition, String actor, String note)
      throws SQLException {
    QuestionRow was = transition.apply(db, id, actor, note, clock);
    // After the move, so that a move refused from this state says so first; the caller's
    // transaction undoes the move when the rule refuses it.
    ReadyRule.check(db, id, transition);
    return was;
  }

  void notify(Connection db, QuestionRow q, String template, Map<String, ?> extra)
      throws SQLException {
    Map<String, Object> model = new java.util.HashMap<>(extra);
    model.put("reader", Map.of("name", q.senderName() == null ? "" : q.senderName()));
    model.put("question", Map.of("id", q.id(), "subject", q.subject() == null ? "" : q.subject()));
    outbox.enqueue(
        db,
        templates.render(
            template, q.senderAddress(), model, q.readerMessageId(), List.of(), q.id()));
  }
}
