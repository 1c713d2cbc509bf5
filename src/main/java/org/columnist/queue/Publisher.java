package org.columnist.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.PrivacyCheck;
import org.columnist.config.Config;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Scheduling and publishing: the privacy check, the question's record of where it went, the
 * reader's notice and the archive file (written atomically, last) — one outcome in one transaction,
 * so that of two processes publishing the same question one succeeds and the other is told why not,
 * and a publication that fails leaves no file behind.
 */
public final class Publisher {
  private static final System.Logger LOG = System.getLogger("publish");

  /** A scheduled time in the history, as people read it: {@code 2026-12-01 07:00 (UTC)}. */
  private static final java.time.format.DateTimeFormatter NOTE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '('VV')'");

  private final Queue queue;
  private final Store store;
  private final Archive archive;
  private final Config config;
  private final Queue.AfterPublish afterPublish;
  private final Clock clock;
  private final Checkpoint checkpoint;

  /**
   * Reached once a publication's archive file is written, before its transaction commits: a test
   * fails there to prove that the file goes again.
   */
  @FunctionalInterface
  interface Checkpoint {
    void written(Path file);
  }

  Publisher(
      Queue queue,
      Store store,
      Archive archive,
      Config config,
      Queue.AfterPublish afterPublish,
      Clock clock,
      Checkpoint checkpoint) {
    this.queue = queue;
    this.store = store;
    this.archive = archive;
    this.config = config;
    this.afterPublish = afterPublish;
    this.clock = clock;
    this.checkpoint = checkpoint;
  }

  /** A column now in the archive. {@code overridden} lists what the privacy check let through. */
  public record Published(long id, Path path, String url, List<PrivacyCheck.Finding> overridden) {}

  /** What {@code publish-due} did with one scheduled question: published, or why not. */
  public record Result(long id, Published published, String problem) {}

  /** Publication refused until the draft is fixed or the check is overridden with a reason. */
  public static final class PrivacyBlockedException extends ColumnistException {
    private static final long serialVersionUID = 1L;
    private final transient List<PrivacyCheck.Finding> findings;

    PrivacyBlockedException(long id, List<PrivacyCheck.Finding> findings) {
      super(
          "question "
              + id
              + " may identify its reader: "
              + String.join("; ", findings.stream().map(PrivacyCheck.Finding::toString).toList())
              + ". Fix the draft, or give --override \"why this is fine\"");
      this.findings = List.copyOf(findings);
    }

    public List<PrivacyCheck.Finding> findings() {
      return findings;
    }
  }

  Instant schedule(long id, LocalDateTime at, String actor, String override) {
    ZonedDateTime when = inZone(at, config.site().timeZone());
    if (!when.toInstant().isAfter(clock.instant())) {
      throw new ColumnistException(
          at
              + " in "
              + config.site().timeZone()
              + " is in the past; use 'queue publish "
              + id
              + "' to publish now");
    }
    return store.inTransaction(
        db -> {
          queue.move(db, id, Transition.SCHEDULE, actor, "for " + NOTE_TIME.format(when));
          QuestionRow q = QuestionRow.load(db, id);
          Draft draft = latestDraft(db, id);
          Column column = Drafts.parse(id, draft.text());
          List<PrivacyCheck.Finding> findings = PrivacyCheck.findings(column, q.writer());
          if (!findings.isEmpty() && override == null) {
            throw new PrivacyBlockedException(id, findings);
          }
          Sql.update(
              db,
              "UPDATE questions SET scheduled_at = ?, privacy_override = ?, privacy_override_version = ? WHERE id = ?",
              when.toInstant().toString(),
              findings.isEmpty() ? null : override,
              findings.isEmpty() ? null : draft.version(),
              id);
          if (!findings.isEmpty()) {
            recordOverride(db, id, actor, override, findings);
          }
          return when.toInstant();
        });
  }

  Published publish(long id, String actor, String override) {
    return inOneOutcome(db -> prepare(db, id, Transition.PUBLISH, actor, override, queue.today()));
  }

  Published republish(long id, String actor, String override) {
    return inOneOutcome(
        db -> prepare(db, id, Transition.REPUBLISH, actor, override, queue.today()));
  }

  List<Result> publishDue(String actor, Instant until) {
    List<Long> due =
        store.inTransaction(
            db ->
                Sql.list(
                    db,
                    "SELECT id FROM questions WHERE state = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at, id",
                    rs -> rs.getLong(1),
                    until.toString()));
    List<Result> results = new ArrayList<>();
    for (long id : due) {
      try {
        Published published =
            inOneOutcome(
                db -> {
                  Instant at = Instant.parse(QuestionRow.load(db, id).scheduledAt());
                  return prepare(
                      db,
                      id,
                      Transition.PUBLISH,
                      actor,
                      null,
                      LocalDate.ofInstant(at, config.site().timeZone()));
                });
        results.add(new Result(id, published, null));
      } catch (ColumnistException e) {
        LOG.log(
            System.Logger.Level.WARNING, "question " + id + " stays scheduled: " + e.getMessage());
        results.add(new Result(id, null, e.getMessage()));
      }
    }
    return results;
  }

