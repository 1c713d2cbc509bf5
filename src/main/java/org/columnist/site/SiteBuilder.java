package org.columnist.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.Progress;
import org.columnist.Sha256;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * Renders the archive into the static site in {@code public/} with the instance's templates. Builds
 * are incremental: only pages whose inputs changed are rendered, only pages whose bytes changed are
 * written (atomically), and pages of columns that left the archive are removed. A change of
 * templates or config, or {@code clean}, rebuilds everything. Rendering uses all cores.
 */
public final class SiteBuilder {
  private static final System.Logger LOG = System.getLogger("site");

  private final Config config;
  private final Archive archive;
  private final Templates templates;
  private final Path publicDir;
  private final Path stateFile;
  private final Pages pages;
  private final IncrementalPlan plan;
  private final ReaderSide readers;
  private final Markdown markdown;

  /** A column related to another, for its page's "related columns". */
  public record Related(String title, String path) {}

  private static final java.util.function.Function<String, List<Related>> NO_RELATED =
      slug -> List.of();

  /** A site without related columns (no search index at hand) and nothing from readers. */
  public SiteBuilder(Config config, Archive archive) {
    this(config, archive, NO_RELATED, ReaderSide.NONE);
  }

  /**
   * A site whose column pages list {@code related.apply(slug)} and show what {@code readers} adds
   * (responses, counts, the forms' tokens).
   */
  public SiteBuilder(
      Config config,
      Archive archive,
      java.util.function.Function<String, List<Related>> related,
      ReaderSide readers) {
    this(config, archive, related, readers, new Templates(config.paths().templates()));
  }

  /**
   * With {@code templates}, which may be shared with other builds: they take up an edit when a
   * build finds that their fingerprint changed.
   */
  public SiteBuilder(
      Config config,
      Archive archive,
      java.util.function.Function<String, List<Related>> related,
      ReaderSide readers,
      Templates templates) {
    this.config = config;
    this.archive = archive;
    this.templates = templates;
    this.publicDir = config.paths().publicDir().toAbsolutePath().normalize();
    this.stateFile = config.paths().data().resolve("site-build.tsv");
    this.readers = readers;
    this.markdown = new Markdown(config.site());
    this.pages = new Pages(config, templates, archive, related, readers);
    this.plan = new IncrementalPlan(related, related != NO_RELATED);
  }

  /** What a build did. */
  public record Report(
      boolean full, int columns, int rendered, int written, int removed, Duration took) {}

  /** {@link #build(boolean, Progress)} showing no progress. */
  public Report build(boolean clean) {
    return build(clean, new LastBuild(), Progress.NONE);
  }

  /** {@link #build(boolean, LastBuild, Progress)} with nothing remembered of the last build. */
  public Report build(boolean clean, Progress progress) {
    return build(clean, new LastBuild(), progress);
  }

  /**
   * A build that starts from what {@code last} remembers of the previous one, when the state file
   * is still the one that build saved, and leaves this build in it: for a server that builds again
   * and again. It tells {@code progress} of each page rendered. With {@code clean}, every page is
   * rendered again and everything else in {@code public/} removed, but a page whose bytes are
   * already on disk is left as it is.
   */
  public Report build(boolean clean, LastBuild last, Progress progress) {
    return build(clean, last, null, progress);
  }

  /**
   * A build after this process wrote or removed the archive files {@code files} (a publication;
   * none for what readers changed): only those are read again, and what {@code last} remembers of
   * the rest is trusted, so that a publication costs the same whatever the archive's size. When
   * {@code last} remembers no build, or another process built since, every file is looked at, as
   * {@link #build(boolean, LastBuild, Progress)} does.
   */
  public Report build(LastBuild last, Collection<Path> files) {
    return build(false, last, files, Progress.NONE);
  }

