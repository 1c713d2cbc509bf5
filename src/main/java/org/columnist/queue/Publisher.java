package org.columnist.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.PrivacyCheck;
import org.columnist.config.Config;
import org.columnist.mail.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Scheduling and publishing: the privacy check, the archive file (written atomically), the
 * question's record of where it went, and the reader's notice — all in one transaction, so that of
 * two processes publishing the same question one succeeds and the other is told why not.
 */
public final class Publisher {
  private static final System.Logger LOG = System.getLogger("publish");
  private static final DateTimeFormatter MONTH_PATH = DateTimeFormatter.ofPattern("yyyy/MM/");

  private final Queue queue;
  private final Store store;
  private final Archive archive;
  private final Config config;
  private final Clock clock;

  Publisher(Queue queue, Store store, Archive archive, Config config, Clock clock) {
    this.queue = queue;
    this.store = store;
    this.archive = archive;
    this.config = config;
    this.clock = clock;
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
          queue.move(db, id, Transition.SCHEDULE, actor, "for " + when.toOffsetDateTime());
          QuestionRow q = QuestionRow.load(db, id);
          Drafts.Version draft = latestDraft(db, id);
          Column column =
              ColumnCodec.read(
                  Path.of("draft-" + id + ".md"), draft.text().getBytes(StandardCharsets.UTF_8));
          List<PrivacyCheck.Finding> findings =
              PrivacyCheck.findings(column, q.senderAddress(), q.senderName());
          if (!findings.isEmpty() && override == null) {
            throw new PrivacyBlockedException(id, findings);
          }
          Sql.update(
              db,
              "UPDATE questions SET scheduled_at = ?, privacy_override = ?, privacy_override_version = ? WHERE id = ?",
              when.toInstant().toString(),
              findings.isEmpty() ? null : override,
              findings.isEmpty() ? null : draft.number(),
              id);
          if (!findings.isEmpty()) {
            recordOverride(db, id, actor, override, findings);
          }
          return when.toInstant();
        });
  }

  Published publish(long id, String actor, String override) {
    return store.inTransaction(
        db -> publish(db, id, Transition.PUBLISH, actor, override, queue.today()));
  }

  Published republish(long id, String actor, String override) {
    return store.inTransaction(
        db -> publish(db, id, Transition.REPUBLISH, actor, override, queue.today()));
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
            store.inTransaction(
                db -> {
                  Instant at = Instant.parse(QuestionRow.load(db, id).scheduledAt());
                  return publish(
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

  private Published publish(
      Connection db, long id, Transition transition, String actor, String override, LocalDate today)
      throws SQLException {
    QuestionRow q = queue.move(db, id, transition, actor, null);
    Drafts.Version draft = latestDraft(db, id);
    Column column =
        ColumnCodec.read(
            Path.of("draft-" + id + ".md"), draft.text().getBytes(StandardCharsets.UTF_8));
    if (transition == Transition.REPUBLISH) {
      // A correction keeps the column's date and slug, hence its URL, and says when it changed.
      Column published = archive.read(archive.root().resolve(q.archivePath()));
      column = column.withDate(published.date()).withSlug(published.slug()).withCorrected(today);
    } else {
      column = column.withDate(today).withCorrected(null);
    }
    List<PrivacyCheck.Finding> findings =
        PrivacyCheck.findings(column, q.senderAddress(), q.senderName());
    String reason =
        override != null
            ? override
            : Integer.valueOf(draft.number()).equals(q.privacyOverrideVersion())
                ? q.privacyOverride()
                : null;
    if (!findings.isEmpty() && reason == null) {
      throw new PrivacyBlockedException(id, findings);
    }
    if (!findings.isEmpty()) {
      recordOverride(db, id, actor, reason, findings);
    }
    Path path = archive.write(column);
    String url =
        config
            .site()
            .baseUrl()
            .resolve(column.date().format(MONTH_PATH) + column.slug() + "/")
            .toString();
    Drafts.save(db, id, ColumnCodec.write(column), actor, clock.instant(), null);
    Sql.update(
        db,
        "UPDATE questions SET archive_path = ?, url = ?, published_at = ?, scheduled_at = NULL WHERE id = ?",
        archive.root().relativize(path).toString(),
        url,
        clock.instant().toString(),
        id);
    if (transition == Transition.PUBLISH
        && q.notifyReader()
        && "mail".equals(q.origin())
        && Outbox.mayWriteTo(q.senderAddress(), config.column().address())) {
      queue.notify(
          db, q, "published", Map.of("published", Map.of("title", column.title(), "url", url)));
    }
    LOG.log(
        System.Logger.Level.INFO,
        (transition == Transition.PUBLISH ? "published" : "republished")
            + " question "
            + id
            + " at "
            + url);
    return new Published(id, path, url, findings);
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

  private static Drafts.Version latestDraft(Connection db, long id) throws SQLException {
    return Drafts.latest(db, id)
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
