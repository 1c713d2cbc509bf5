package org.columnist.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;

/**
 * The files of a new instance (config, sample archive, and a templates folder holding only its
 * README), shipped inside the jar under {@code instance/}: the build copies them from the
 * repository's own instance, so there is one copy to keep right. The shipped templates are not
 * among them: a copy in the instance would replace every later release's templates.
 */
public final class InstanceSkeleton {
  private static final String ROOT = "/instance";

  private InstanceSkeleton() {}

  /**
   * Copies the skeleton into {@code dir} and creates its data folder. Refuses, changing nothing,
   * when any of the files already exists. Returns the files written, relative to {@code dir}.
   */
  public static List<Path> copyTo(Path dir) {
    try {
      return ShippedFolder.read(ROOT, skeleton -> copy(skeleton, dir));
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot create the instance in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> copy(Path source, Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).map(source::relativize).sorted().toList();
    }
    List<Path> existing = new ArrayList<>();
    for (Path file : files) {
      if (Files.exists(dir.resolve(file.toString()))) {
        existing.add(file);
      }
    }
    if (!existing.isEmpty()) {
      throw new ColumnistException(
          dir + " already holds an instance (" + existing.get(0) + " exists); nothing was changed");
    }
    for (Path file : files) {
      Path target = dir.resolve(file.toString());
      Files.createDirectories(target.getParent());
      Files.copy(source.resolve(file.toString()), target);
    }
    // data/ holds readers' mail and the editors' password hashes.
    AtomicFile.createFolders(dir.resolve("data"), AtomicFile.Access.OWNER_ONLY);
    return files.stream().map(f -> Path.of(f.toString())).toList();
  }
}
