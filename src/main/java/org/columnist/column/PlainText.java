package org.columnist.column;

import java.util.regex.Pattern;

/**
 * Puts a reader's own words into a column section so they read as written: nothing in them is taken
 * for HTML, a section heading or a script link.
 */
public final class PlainText {
  private static final Pattern HEADING_START = Pattern.compile("(?m)^( {0,3})#");
  private static final Pattern SCRIPT_SCHEME = Pattern.compile("(?i)(javascript|vbscript|data):");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private PlainText() {}

  /** {@code text} as Markdown that renders to the same words. */
  public static String toMarkdown(String text) {
    String safe = CONTROL.matcher(text).replaceAll("").replace("<", "&lt;");
    safe = HEADING_START.matcher(safe).replaceAll("$1\\\\#");
    return SCRIPT_SCHEME.matcher(safe).replaceAll("$1&#58;");
  }

  /** {@code text} as one line of plain text of at most {@code max} characters. */
  public static String oneLine(String text, int max) {
    String line =
        CONTROL
            .matcher(text)
            .replaceAll("")
            .replaceAll("<[^>]*>", "")
            .replaceAll("\\s+", " ")
            .strip();
    return line.length() <= max ? line : line.substring(0, max - 1).strip() + "…";
  }
}
