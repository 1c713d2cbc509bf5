package org.columnist.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.Progress;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.Slug;

/**
 * The folder of published columns, one Markdown file each at {@code YYYY/MM/<slug>.md}. It is the
 * truth for published work; nothing is ever written outside it.
 */
public final class Archive {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("0[1-9]|1[0-2]");

  /** A page about the coach that lives at the top of the archive and is not a column. */
  private static final String ABOUT = "about.md";

  private final Path root;

  public Archive(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Every column file in the archive, sorted by path; none when the folder does not exist. */
  public List<Path> files() {
    return entries().stream().map(Entry::file).toList();
  }

  /** An archive file with its size and modification time, as listed. */
  public record Entry(Path file, long size, long modified) {}

  /**
   * The archive file {@code file} with its size and time as {@link #entries()} gives them; empty
   * when it does not exist (removed).
   */
  public Optional<Entry> entry(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new Entry(file, a.size(), a.lastModifiedTime().toMillis()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@link #files()} with sizes and times, read in the same pass over the folder. */
  public List<Entry> entries() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    Path about = root.resolve(ABOUT);
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> found =
        Files.find(
            root,
            3,
            (p, attributes) -> {
              String name = p.getFileName().toString();
              if (!attributes.isDirectory()
                  && name.endsWith(".md")
                  && !name.startsWith(".")
                  && !p.equals(about)) {
                entries.add(
                    new Entry(p, attributes.size(), attributes.lastModifiedTime().toMillis()));
              }
              return false;
            })) {
      found.forEach(p -> {});
    } catch (IOException e) {
      throw new ColumnistException("cannot list the archive " + root + ": " + e.getMessage(), e);
    }
    entries.sort(Comparator.comparing(Entry::file));
    return entries;
  }

  /**
   * Reads one archive file; throws {@link InvalidFileException} with every problem {@link #check}
   * finds in it, its place in the archive included: whatever reads the archive (the site, the
   * index) takes in exactly what check accepts.
   */
  public Column read(Path file) {
    FileCheck checked = checkOne(file);
    if (!checked.problems().isEmpty()) {
      throw new InvalidFileException(checked.problems());
    }
    return checked.column();
  }

  /** The column in {@code file}, wherever the file is. */
  private static Column parse(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw invalid(
            file, "is not a plain file (a link or a folder); an archive file must be a plain file");
      }
      long size = Files.size(file);
      if (size > ColumnCodec.MAX_FILE_BYTES) {
        throw invalid(
            file,
            String.format(
                "is %.1f MB; an archive file may be at most %d KB",
                size / 1e6, ColumnCodec.MAX_FILE_BYTES / 1024));
      }
      return ColumnCodec.read(file, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ColumnistException("no archive file " + file);
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where {@code column} lives: {@code YYYY/MM/<slug>.md} under the archive, checked. */
  public Path pathFor(Column column) {
    if (!Slug.isValid(column.slug())) {
      throw new ColumnistException(
          "'" + column.slug() + "' is not a valid slug: use lowercase a-z, 0-9 and single hyphens");
    }
    Path path = root.resolve(column.archiveFile()).normalize();
    if (!path.startsWith(root)) {
      throw new ColumnistException("refusing to write outside the archive: " + path);
    }
    return path;
  }

  /**
   * Writes {@code column} atomically to its place, replacing an earlier version there. Refuses a
   * slug that another file already uses, and a column that would not read back the same.
   */
  public Path write(Column column) {
    Path path = pathFor(column);
    for (Path other : files()) {
      if (!other.equals(path) && other.getFileName().equals(path.getFileName())) {
        throw new ColumnistException(
            "slug '" + column.slug() + "' is already used by " + other + "; choose another");
      }
    }
    return writeUnlisted(column);
  }

  /**
   * {@link #write} without listing the archive for a shared slug, for a caller that holds every
   * slug in use itself: an import of 1,000 columns listed it 1,000 times (a quarter of the pages
   * per second at 1,000 what it was at 250).
   */
  public Path writeUnlisted(Column column) {
    Path path = pathFor(column);
    String text = ColumnCodec.write(column);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Column back = ColumnCodec.read(path, bytes);
    if (!back.equals(column)) {
      throw new IllegalStateException("column does not survive a round trip through " + path);
    }
    // An archive is often a git checkout or shared with other tools: keep its modes as they are.
    AtomicFile.write(path, bytes, true, AtomicFile.Access.like(path));
    return path;
  }

  /** A slug for {@code title} that no column in the archive uses yet. */
  public String uniqueSlug(String title) {
    Set<String> taken = new HashSet<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      taken.add(name.substring(0, name.length() - 3));
    }
    String slug = Slug.fromTitle(title);
    for (int n = 2; taken.contains(slug); n++) {
      slug = Slug.withSuffix(Slug.fromTitle(title), n);
    }
    return slug;
  }

  /** Reads every file and reports all problems, including misplaced files and shared slugs. */
  public CheckReport check() {
    return check(Progress.NONE);
  }

  /** {@link #check()}, telling {@code progress} of each file read. */
  public CheckReport check(Progress progress) {
    List<Path> files = files();
    progress.started("Checking the archive", "files read", files.size());
    List<FileCheck> results;
    try {
      results =
          files.parallelStream()
              .map(
                  file -> {
                    FileCheck result = checkOne(file);
                    progress.advanced(1);
                    return result;
                  })
              .toList();
    } finally {
      progress.finished();
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, Path> slugs = new HashMap<>();
    for (FileCheck result : results) {
      problems.addAll(result.problems());
      if (result.column() != null) {
        Path first = slugs.putIfAbsent(result.column().slug(), result.file());
        if (first != null) {
          problems.add(
              new Problem(
                  result.file(),
                  0,
                  "slug '" + result.column().slug() + "' is also used by " + first));
        }
      }
    }
    return new CheckReport(files.size(), problems);
  }

  /** What {@link #check} found: how many files it read and every problem. */
  public record CheckReport(int files, List<Problem> problems) {}

  private record FileCheck(Path file, Column column, List<Problem> problems) {}

  /** Every problem of one file: its text, and whether it is where its date and slug put it. */
  private FileCheck checkOne(Path file) {
    List<Problem> problems = new ArrayList<>();
    Path relative = root.relativize(file.toAbsolutePath().normalize());
    boolean placed =
        relative.getNameCount() == 3
            && YEAR.matcher(relative.getName(0).toString()).matches()
            && MONTH.matcher(relative.getName(1).toString()).matches();
    if (!placed) {
      problems.add(
          new Problem(
              file, 0, "is not in a YYYY/MM folder of the archive; move it to YYYY/MM/<slug>.md"));
    }
    try {
      Column column = parse(file);
      if (placed && !root.resolve(relative).equals(pathFor(column))) {
        problems.add(
            new Problem(
                file,
                0,
                "should be at "
                    + root.relativize(pathFor(column))
                    + " to match its date and slug"));
      }
      return new FileCheck(file, column, problems);
    } catch (InvalidFileException e) {
      problems.addAll(e.problems());
      return new FileCheck(file, null, problems);
    }
  }

  private static InvalidFileException invalid(Path file, String message) {
    return new InvalidFileException(List.of(new Problem(file, 0, message)));
  }
}
