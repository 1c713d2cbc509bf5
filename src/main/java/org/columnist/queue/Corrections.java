package org.columnist.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.config.Config;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Every column in the archive, as the coach corrects it: the ones published from the queue and the
 * ones that came another way (the sample, an import, a file written by hand). A correction of a
 * column with no question behind it first gives it one, published, whose draft is the file; from
 * there it is the queue's usual republish, at the same URL. Get one from {@link
 * Queue#corrections()}.
 */
public final class Corrections {
  private final Store store;
  private final Archive archive;
  private final Config config;
  private final Clock clock;

  Corrections(Store store, Archive archive, Config config, Clock clock) {
    this.store = store;
    this.archive = archive;
    this.config = config;
    this.clock = clock;
  }

  /**
   * One column in the archive: its file (relative to the archive), what it says of itself, and the
   * question it was published from, if any (null). A file that does not read has only its file and
   * {@code problem}.
   */
  public record Listed(
      String file, String title, String slug, LocalDate date, Long question, String problem) {}

  /** Every column in the archive, newest first (by date, then by file). */
  public List<Listed> list() {
    Map<String, Long> questions = store.inTransaction(Corrections::questionsByFile);
    List<Listed> listed = new ArrayList<>();
    for (Path file : archive.files()) {
      String relative = archive.root().relativize(file).toString();
      Long question = questions.get(relative);
      try {
        Column c = archive.read(file);
        listed.add(new Listed(relative, c.title(), c.slug(), c.date(), question, null));
      } catch (ColumnistException e) {
        // still listed: the coach sees the file is there and why it is not on the site
        listed.add(new Listed(relative, relative, "", null, question, e.getMessage()));
      }
    }
    listed.sort(
        Comparator.comparing(Listed::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Listed::file, Comparator.reverseOrder()));
    return listed;
  }

  private static Map<String, Long> questionsByFile(Connection db) throws SQLException {
    Map<String, Long> byFile = new HashMap<>();
    for (Map.Entry<String, Long> e :
        Sql.list(
            db,
            "SELECT archive_path, id FROM questions WHERE archive_path IS NOT NULL AND state = 'published' ORDER BY id",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
      byFile.put(e.getKey(), e.getValue()); // the latest question to publish there wins
    }
    return byFile;
  }

  /**
   * The question whose draft corrects the column in {@code file} (relative to the archive): the one
   * it was published from, or else a new one, published, pointing at the file, its draft the column
   * as it is. Republishing it keeps the column's URL.
   */
  public long correct(String file, String actor) {
    Path path = inArchive(file);
    Column column = archive.read(path);
    String relative = archive.root().relativize(path).toString();
    return store.inTransaction(
        db -> {
          Optional<Long> known = Optional.ofNullable(questionsByFile(db).get(relative));
          if (known.isPresent()) {
            return known.get();
          }
          String now = clock.instant().toString();
          long id =
              Sql.insert(
                  db,
                  "INSERT INTO questions(state, origin, subject, body, archive_path, url, published_at, received_at, updated_at) VALUES ('published', 'coach', ?, '', ?, ?, ?, ?, ?)",
                  column.title(),
                  relative,
                  config.site().baseUrl().resolve(column.path()).toString(),
                  now,
                  now,
                  now);
          Audit.record(db, clock, id, actor, "create", null, "published", "to correct " + relative);
          DraftVersions.create(db, id, ColumnCodec.write(column), actor, clock.instant());
          return id;
        });
  }

  /** {@code file} as one of the archive's column files, or why not. */
  private Path inArchive(String file) {
    Path path = archive.root().resolve(file).normalize();
    if (!path.startsWith(archive.root()) || !archive.files().contains(path)) {
      throw new ColumnistException(
          "there is no column '" + file + "' in the archive; see the Published page");
    }
    return path;
  }
}
