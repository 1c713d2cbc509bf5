package org.columnist.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * What a long-running server remembers of its last site build, so that the next need not read the
 * build state (tens of thousands of lines on a large archive) and sort the catalog again. It is
 * trusted only while the state file is the one that build saved: a build by another process (the
 * CLI) saves a new file, and the next build reads that instead.
 */
public final class LastBuild {
  private BuildState state;
  private Catalog catalog;
  private List<Object> stamp;
  // The bytes of the state file's last whole save, and those appended since.
  private long whole;
  private long appended;

  /** The state saved at {@code file}: the remembered one if the file is still the one saved. */
  BuildState state(Path file) {
    if (state != null && stamp(file).equals(stamp)) {
      return state;
    }
    forget();
    return BuildState.load(file);
  }

  /** The catalog of {@code state}, if it is the remembered one's; null to make it anew. */
  Catalog catalog(BuildState of) {
    return of == state ? catalog : null;
  }

  /**
   * Saves {@code saved} at {@code file} and remembers it with its {@code built} catalog. When
   * {@code before} is given, the state remembered when the build began (so the one the file holds),
   * only what changed is appended, until the appends add up to the file's whole size: a server's
   * build after a publication then writes a few lines, not the whole archive's.
   */
  void save(Path file, BuildState before, BuildState saved, Catalog built) {
    // Appended only to the file this process saved last: another process (the CLI) may have
    // saved a whole state of its own since this build began.
    if (before != null
        && before.fingerprint().equals(saved.fingerprint())
        && appended < whole
        && stamp(file).equals(stamp)) {
      appended += saved.appendTo(file, before);
    } else {
      whole = saved.save(file);
      appended = 0;
    }
    state = saved;
    catalog = built;
    stamp = stamp(file);
  }

  /** Trusts the remembered state no more; the stamp of the file last saved is kept. */
  void forget() {
    state = null;
    catalog = null;
  }

  // The file's identity, size and time: a save replaces the file, so another process's save
  // changes the identity even within the clock's resolution.
  private static List<Object> stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
    } catch (IOException e) {
      return List.of(new Object()); // equal to no other: an unreadable file is never trusted
    }
  }
}
