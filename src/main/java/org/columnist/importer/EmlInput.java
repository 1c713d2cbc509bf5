package org.columnist.importer;

import java.nio.file.Path;
import java.util.List;

/** A {@code .eml} file: one e-mail, a column sent to an editor. */
final class EmlInput {
  /** Mail servers refuse larger messages; an .eml above it is not a column's mail. */
  static final long MAX_BYTES = 50L << 20;

  private EmlInput() {}

  static List<Found> read(Path file) {
    return List.of(MailMessage.found(file, 1, TextInput.bytes(file, MAX_BYTES)));
  }
}
