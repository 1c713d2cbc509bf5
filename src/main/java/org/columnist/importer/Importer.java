package org.columnist.importer;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;

/**
 * Brings a coach's back catalogue into the archive: walks the files and folders named, reads each
 * input's columns ({@link Format}, then {@link Layout}), skips what the archive already holds, and
 * writes each new column as one archive file that {@code columnist check} accepts, or reports why
 * not. One input never stops the others; a re-run of the same import adds nothing.
 */
public final class Importer {
  private static final System.Logger LOG = System.getLogger("import");

  /**
   * How to import.
   *
   * @param dryRun report what each input would become and write nothing
   * @param loose take an advice article without the column's layout whole, as the answer
   * @param allowPrivate import a column with an e-mail address or phone number in it, warning
   */
  public record Options(boolean dryRun, boolean loose, boolean allowPrivate) {}

  /** What became of one column's worth of an input. */
  public sealed interface Outcome {
    Path input();

    /** Written to {@code archiveFile} (in a dry run: would be). */
    record Imported(Path input, Column column, Path archiveFile, String author, List<Note> warnings)
        implements Outcome {
      public Imported {
        warnings = List.copyOf(warnings);
      }
    }

    /** Skipped: the archive (or this run) already has it in {@code existing}. */
    record Duplicate(Path input, Column column, Path existing) implements Outcome {}

    /** Not imported, and why; nothing was written for it. */
    record Refused(Note note) implements Outcome {
      @Override
      public Path input() {
        return note.file();
      }
    }
  }

  /** Told of the import as it goes: the CLI prints each outcome and shows progress. */
  public interface Listener {
    /** The walk is done: {@code files} inputs are to be read. */
    default void started(int files) {}

    void outcome(Outcome outcome);

    /** One input is done with. */
    default void done(Path input) {}
  }

  /**
   * What an import did.
   *
   * @param files the inputs read or refused
   * @param ignored files in the folders walked of no format the importer reads
   * @param unreadable archive files {@code columnist check} refuses, which the duplicate check
   *     could not compare with
   */
  public record Summary(
      int imported, int duplicates, int refused, int files, int ignored, List<Path> unreadable) {}

  /** Where a test stops an import dead, to prove that a re-run loses and repeats nothing. */
  enum Step {
    /** An input's columns are in the archive. */
    WRITTEN
  }

  @FunctionalInterface
  interface Checkpoint {
    void reached(Step step, Path input);
  }

  private final Archive archive;
  private final String coach;
  private final Checkpoint checkpoint;

  /** An importer into {@code archive} for the coach named {@code coach} (config coach.name). */
  public Importer(Archive archive, String coach) {
    this(archive, coach, (step, input) -> {});
  }

  Importer(Archive archive, String coach, Checkpoint checkpoint) {
    this.archive = archive;
    this.coach = coach == null ? "" : coach;
    this.checkpoint = checkpoint;
  }

  /** Imports {@code inputs} (files and folders), telling {@code listener} each outcome. */
  public Summary run(List<Path> inputs, Options options, Listener listener) {
    Holdings holdings = Holdings.of(archive);
    Walk walk = Walk.of(inputs);
    listener.started(walk.files().size() + walk.refused().size());
    int[] counts = new int[3];
    List<Outcome> refusedByWalk =
        walk.refused().stream().<Outcome>map(Outcome.Refused::new).toList();
    for (Outcome outcome : refusedByWalk) {
      count(outcome, counts);
      listener.outcome(outcome);
      listener.done(outcome.input());
    }
    try (FileReads reads = new FileReads(walk.files(), file -> read(file, options))) {
      for (Path file : walk.files()) {
        boolean written = false;
        for (Outcome outcome : outcomes(reads.next(), options, holdings)) {
          count(outcome, counts);
          written |= outcome instanceof Outcome.Imported;
          listener.outcome(outcome);
        }
        if (written && !options.dryRun()) {
          checkpoint.reached(Step.WRITTEN, file);
        }
        listener.done(file);
      }
    }
    return new Summary(
        counts[0],
        counts[1],
        counts[2],
        walk.files().size() + walk.refused().size(),
        walk.ignored(),
        holdings.unreadable());
  }

  // Java 17 has no pattern switch over the sealed Outcome.
  private static void count(Outcome outcome, int[] counts) {
    if (outcome instanceof Outcome.Imported) {
      counts[0]++;
    } else if (outcome instanceof Outcome.Duplicate) {
      counts[1]++;
    } else {
      counts[2]++;
    }
  }

  /** A file's columns as its format and the layout read them, before anything is compared. */
  record FileRead(Outcome refusal, List<ColumnRead> columns) {}

  /** One column's reading, or why it has none (a refusal, a bug). */
  record ColumnRead(Found found, Reading reading, Outcome failure) {}