  private Report build(boolean clean, LastBuild last, Collection<Path> files, Progress progress) {
    long start = System.nanoTime();
    BuildState old = clean ? BuildState.empty() : last.state(stateFile);
    Catalog remembered = last.catalog(old);
    last.forget(); // until this build is saved
    String fingerprint = fingerprint();
    // With public/ gone or emptied by hand, the state's pages are not there to keep.
    boolean full = clean || !fingerprint.equals(old.fingerprint()) || nothingIn(publicDir);
    boolean named = !full && remembered != null && files != null;
    Scan scan = full ? scan(BuildState.empty()) : named ? scan(old, files) : scan(old);
    Catalog now =
        named
            ? remembered.patched(
                scan.changed,
                scan.changed.stream().map(scan.summaries::get).filter(Objects::nonNull).toList())
            : new Catalog(scan.summaries.values());
    Catalog before = remembered != null ? remembered : new Catalog(old.sources().values());
    Map<String, PageKind> all = Pages.all(now);
    Map<String, String> readerPrints = readerPrints(now);
    Set<String> planned =
        new LinkedHashSet<>(full ? all.keySet() : plan.pages(now, before, scan.changed, all));
    if (!full) {
      planned.addAll(readersChanged(all, old.readers(), readerPrints));
    }

    Map<String, String> outputs = new ConcurrentHashMap<>();
    old.outputs()
        .forEach(
            (path, hash) -> {
              if (all.containsKey(path)) {
                outputs.put(path, hash);
              }
            });
    PageWriter writer = PageWriter.into(publicDir, pages);
    if (full) {
      writer.survey(clean ? all.keySet() : null);
    }
    List<String> written;
    progress.started("Building the site", "pages", planned.size());
    try {
      written =
          writer.write(
              planned,
              all,
              // Every column page: what readers added read for all at once.
              pages.site(now, scan.parsed, scan.sections, full ? readers.forAllPages() : readers),
              outputs,
              progress);
    } finally {
      progress.finished();
    }
    int removed = 0;
    for (String path : old.outputs().keySet()) {
      if (!all.containsKey(path)
          && RedirectPage.inside(publicDir, path)
          && delete(publicDir.resolve(path))) {
        removed++;
      }
    }
    BuildState saved =
        new BuildState(
            fingerprint, new LinkedHashMap<>(scan.summaries), new HashMap<>(outputs), readerPrints);
    last.save(stateFile, remembered != null ? old : null, saved, now);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.log(
        System.Logger.Level.DEBUG,
        String.format(
            "built %s: %d columns, %d pages rendered, %d written, %d removed in %d ms",
            full ? "everything" : "what changed",
            now.columns.size(),
            planned.size(),
            written.size(),
            removed,
            took.toMillis()));
    return new Report(full, now.columns.size(), planned.size(), written.size(), removed, took);
  }

  /**
   * Runs {@code work} for each item on all cores and returns only when every task has ended, so
   * that no page is written after a failed build has returned; the first failure is rethrown.
   */
  static void inParallel(Set<String> items, Consumer<String> work) {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    for (String item : items) {
      pool.execute(
          () -> {
            if (failure.get() != null) {
              return;
            }
            try {
              work.accept(item);
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } catch (Error e) {
              // A page that overflows the stack must fail the build, not go missing from it.
              failure.compareAndSet(null, new IllegalStateException("a bug: " + e, e));
            }
          });
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IllegalStateException("the site build did not finish within an hour");
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new ColumnistException("interrupted while building the site", e);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** What a scan read: the columns and their sections, by source, and the sources changed. */
  private record Scan(
      Map<String, Summary> summaries,
      Map<String, Column> parsed,
      Map<String, List<Map<String, String>>> sections,
      Set<String> changed) {}

  /** Reads the archive files that are new or changed since {@code old}; reuses the rest. */
  private Scan scan(BuildState old) {
    Scan scan =
        new Scan(
            new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>(),
            new ConcurrentHashMap<>(),
            new HashSet<>());
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    archive.entries().parallelStream().forEach(entry -> look(entry, old, scan, problems));
    scan.changed.addAll(scan.parsed.keySet());
    old.sources().keySet().stream()
        .filter(s -> !scan.summaries.containsKey(s))
        .forEach(scan.changed::add);
    return scanned(scan, problems);
  }

  /** Reads {@code files} again, whatever their size and time; trusts {@code old} for the rest. */
  private Scan scan(BuildState old, Collection<Path> files) {
    Scan scan =
        new Scan(new HashMap<>(old.sources()), new HashMap<>(), new HashMap<>(), new HashSet<>());
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      String source = archive.root().relativize(file).toString();
      scan.summaries.remove(source);
      // Read whatever its size and time: a second edit within the clock's resolution that keeps
      // the size would otherwise look unchanged. A file gone was removed: its pages go.
      archive.entry(file).ifPresent(e -> look(e, BuildState.empty(), scan, problems));
      if (scan.summaries.get(source) != old.sources().get(source)) {
        scan.changed.add(source);
      }
    }
    return scanned(scan, problems);
  }

  /**
   * Puts the summary of {@code entry} in {@code scan}: {@code old}'s if it is unchanged, else from
   * the file, read with its sections rendered (the pages that show them are rendered next).
   */
  private void look(Archive.Entry entry, BuildState old, Scan scan, List<Problem> problems) {
    Path file = entry.file();
    String source = archive.root().relativize(file).toString();
    long modified = entry.modified();
    Summary known = old.sources().get(source);
    if (known != null && known.size() == entry.size() && known.modified() == modified) {
      scan.summaries.put(source, known);
      return;
    }
    try {
      Column column = archive.read(file);
      Site.Read read = Site.read(markdown, column);
      scan.parsed.put(source, column);
      scan.sections.put(source, read.sections());
      scan.summaries.put(
          source, Summary.of(column, read.excerpt(), source, entry.size(), modified));
    } catch (InvalidFileException e) {
      problems.addAll(e.problems());
    }
  }

  private static Scan scanned(Scan scan, List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidFileException(
          problems.stream().sorted(Comparator.comparing(p -> p.file().toString())).toList());
    }
    return scan;
  }

