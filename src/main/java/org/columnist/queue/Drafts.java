package org.columnist.queue;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The coach's drafts: every save kept as a new version, the history and the diff between two
 * versions. A draft changes here; a question changes state in {@link Queue}. Get one from {@link
 * Queue#drafts()}.
 */
public final class Drafts {
  private final Store store;
  private final Archive archive;
  private final Clock clock;
  private final Supplier<LocalDate> today;

  Drafts(Store store, Archive archive, Clock clock, Supplier<LocalDate> today) {
    this.store = store;
    this.archive = archive;
    this.clock = clock;
    this.today = today;
  }

  /** Starts a column with no reader's question behind it; returns its id. */
  public long start(String title, String actor) {
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
          Column column = Prefill.fromTitle(title, today.get(), archive);
          DraftVersions.create(db, id, ColumnCodec.write(column), actor, clock.instant());
          return id;
        });
  }

  /** The latest version of the draft of {@code id}. */
  public Draft latest(long id) {
    return store.inTransaction(
        db -> DraftVersions.latest(db, id).orElseThrow(() -> DraftVersions.noDraftYet(id)));
  }

  /**
   * Saves {@code text} (an archive file's text) as the next version of the draft, after checking
   * it; {@code expectedVersion}, if given, guards against overwriting a save made meanwhile.
   */
  public int save(long id, String text, String actor, Integer expectedVersion) {
    parse(id, text);
    return store.inTransaction(
        db -> {
          QuestionRow q = QuestionRow.load(db, id);
          if (!State.of(q.state()).map(State::draftMayChange).orElse(false)) {
            throw new ColumnistException(
                "question " + id + " is " + q.state() + ": its draft can no longer change");
          }
          int before = DraftVersions.latest(db, id).map(Draft::version).orElse(0);
          int version = DraftVersions.save(db, id, text, actor, clock.instant(), expectedVersion);
          if (version != before) {
            Audit.record(db, clock, id, actor, "save", null, null, "draft version " + version);
          }
          return version;
        });
  }

  /** Every version of the draft of {@code id}, oldest first. */
  public List<Draft> history(long id) {
    return store.inTransaction(db -> DraftVersions.history(db, id));
  }

  /** A unified diff between two versions of a draft (by default the last two). */
  public String diff(long id, Integer from, Integer to) {
    return store.inTransaction(
        db -> {
          List<Draft> all = DraftVersions.history(db, id);
          if (all.isEmpty()) {
            throw DraftVersions.noDraftYet(id);
          }
          int newer = to != null ? to : all.get(all.size() - 1).version();
          int older = from != null ? from : Math.max(1, newer - 1);
          Draft a =
              DraftVersions.version(db, id, older)
                  .orElseThrow(
                      () -> new ColumnistException("draft " + id + " has no version " + older));
          Draft b =
              DraftVersions.version(db, id, newer)
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

  /**
   * The column in the draft text of {@code id}, or the problems that make it no column; its issue
   * may still be empty, which only {@link ReadyRule} refuses.
   */
  static Column parse(long id, String text) {
    return ColumnCodec.read(
        Path.of("draft-" + id + ".md"),
        text.getBytes(StandardCharsets.UTF_8),
        ColumnCodec.Issue.MAY_BE_EMPTY);
  }
}
