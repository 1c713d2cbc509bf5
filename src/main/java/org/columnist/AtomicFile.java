package org.columnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the new, never half of it: a
 * temporary file in the same folder, flushed to disk, then renamed over the target. The file gets
 * the modes its {@link Access} says (a temporary file starts owner-only, which a web server could
 * not read), and so do the folders the write creates.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * Who may read what a write leaves: the mode of the file, and of each folder created for it. On a
   * file system without POSIX modes, the system's defaults.
   */
  public record Access(Set<PosixFilePermission> file, Set<PosixFilePermission> folders) {
    /** For a web server to read: 0644 files, 0755 folders (public/). */
    public static final Access PUBLIC = of("rw-r--r--", "rwxr-xr-x");

    /** For Columnist alone: 0600 files, 0700 folders (data/). */
    public static final Access OWNER_ONLY = of("rw-------", "rwx------");

    public Access {
      file = Set.copyOf(file);
      folders = Set.copyOf(folders);
    }

    private static Access of(String file, String folders) {
      return new Access(
          PosixFilePermissions.fromString(file), PosixFilePermissions.fromString(folders));
    }

    /**
     * Like the files around {@code target}: the mode it has now if it exists; otherwise its nearest
     * existing folder's, less the execute bits, and that folder's mode for new folders.
     */
    public static Access like(Path target) {
      Path folder = target.toAbsolutePath().getParent();
      while (folder != null && !Files.isDirectory(folder)) {
        folder = folder.getParent();
      }
      if (folder == null || !posix(folder)) {
        return OWNER_ONLY;
      }
      try {
        Set<PosixFilePermission> folders = Files.getPosixFilePermissions(folder);
        Set<PosixFilePermission> file = EnumSet.noneOf(PosixFilePermission.class);
        if (Files.isRegularFile(target)) {
          file.addAll(Files.getPosixFilePermissions(target));
        } else {
          file.addAll(folders);
          file.removeAll(
              EnumSet.of(
                  PosixFilePermission.OWNER_EXECUTE,
                  PosixFilePermission.GROUP_EXECUTE,
                  PosixFilePermission.OTHERS_EXECUTE));
        }
        return new Access(file, folders);
      } catch (IOException e) {
        throw new ColumnistException(
            "cannot read the modes of " + target + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes atomically with the modes of {@code access}; {@code durable} also flushes the file and
   * its folder to disk, which output that can be rebuilt (the site) does without, for speed.
   */
  public static void write(Path target, byte[] content, boolean durable, Access access) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      createFolders(dir, access);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (durable) {
          channel.force(true);
        }
      }
      if (posix(dir)) {
        Files.setPosixFilePermissions(temp, access.file());
      }
      move(temp, target);
      temp = null;
      if (durable) {
        syncDirectory(dir);
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Gives an existing {@code file} the file mode of {@code access} if it has another. */
  public static void setMode(Path file, Access access) {
    try {
      if (posix(file) && !Files.getPosixFilePermissions(file).equals(access.file())) {
        Files.setPosixFilePermissions(file, access.file());
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot set the mode of " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates {@code dir} and its missing parents with the folder mode of {@code access}, set
   * explicitly: a mode given at creation is narrowed by the process umask.
   */
  public static void createFolders(Path dir, Access access) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path d = dir.toAbsolutePath(); d != null && !Files.isDirectory(d); d = d.getParent()) {
      missing.push(d);
    }
    for (Path d : missing) {
      try {
        Files.createDirectory(d);
      } catch (FileAlreadyExistsException e) {
        // Another writer (the site is written in parallel) made it first, and sets its mode.
        continue;
      }
      if (posix(d)) {
        Files.setPosixFilePermissions(d, access.folders());
      }
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // The rename itself is only durable once the folder's entry is on disk (POSIX fsync of a dir).
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems (and Windows) refuse to open a folder; the rename already happened.
    }
  }
}
