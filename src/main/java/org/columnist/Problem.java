package org.columnist;

import java.nio.file.Path;

/**
 * One thing wrong with a file, at a line (1-based; 0 when it concerns the whole file), printed as
 * {@code path:line: message} like a compiler error so editors can jump to it.
 */
public record Problem(Path file, int line, String message) {

  /** The problem as {@code path:line: message}, with the path as given by {@code display}. */
  public String format(Path display) {
    return line > 0 ? display + ":" + line + ": " + message : display + ": " + message;
  }

  @Override
  public String toString() {
    return format(file);
  }
}
