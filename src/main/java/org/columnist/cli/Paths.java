package org.columnist.cli;

import java.nio.file.Path;

/** How the CLI shows paths: relative to the working folder when inside it, so they stay short. */
final class Paths {
  private Paths() {}

  static Path display(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute) : path;
  }
}
