package org.columnist.queue;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.PlainText;
import org.columnist.column.ProfileHints;
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

  public Queue(
      Store store,
      Archive archive,
      Config config,
      Outbox outbox,
      MailTemplates templates,
      LongFunction<List<FollowUp>> followUps,
      Clock clock) {
    this(store, archive, config, outbox, templates, followUps, clock, file -> {});
  }

  /** The same, with a test's {@code checkpoint} in publishing. */
  Queue(
      Store store,
      Archive archive,
      Config config,
      Outbox outbox,
      MailTemplates templates,
      LongFunction<List<FollowUp>> followUps,
      Clock clock,
      Publisher.Checkpoint checkpoint) {
    this.store = store;
    this.followUps = followUps;
    this.archive = archive;
    this.config = config;
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
    this.publisher = new Publisher(this, store, archive, config, clock, checkpoint);
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
      List<Event> history) {

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
          history);
    }
  }

  /** A reader's later message about their question: what they added, quotes cut. */
  public record FollowUp(String fetchedAt, String subject, String text) {}

  public record Attachment(String name, String type, long size) {}

  /** The latest version of a draft. */
  public record Draft(int version, String text, String savedBy, String savedAt) {}

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
    Details details =
        store.inTransaction(
            db -> {
              QuestionRow q = QuestionRow.load(db, id);
              List<Attachment> attachments =
                  Sql.list(
                      db,
                      "SELECT a.name, a.content_type, a.size FROM attachments a JOIN questions q ON q.message_id = a.message_id WHERE q.id = ? ORDER BY a.id",
                      rs -> new Attachment(rs.getString(1), rs.getString(2), rs.getLong(3)),
                      id);
              Draft draft =
                  Drafts.latest(db, id)
                      .map(v -> new Draft(v.number(), v.text(), v.savedBy(), v.savedAt()))
                      .orElse(null);
              List<Event> history =
                  Sql.list(
                      db,
                      "SELECT at, actor, action, from_state, to_state, note FROM audit_log WHERE question_id = ? ORDER BY id",
                      rs ->
                          new Event(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getString(6)),
                      id);
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
                  attachments,
                  List.of(),
                  draft,
                  history);
            });
    return new Details(
        details.id(),
        details.state(),
        details.version(),
        details.origin(),
        details.senderAddress(),
        details.senderName(),
        details.subject(),
        details.text(),
        details.received(),
        details.scheduledFor(),
        details.publishedAt(),
        details.url(),
        details.mergedInto(),
        details.notifyReader(),
        details.attachments(),
        followUps.apply(id),
        details.draft(),
        details.history());
  }

  /** Accepts a question and starts its draft, prefilled from what the reader wrote. */
  public Draft accept(long id, String actor) {
    return store.inTransaction(
        db -> {
          QuestionRow q = move(db, id, Transition.ACCEPT, actor, null);
          if (!Drafts.exists(db, id)) {
            Drafts.create(db, id, ColumnCodec.write(prefill(q)), actor, clock.instant());
          }
          Drafts.Version v = Drafts.latest(db, id).orElseThrow();
          return new Draft(v.number(), v.text(), v.savedBy(), v.savedAt());
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
          if (!"mail".equals(q.origin())) {
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
    return "mail".equals(origin) && State.isOpen(state);
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

  /** Starts a column with no reader's question behind it; returns its id. */
  public long draftNew(String title, String actor) {
    return store.inTransaction(
        db -> {
          String now = clock.instant().toString();
          long id =
              Sql.insert(
                  db,
                  "INSERT INTO questions(state, origin, subject, body, received_at, updated_at) VALUES ('accepted', 'coach', ?, '', ?, ?)",
                  title,
                  now,
                  now);
          Audit.record(
              db, clock, id, actor, "create", null, "accepted", "started without a question");
          Column column =
              new Column(
                  PlainText.oneLine(title, 200),
                  today(),
                  null,
                  archive.uniqueSlug(title),
                  ClientProfile.ofIssue(PlainText.oneLine(title, 120)),
                  List.of(),
                  "",
                  "",
                  "",
                  "",
                  "");
          Drafts.create(db, id, ColumnCodec.write(column), actor, clock.instant());
          return id;
        });
  }

  /** The latest version of the draft of {@code id}. */
  public Draft draft(long id) {
    return store.inTransaction(
        db ->
            Drafts.latest(db, id)
                .map(v -> new Draft(v.number(), v.text(), v.savedBy(), v.savedAt()))
                .orElseThrow(
                    () ->
                        new ColumnistException(
                            "question " + id + " has no draft yet: accept it first")));
  }

  /**
   * Saves {@code text} (an archive file's text) as the next version of the draft, after checking
   * it; {@code expectedVersion}, if given, guards against overwriting a save made meanwhile.
   */
  public int saveDraft(long id, String text, String actor, Integer expectedVersion) {
    ColumnCodec.read(Path.of("draft-" + id + ".md"), text.getBytes(StandardCharsets.UTF_8));
    return store.inTransaction(
        db -> {
          QuestionRow q = QuestionRow.load(db, id);
          if (!List.of("accepted", "in_review", "scheduled", "published").contains(q.state())) {
            throw new ColumnistException(
                "question " + id + " is " + q.state() + ": its draft can no longer change");
          }
          int before = Drafts.latest(db, id).map(Drafts.Version::number).orElse(0);
          int version = Drafts.save(db, id, text, actor, clock.instant(), expectedVersion);
          if (version != before) {
            Audit.record(db, clock, id, actor, "save", null, null, "draft version " + version);
          }
          return version;
        });
  }

  /** Every version of the draft of {@code id}, oldest first. */
  public List<Draft> history(long id) {
    return store.inTransaction(
        db ->
            Drafts.history(db, id).stream()
                .map(v -> new Draft(v.number(), v.text(), v.savedBy(), v.savedAt()))
                .toList());
  }

  /** A unified diff between two versions of a draft (by default the last two). */
  public String diff(long id, Integer from, Integer to) {
    return store.inTransaction(
        db -> {
          List<Drafts.Version> all = Drafts.history(db, id);
          if (all.isEmpty()) {
            throw new ColumnistException("question " + id + " has no draft yet: accept it first");
          }
          int newer = to != null ? to : all.get(all.size() - 1).number();
          int older = from != null ? from : Math.max(1, newer - 1);
          Drafts.Version a =
              Drafts.version(db, id, older)
                  .orElseThrow(
                      () -> new ColumnistException("draft " + id + " has no version " + older));
          Drafts.Version b =
              Drafts.version(db, id, newer)
                  .orElseThrow(
                      () -> new ColumnistException("draft " + id + " has no version " + newer));
          List<String> left = a.text().lines().toList();
          List<String> right = b.text().lines().toList();
          List<String> diff =
              UnifiedDiffUtils.generateUnifiedDiff(
                  "draft " + id + " version " + older,
                  "draft " + id + " version " + newer,
                  left,
                  DiffUtils.diff(left, right),
                  3);
          return String.join("\n", diff);
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
    return transition.apply(db, id, actor, note, clock);
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

  private Column prefill(QuestionRow q) {
    String subject =
        q.subject() == null ? "" : q.subject().replaceFirst("(?i)^((re|fwd?|aw)\\s*:\\s*)+", "");
    String title = subject.isBlank() ? "Question " + q.id() : PlainText.oneLine(subject, 200);
    ProfileHints hints = ProfileHints.from(q.body());
    ClientProfile client =
        new ClientProfile(
            null,
            hints.age(),
            hints.title() == null ? null : PlainText.oneLine(hints.title(), 120),
            hints.yearsAtCompany(),
            hints.yearsInRole(),
            hints.industry() == null ? null : PlainText.oneLine(hints.industry(), 120),
            PlainText.oneLine(title, 120));
    return new Column(
        title,
        today(),
        null,
        archive.uniqueSlug(title),
        client,
        List.of(),
        PlainText.toMarkdown(q.body()),
        "",
        "",
        "",
        "");
  }
}
