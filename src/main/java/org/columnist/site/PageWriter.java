package org.columnist.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;
import org.columnist.Fingerprint;
import org.columnist.Progress;

/**
 * Renders pages on all cores and puts their bytes in {@code public/} so that no reader ever gets
 * half a page, at the least cost to the file system. Into a {@code public/} that is missing or
 * empty, where nothing can be served yet, the pages are written straight into a new folder beside
 * it, which then replaces it in one rename. Into an existing site, a page whose bytes are already
 * on disk is not touched, and a changed or new one is written atomically ({@link AtomicFile}).
 */
final class PageWriter {
  private static final System.Logger LOG = System.getLogger("site");

  private final Path publicDir;
  private final Pages pages;

  /** Where pages go: {@code publicDir}, or the new folder that replaces it. */
  private final Path root;

  private final boolean staged;

  /** The folders known to exist under {@link #root}, made once each. */
  private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

  // Whether a new file and folder in the staged folder get the public modes as they are made, so
  // that setting them again is a system call a page for nothing: only a umask narrows them.
  private final boolean createdPublic;

  /** A file a full build found in {@code public/}: its size, and whether its mode is public. */
  private record OnDisk(long size, boolean publicMode) {}

  /**
   * What {@link #survey} found in {@code public/}, by page path; null when it did not look, and
   * each page written is looked at on its own.
   */
  private Map<String, OnDisk> onDisk;

  private PageWriter(Path publicDir, Pages pages, Path root, boolean createdPublic) {
    this.publicDir = publicDir;
    this.pages = pages;
    this.root = root;
    this.staged = !root.equals(publicDir);
    this.createdPublic = createdPublic;
    folders.put(root, true);
  }

