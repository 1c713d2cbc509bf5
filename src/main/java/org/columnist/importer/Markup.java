package org.columnist.importer;

import java.util.regex.Pattern;

/**
 * A line's words without the Markdown around them: heading marks ({@code ### }), emphasis wrapped
 * round the whole line ({@code **The Client**}, {@code _By Pat_}) and a hard break at its end. The
 * layout rules compare these, so that a line means the same in plain text and in converted HTML.
 */
final class Markup {
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+|$)");
  private static final Pattern CLOSING_HASHES = Pattern.compile("[ \\t]+#+[ \\t]*$");
  private static final Pattern HARD_BREAK = Pattern.compile("(?:\\\\|[ \\t]{2,})$");
  private static final Pattern WRAPPED = Pattern.compile("^(\\*\\*|__|\\*|_)(.+)\\1$");

  private Markup() {}

  /** Whether {@code line} is an ATX heading ({@code #} to {@code ######}). */
  static boolean isHeading(String line) {
    return HEADING.matcher(line).find();
  }

  /** {@code line} without a heading's marks and a hard break. */
  static String unheaded(String line) {
    String text = HARD_BREAK.matcher(line).replaceFirst("");
    if (isHeading(text)) {
      text = CLOSING_HASHES.matcher(HEADING.matcher(text).replaceFirst("")).replaceFirst("");
    }
    return text.strip();
  }

  /** {@code line}'s words: no heading marks, no hard break, no emphasis round the whole line. */
  static String plain(String line) {
    String text = unheaded(line);
    for (var m = WRAPPED.matcher(text); m.matches(); m = WRAPPED.matcher(text)) {
      text = m.group(2).strip();
    }
    return text;
  }
}
