package org.columnist.importer;

import java.nio.file.Path;

/** A warning or a refusal about one input, at a line of its file (0 when no line applies). */
public record Note(Path file, int line, String message) {

  /** {@code file:line: message}, as {@code columnist check} reports. */
  public String format(Path shown) {
    return line > 0 ? shown + ":" + line + ": " + message : shown + ": " + message;
  }
}