  /**
   * A writer into {@code publicDir}, staged in a new folder beside it when it does not exist yet.
   * An existing folder, even empty, is written in place: a web server may be serving it, and an
   * operator may have given it modes, ACLs, a label or a mount that a rename would lose.
   */
  static PageWriter into(Path publicDir, Pages pages) {
    if (Files.exists(publicDir, LinkOption.NOFOLLOW_LINKS)) {
      return new PageWriter(publicDir, pages, publicDir, false);
    }
    try {
      Path parent = publicDir.getParent();
      AtomicFile.createFolders(parent, AtomicFile.Access.PUBLIC);
      Path root = Files.createTempDirectory(parent, "." + publicDir.getFileName() + ".new-");
      if (posix(root)) {
        Files.setPosixFilePermissions(root, AtomicFile.Access.PUBLIC.folders());
      }
      return new PageWriter(publicDir, pages, root, createdPublic(root));
    } catch (IOException e) {
      throw new ColumnistException("cannot write into " + publicDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * For a build that renders every page: looks once at every file in {@code public/}, so that no
   * page needs system calls of its own to learn its size and mode. With {@code keep}, removes every
   * file that is not one of those pages (and any symbolic link), then the folders left empty; the
   * pages stay, so that those whose bytes do not change are not written again. Nothing to do in a
   * new folder.
   */
  void survey(Set<String> keep) {
    // A public/ that is a link to a folder elsewhere is looked at page by page, and cleaned of
    // nothing: what else is in that folder is not the build's.
    if (staged || !Files.isDirectory(publicDir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Map<String, OnDisk> found = new HashMap<>();
    try {
      survey(publicDir, keep, found);
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + publicDir + ": " + e.getMessage(), e);
    }
    onDisk = found;
  }

  /** Surveys {@code dir}; returns how many entries it keeps. */
  private int survey(Path dir, Set<String> keep, Map<String, OnDisk> found) throws IOException {
    int kept = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        // One lstat an entry: its type, size and mode at once.
        BasicFileAttributes attributes =
            posix(entry)
                ? Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String page = publicDir.relativize(entry).toString();
        if (attributes.isDirectory()) {
          if (survey(entry, keep, found) > 0 || keep == null) {
            kept++;
          } else {
            Files.delete(entry);
          }
        } else if (keep != null && (attributes.isSymbolicLink() || !keep.contains(page))) {
          Files.delete(entry);
        } else {
          kept++;
          if (attributes.isRegularFile()) {
            found.put(
                page,
                new OnDisk(
                    attributes.size(),
                    !(attributes instanceof PosixFileAttributes mode)
                        || mode.permissions().equals(AtomicFile.Access.PUBLIC.file())));
          }
        }
      }
    }
    return kept;
  }

  /**
   * Renders the {@code planned} pages and writes those whose bytes differ from the hash in {@code
   * outputs} (which it updates) or, where it has none, from the file on disk; returns the paths
   * written. After a {@link #survey}, an unchanged page gets the public mode if it has another.
   */
  List<String> write(
      Set<String> planned,
      Map<String, PageKind> all,
      Site site,
      Map<String, String> outputs,
      Progress progress) {
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    try {
      SiteBuilder.inParallel(
          planned,
          path -> {
            // Only a redirect's path comes from an archive file; the rest are the build's own. In
            // the staged folder, which this build made, no link can be on the way.
            if (staged ? !RedirectPage.under(root, path) : !RedirectPage.inside(root, path)) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "not writing "
                      + all.get(path).describe()
                      + ": "
                      + path
                      + " is outside "
                      + publicDir
                      + " or reached through a symbolic link");
              return;
            }
            byte[] bytes = pages.render(all.get(path), site);
            String hash = Fingerprint.of(bytes);
            if (put(path, bytes, hash.equals(outputs.get(path)))) {
              written.add(path);
            }
            outputs.put(path, hash);
            progress.advanced(1);
          });
      if (staged) {
        swapIn();
      }
    } catch (RuntimeException | Error e) {
      if (staged) {
        try {
          deleteTree(root);
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
    return written;
  }

  /**
   * Puts {@code bytes} at {@code path} unless they are there already ({@code known}: the last build
   * wrote them); true if it wrote.
   */
  private boolean put(String path, byte[] bytes, boolean known) {
    Path target = root.resolve(path);
    try {
      if (staged) {
        createNew(target, bytes);
        return true;
      }
      OnDisk disk = onDisk != null ? onDisk.get(path) : look(target);
      if (disk != null
          && disk.size() == bytes.length
          && (known || Arrays.equals(Files.readAllBytes(target), bytes))) {
        if (onDisk != null && !disk.publicMode()) {
          // Earlier versions left pages owner-only, which a web server cannot read.
          AtomicFile.setMode(target, AtomicFile.Access.PUBLIC);
        }
        return false;
      }
      AtomicFile.write(target, bytes, false, AtomicFile.Access.PUBLIC);
      return true;
    } catch (IOException e) {
      throw new ColumnistException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new ColumnistException(
          "cannot write " + target + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The regular file at {@code target} (not a link), or null. */
  private static OnDisk look(Path target) throws IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? new OnDisk(attributes.size(), true) : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Writes a file no one can be reading yet: no temporary file, its folder made once. */
  private void createNew(Path target, byte[] bytes) throws IOException {
    folder(target.getParent());
    Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    if (!createdPublic && posix(target)) {
      // Set explicitly: a mode given at creation is narrowed by the process umask.
      Files.setPosixFilePermissions(target, AtomicFile.Access.PUBLIC.file());
    }
  }

  /** Makes {@code dir} and the folders above it up to {@link #root} that this build has not. */
  private void folder(Path dir) throws IOException {
    if (folders.containsKey(dir)) {
      return;
    }
    folder(dir.getParent());
    try {
      Files.createDirectory(dir);
      if (!createdPublic && posix(dir)) {
        Files.setPosixFilePermissions(dir, AtomicFile.Access.PUBLIC.folders());
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // Another thread made it first, and sets its mode.
    }
    folders.put(dir, true);
  }

  /**
   * Whether a file and a folder made in {@code dir} get the public modes as they are made: what the
   * process umask leaves of the modes Java asks for, read off one of each, then removed.
   */
  private static boolean createdPublic(Path dir) throws IOException {
    if (!posix(dir)) {
      return false;
    }
    Path file = Files.createFile(dir.resolve(".mode-probe"));
    Path folder = Files.createDirectory(dir.resolve(".mode-probe.d"));
    try {
      return Files.getPosixFilePermissions(file).equals(AtomicFile.Access.PUBLIC.file())
          && Files.getPosixFilePermissions(folder).equals(AtomicFile.Access.PUBLIC.folders());
    } finally {
      Files.delete(file);
      Files.delete(folder);
    }
  }

  /**
   * Puts the new folder in place of {@code public/} in one rename (which replaces an empty folder).
   * If something was put in {@code public/} meanwhile, moves each page in on its own instead.
   */
  private void swapIn() {
    try {
      try {
        Files.move(root, publicDir, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (IOException e) {
        // Not empty any more, or a file system that cannot rename over a folder.
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          Path target = publicDir.resolve(root.relativize(file).toString());
          AtomicFile.createFolders(target.getParent(), AtomicFile.Access.PUBLIC);
          try {
            Files.move(
                file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            // public/ is another mount (a volume): no rename reaches it, a copy does.
            AtomicFile.write(target, Files.readAllBytes(file), false, AtomicFile.Access.PUBLIC);
          }
        }
      }
      deleteTree(root);
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot move the new site from " + root + " into " + publicDir + ": " + e.getMessage(),
          e);
    }
  }

  /** Whether {@code dir} holds no page: missing, or an empty folder (not a link to one). */
  static boolean empty(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
