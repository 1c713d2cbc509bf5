package org.columnist.importer;

import java.util.regex.Pattern;

/**
 * The column's own words in a mail body: the sender's signature (after "-- ", RFC 3676 §4.3) is
 * cut, and quoted replies ("&gt;" lines, an "On … wrote:" attribution) and a forwarded message's
 * header block are blanked rather than removed, so that every kept line stays on its line of the
 * file and a report can still say {@code file:line}.
 *
 * <p>Intake has its own trimmer for readers' questions ({@code mail/QuoteTrimmer}); the importer
 * may not use {@code mail}, and a column sent to an editor needs less: no sign-off guessing, which
 * would eat a column's closing line.
 */
final class OwnWords {
  private static final Pattern ATTRIBUTION = Pattern.compile("(?i)^on\\s.+\\swrote:\\s*$");
  private static final Pattern FORWARDED =
      Pattern.compile("(?i)^-{2,}\\s*(forwarded|original) message\\s*-{2,}$");
  private static final Pattern HEADER_LINE = Pattern.compile("^\\*?[A-Za-z-]+:\\*?\\s.*");

  private OwnWords() {}

  /** {@code body} (LF line ends) with what is not the column blanked, and the signature cut. */
  static String of(String body) {
    String[] lines = body.split("\n", -1);
    StringBuilder kept = new StringBuilder();
    boolean inForwardHeader = false;
    for (String line : lines) {
      String stripped = line.strip();
      if (line.equals("-- ") || line.equals("--") || stripped.equals("\\--")) {
        break;
      }
      if (FORWARDED.matcher(stripped).matches()) {
        inForwardHeader = true;
        line = "";
      } else if (inForwardHeader && HEADER_LINE.matcher(stripped).matches()) {
        line = "";
      } else {
        inForwardHeader = false;
        if (stripped.startsWith(">") || ATTRIBUTION.matcher(stripped).matches()) {
          line = "";
        }
      }
      kept.append(line).append('\n');
    }
    return kept.toString().stripTrailing();
  }
}
