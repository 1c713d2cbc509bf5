package org.columnist.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** How listing verbs print: one JSON document with {@code --json}, else a line per entry. */
final class Listing {
  private Listing() {}

  static <T> void print(
      PrintWriter out, boolean json, List<T> entries, Function<T, String> line, String whenEmpty) {
    if (json) {
      Json.print(out, entries);
    } else if (entries.isEmpty()) {
      out.println(whenEmpty);
    } else {
      entries.forEach(e -> out.println(line.apply(e)));
    }
  }

  /** {@code text} cut to {@code max} characters, "-" when absent: for aligned columns. */
  static String shorten(String text, int max) {
    if (text == null) {
      return "-";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
