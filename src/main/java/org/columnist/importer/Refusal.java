package org.columnist.importer;

/**
 * An input file that holds no column this importer can read (not UTF-8 and no charset, too large,
 * not a WordPress export, broken XML): thrown by a format's reader, reported as {@code file:line:
 * reason}, and nothing is written for the file.
 */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  Refusal(int line, String reason) {
    super(reason, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
