package org.columnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the new, never half of it: a
 * temporary file in the same folder, flushed to disk, then renamed over the target.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes {@code content} to {@code target} atomically and flushed to disk. */
  public static void write(Path target, byte[] content) {
    write(target, content, true);
  }

  /**
   * Writes atomically; {@code durable} also flushes the file and its folder to disk, which output
   * that can be rebuilt (the site) does without, for speed.
   */
  public static void write(Path target, byte[] content, boolean durable) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
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