  /**
   * What readers add to each column page, as a fingerprint by slug: the database's (responses and
   * counts shown) and whether the column still takes responses, which changes with the date.
   */
  private Map<String, String> readerPrints(Catalog catalog) {
    Map<String, String> fromDb = readers.fingerprints();
    Map<String, String> prints = new HashMap<>();
    boolean open = true;
    for (Summary s : catalog.columns) {
      // Newest first: once a column is closed, so is every older one, and no date is read again
      // (parsing each and asking the clock was a tenth of a publication's build).
      open = open && readers.open(LocalDate.parse(s.date()));
      prints.put(s.slug(), (open ? "open " : "closed ") + fromDb.getOrDefault(s.slug(), ""));
    }
    return prints;
  }

  /** The column pages whose readers' fingerprint differs from the last build's. */
  private static Set<String> readersChanged(
      Map<String, PageKind> all, Map<String, String> before, Map<String, String> now) {
    Set<String> pages = new LinkedHashSet<>();
    for (PageKind page : all.values()) {
      if (page instanceof ColumnPage c
          && !now.get(c.summary().slug()).equals(before.get(c.summary().slug()))) {
        pages.add(page.path());
      }
    }
    return pages;
  }

  /** Config, the effective templates and the about page: when any changes, every page may. */
  private String fingerprint() {
    Path about = archive.root().resolve("about.md");
    try {
      MessageDigest digest = Sha256.digest();
      digest.update(
          List.of(config.site(), config.coach(), config.column())
              .toString()
              .getBytes(StandardCharsets.UTF_8));
      // The effective templates, shipped and overridden: an upgrade that changes the shipped
      // markup rebuilds every page. (The jar's manifest carries no version to go by.)
      digest.update(templates.fingerprint().getBytes(StandardCharsets.UTF_8));
      // The tokens of the forms on every page: a new key changes every page.
      digest.update(
          (readers.pageToken("subscribe") + readers.pageToken("ask"))
              .getBytes(StandardCharsets.UTF_8));
      if (Files.isRegularFile(about)) {
        digest.update(Files.readAllBytes(about));
      }
      return Sha256.hex(digest);
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + about + ": " + e.getMessage(), e);
    }
  }

  private static boolean nothingIn(Path dir) {
    try {
      return PageWriter.empty(dir);
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a page and the folders it leaves empty; true if there was one. */
  private boolean delete(Path page) {
    try {
      boolean deleted = Files.deleteIfExists(page);
      for (Path dir = page.getParent();
          dir != null && !dir.equals(publicDir) && dir.startsWith(publicDir);
          dir = dir.getParent()) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            break;
          }
        }
        Files.delete(dir);
      }
      return deleted;
    } catch (IOException e) {
      throw new ColumnistException("cannot remove " + page + ": " + e.getMessage(), e);
    }
  }
}