  // Touches nothing shared, so that files are read on several threads (see FileReads).
  private static FileRead read(Path file, Options options) {
    List<Found> found;
    try {
      found = Format.of(file).orElseThrow().read(file);
    } catch (Refusal refusal) {
      return new FileRead(refused(file, refusal.line(), refusal.getMessage()), List.of());
    } catch (UncheckedIOException e) {
      return new FileRead(
          refused(file, 0, "could not be read: " + e.getCause().getMessage()), List.of());
    } catch (ColumnistException e) {
      return new FileRead(refused(file, 0, e.getMessage()), List.of());
    } catch (RuntimeException | StackOverflowError e) {
      return new FileRead(bug(file, 0, e), List.of());
    }
    List<ColumnRead> columns = new ArrayList<>();
    for (Found one : found) {
      try {
        columns.add(new ColumnRead(one, Layout.read(one, options.loose()), null));
      } catch (ColumnistException e) {
        columns.add(new ColumnRead(one, null, refused(file, one.line(), e.getMessage())));
      } catch (RuntimeException | StackOverflowError e) {
        columns.add(new ColumnRead(one, null, bug(file, one.line(), e)));
      }
    }
    return new FileRead(null, columns);
  }

  /** Every column's outcome in a file read, or the one refusal of the whole file. */
  private List<Outcome> outcomes(FileRead read, Options options, Holdings holdings) {
    if (read.refusal() != null) {
      return List.of(read.refusal());
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (ColumnRead column : read.columns()) {
      Found one = column.found();
      try {
        outcomes.add(
            column.failure() != null
                ? column.failure()
                : column.reading() instanceof Reading.Recognised recognised
                    ? recognised(one, recognised, options, holdings)
                    : new Outcome.Refused(((Reading.Unrecognised) column.reading()).reason()));
      } catch (ColumnistException e) {
        outcomes.add(refused(one.file(), one.line(), e.getMessage()));
      } catch (RuntimeException e) {
        outcomes.add(bug(one.file(), one.line(), e));
      }
    }
    return outcomes;
  }

  private Outcome recognised(
      Found found, Reading.Recognised reading, Options options, Holdings holdings) {
    Column column = reading.column();
    Optional<Path> existing = holdings.duplicateOf(column);
    if (existing.isPresent()) {
      return new Outcome.Duplicate(found.file(), column, existing.get());
    }
    List<Note> warnings = new ArrayList<>(reading.warnings());
    bylineOfAnother(found, reading.author()).ifPresent(warnings::add);
    List<Note> privacy =
        PrivateDetails.in(
            column,
            found,
            options.allowPrivate()
                ? "; imported as --allow-private asks"
                : ": remove it or import with --allow-private");
    if (!privacy.isEmpty() && !options.allowPrivate()) {
      return new Outcome.Refused(withMore(privacy));
    }
    warnings.addAll(privacy);
    column = column.withSlug(holdings.uniqueSlug(column));
    column = withoutOwnAddress(column);
    // Holdings has every slug in use: Archive.write's listing per column made imports quadratic.
    Path file = options.dryRun() ? archive.pathFor(column) : archive.writeUnlisted(column);
    holdings.add(column, file);
    return new Outcome.Imported(found.file(), column, file, reading.author(), warnings);
  }

  /**
   * The column without an old address that is its new one: a WordPress permalink such as {@code
   * /2010/03/slug/} often is, and a redirect there would take the column's own page.
   */
  private static Column withoutOwnAddress(Column column) {
    String own = "/" + column.path();
    List<String> kept =
        column.aliases().stream()
            .filter(a -> !a.equals(own) && !a.equals(own + "index.html") && !(a + "/").equals(own))
            .toList();
    return kept.size() == column.aliases().size() ? column : column.withAliases(kept);
  }

  /** A column signed by someone else may be a guest's: the coach should know it came in. */
  private Optional<Note> bylineOfAnother(Found found, String author) {
    if (author == null || author.isBlank() || coach.isBlank()) {
      return Optional.empty();
    }
    if (Holdings.words(author).contains(Holdings.words(coach))) {
      return Optional.empty();
    }
    return Optional.of(
        new Note(
            found.file(),
            found.line(),
            "the byline names " + author.strip() + ", not the coach (" + coach + ")"));
  }

  /** The first finding, saying how many more there are: one refusal per input. */
  private static Note withMore(List<Note> findings) {
    Note first = findings.get(0);
    if (findings.size() == 1) {
      return first;
    }
    return new Note(
        first.file(),
        first.line(),
        first.message() + String.format(Locale.ROOT, " (and %d more)", findings.size() - 1));
  }

  private static Outcome refused(Path file, int line, String reason) {
    return new Outcome.Refused(new Note(file, line, reason));
  }

  /**
   * A reader's bug must not cost the coach the rest of the import: refused, and logged whole. A
   * recursion that overflows (a library's, on a page no limit foresaw) is one file's bug too.
   */
  private static Outcome bug(Path file, int line, Throwable e) {
    LOG.log(System.Logger.Level.ERROR, "importing " + file + " failed", e);
    return refused(
        file,
        line,
        "could not be imported (a bug: " + e + "); the log has its stack trace: please report it");
  }
}