  /** A publication decided and recorded in the transaction, its archive file not yet written. */
  private record Decided(Transition transition, Column column, Published published) {}

  /**
   * Publishing is one outcome: the column is in the archive and the queue says published, or
   * neither. Everything that can refuse (the move, the privacy check, the draft save, the reader's
   * notice from a template the coach may have edited) runs first; the file is written last, just
   * before the commit, and put back as it was when the commit does not happen.
   */
  private Published inOneOutcome(Store.Work<Decided> decide) {
    AtomicReference<ArchiveWrite> written = new AtomicReference<>();
    Decided decided;
    try {
      decided =
          store.inTransaction(
              db -> {
                Decided d = decide.run(db);
                written.set(ArchiveWrite.of(archive, d.column()));
                checkpoint.written(d.published().path());
                return d;
              });
    } catch (RuntimeException | Error e) {
      if (written.get() != null) {
        written.get().undo(e);
      }
      throw e;
    }
    LOG.log(
        System.Logger.Level.INFO,
        (decided.transition() == Transition.PUBLISH ? "published" : "republished")
            + " question "
            + decided.published().id()
            + " at "
            + decided.published().url());
    return decided.published();
  }

  private Decided prepare(
      Connection db, long id, Transition transition, String actor, String override, LocalDate today)
      throws SQLException {
    QuestionRow q = queue.move(db, id, transition, actor, null);
    Draft draft = latestDraft(db, id);
    Column column = Drafts.parse(id, draft.text());
    if (transition == Transition.REPUBLISH) {
      // A correction keeps the column's date and slug, hence its URL, and says when it changed.
      Column published = archive.read(archive.root().resolve(q.archivePath()));
      column = column.withDate(published.date()).withSlug(published.slug()).withCorrected(today);
    } else {
      column = column.withDate(today).withCorrected(null);
    }
    List<PrivacyCheck.Finding> findings = PrivacyCheck.findings(column, q.writer());
    String reason =
        override != null
            ? override
            : Integer.valueOf(draft.version()).equals(q.privacyOverrideVersion())
                ? q.privacyOverride()
                : null;
    if (!findings.isEmpty() && reason == null) {
      throw new PrivacyBlockedException(id, findings);
    }
    if (!findings.isEmpty()) {
      recordOverride(db, id, actor, reason, findings);
    }
    Path path = archive.pathFor(column);
    String url = config.site().baseUrl().resolve(column.path()).toString();
    DraftVersions.save(db, id, ColumnCodec.write(column), actor, clock.instant(), null);
    Sql.update(
        db,
        "UPDATE questions SET archive_path = ?, url = ?, published_at = ?, scheduled_at = NULL WHERE id = ?",
        archive.root().relativize(path).toString(),
        url,
        clock.instant().toString(),
        id);
    if (transition == Transition.PUBLISH
        && q.notifyReader()
        && Queue.fromReader(q.origin())
        && Outbox.mayWriteTo(q.senderAddress(), config.column().address())) {
      queue.notify(
          db, q, "published", Map.of("published", Map.of("title", column.title(), "url", url)));
    }
    if (transition == Transition.PUBLISH) {
      afterPublish.published(db, id, column, url);
    }
    return new Decided(transition, column, new Published(id, path, url, findings));
  }

  private void recordOverride(
      Connection db, long id, String actor, String reason, List<PrivacyCheck.Finding> findings)
      throws SQLException {
    Audit.record(
        db,
        clock,
        id,
        actor,
        "privacy_override",
        null,
        null,
        reason
            + " (found: "
            + String.join("; ", findings.stream().map(PrivacyCheck.Finding::toString).toList())
            + ")");
  }

  private static Draft latestDraft(Connection db, long id) throws SQLException {
    return DraftVersions.latest(db, id)
        .orElseThrow(() -> new ColumnistException("question " + id + " has no draft to publish"));
  }

  /**
   * {@code at} in {@code zone}. A time that does not exist there (clocks going forward) is refused;
   * a time that happens twice (clocks going back) means the first.
   */
  static ZonedDateTime inZone(LocalDateTime at, ZoneId zone) {
    List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(at);
    if (offsets.isEmpty()) {
      throw new ColumnistException(
          at + " does not exist in " + zone + " (the clocks go forward then); choose another time");
    }
    return ZonedDateTime.ofLocal(at, zone, offsets.get(0));
  }
}
