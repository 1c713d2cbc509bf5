package org.columnist.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;

/**
 * One column written to the archive, with what its place held before, so that a publication whose
 * transaction does not commit can put the archive back: a new file goes, a republished one gets its
 * previous text again.
 */
final class ArchiveWrite {
  private final Path path;
  private final byte[] previous;
  private final AtomicFile.Access access;

  private ArchiveWrite(Path path, byte[] previous, AtomicFile.Access access) {
    this.path = path;
    this.previous = previous;
    this.access = access;
  }

  /** Writes {@code column} to its place in {@code archive}, remembering what was there. */
  static ArchiveWrite of(Archive archive, Column column) {
    Path path = archive.pathFor(column);
    byte[] previous;
    AtomicFile.Access access = AtomicFile.Access.like(path);
    try {
      previous = Files.exists(path) ? Files.readAllBytes(path) : null;
    } catch (IOException e) {
      throw new ColumnistException("cannot read " + path + ": " + e.getMessage(), e);
    }
    archive.write(column);
    return new ArchiveWrite(path, previous, access);
  }

  /** Puts the place back as it was; a failure to do so is added to {@code cause}. */
  void undo(Throwable cause) {
    try {
      if (previous == null) {
        Files.deleteIfExists(path);
      } else {
        AtomicFile.write(path, previous, true, access);
      }
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(
          new ColumnistException(
              "could not put back " + path + " after a failed publication: " + e.getMessage(), e));
    }
  }
}
