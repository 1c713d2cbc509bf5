package org.columnist.mail;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a sign-off block at the end of a reader's text: a line that is only a closing ("Best
 * regards,", "Thanks!", "Mit freundlichen Grüßen") followed by at most {@link #MAX_LINES} short
 * lines (name, job, company, phone). Many readers sign that way without the "-- " separator, and
 * what follows the closing identifies them.
 */
final class SignOff {
  static final int MAX_LINES = 6;
  private static final int MAX_LINE_LENGTH = 72;

  // A closing is the whole line: "Thanks in advance for any advice." is the question's own words.
  private static final Pattern CLOSING =
      Pattern.compile(
          "(?iu)^(?:best|all the best|best wishes|(?:best|kind|kindest|warm|warmest|many) regards"
              + "|regards|with regards|thanks|thank you|thanks again|many thanks|thx|cheers|sincerely"
              + "|yours(?: sincerely| truly| faithfully)?|respectfully|take care"
              + "|mit freundlichen grüßen|mit freundlichen gruessen|viele grüße|liebe grüße"
              + "|beste grüße|freundliche grüße|grüße|gruß|mfg|cordialement|bien cordialement"
              + "|bien à vous|salutations|merci|saludos|un saludo|atentamente|gracias|cordiali saluti"
              + "|saluti|distinti saluti|grazie|met vriendelijke groet|vriendelijke groet|groeten"
              + "|med vänlig hälsning|hälsningar|med venlig hilsen|hilsen|pozdrawiam|obrigado"
              + "|obrigada|atenciosamente)[\\s,.!-]*$");

  // Six words or more ending like a sentence, or a postscript, is prose, not a signature line.
  private static final Pattern PROSE =
      Pattern.compile("(?i)^(?:(?:\\S+\\s+){5,}\\S*[.!?]|p\\.?\\s?s\\b.*)$");

  private SignOff() {}

  /** Where the text splits: the question before the closing line, the signature after it. */
  record Split(String question, String signature) {}

  static Optional<Split> find(List<String> lines) {
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    int signed = 0;
    for (int i = last; i > 0 && signed <= MAX_LINES; i--) {
      String line = lines.get(i).strip();
      if (CLOSING.matcher(line).matches() && signed > 0 && hasWordsBefore(lines, i)) {
        return Optional.of(
            new Split(
                String.join("\n", lines.subList(0, i)).strip(),
                String.join("\n", lines.subList(i + 1, last + 1)).strip()));
      }
      if (!line.isEmpty()) {
        if (line.length() > MAX_LINE_LENGTH
            || line.endsWith("?")
            || PROSE.matcher(line).matches()) {
          return Optional.empty();
        }
        signed++;
      }
    }
    return Optional.empty();
  }

  private static boolean hasWordsBefore(List<String> lines, int closing) {
    return lines.subList(0, closing).stream().anyMatch(l -> !l.isBlank());
  }
}
