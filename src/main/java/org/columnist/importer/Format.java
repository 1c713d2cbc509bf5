package org.columnist.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The kinds of input the importer reads, known by their file name's extension. */
enum Format {
  TEXT(TextInput::read, "txt", "text", "md", "markdown"),
  HTML(HtmlInput::read, "html", "htm"),
  MHTML(Mhtml::read, "mhtml", "mht"),
  EML(EmlInput::read, "eml"),
  MBOX(MboxInput::read, "mbox"),
  WORDPRESS(WordPressInput::read, "xml");

  private final Function<Path, List<Found>> reader;
  private final Set<String> extensions;

  Format(Function<Path, List<Found>> reader, String... extensions) {
    this.reader = reader;
    this.extensions = Set.of(extensions);
  }

  /** The format of {@code file}, or empty for a file the importer does not read. */
  static Optional<Format> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    for (Format format : values()) {
      if (format.extensions.contains(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Every column's text in {@code file}; throws {@link Refusal} when it holds none. */
  List<Found> read(Path file) {
    return reader.apply(file);
  }
}
