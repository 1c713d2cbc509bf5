package org.columnist.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.columnist.Blank;

/**
 * Cuts what is not the reader's own words from a message's text: quoted replies ("On … wrote:",
 * "&gt;" lines, Outlook's original-message blocks), the signature after "-- " (RFC 3676 §4.3) and a
 * sign-off block without it ({@link SignOff}). The signature is kept for the privacy check; the
 * full original stays stored with the raw message.
 */
final class QuoteTrimmer {
  private static final Pattern ATTRIBUTION_START = Pattern.compile("(?i)^(on|le|am|el)\\s.*");
  private static final Pattern WROTE_END =
      Pattern.compile("(?i).*(wrote|écrit|schrieb|escribió)\\s*:\\s*$");
  private static final Pattern ORIGINAL =
      Pattern.compile(
          "(?i)^-{2,}\\s*(original message|forwarded message|ursprüngliche nachricht)\\s*-{2,}\\s*$");
  private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{20,}\\s*$");
  private static final Pattern FROM_HEADER =
      Pattern.compile("(?i)^\\*?(from|von|de)\\s*:\\*?\\s.+");
  private static final Pattern SENT_HEADER =
      Pattern.compile("(?i)^\\*?(sent|date|gesendet|envoyé)\\s*:\\*?\\s.+");

  private QuoteTrimmer() {}

  /** A message's own words and the signature cut from them ({@code null} when there was none). */
  record Trimmed(String question, String signature) {}

  static String trim(String text) {
    return cut(text).question();
  }

  static Trimmed cut(String text) {
    List<String> lines = text.lines().toList();
    int end = quoteStart(lines, 0);
    String dashed = null;
    if (end < lines.size() && isDashes(lines.get(end))) {
      dashed = ownLines(lines, end + 1, quoteStart(lines, end + 1));
    }
    List<String> kept = new ArrayList<>(ownLines(lines, 0, end).lines().toList());
    var signOff = SignOff.find(kept);
    if (signOff.isEmpty()) {
      return new Trimmed(String.join("\n", kept).strip(), Blank.toNull(dashed));
    }
    String signature = signOff.get().signature() + (dashed == null ? "" : "\n" + dashed);
    return new Trimmed(signOff.get().question(), Blank.toNull(signature));
  }

  private static boolean isDashes(String line) {
    return line.equals("-- ") || line.equals("--");
  }

  /** The first line at or after {@code from} where what follows is not the reader's own. */
  private static int quoteStart(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      String stripped = lines.get(i).strip();
      if (isDashes(lines.get(i))
          || ORIGINAL.matcher(stripped).matches()
          || OUTLOOK_RULE.matcher(stripped).matches()
          || isAttribution(lines, i)
          || (FROM_HEADER.matcher(stripped).matches()
              && i + 1 < lines.size()
              && SENT_HEADER.matcher(lines.get(i + 1).strip()).matches())) {
        return i;
      }
    }
    return lines.size();
  }

  private static String ownLines(List<String> lines, int from, int to) {
    List<String> kept = new ArrayList<>();
    for (String line : lines.subList(from, to)) {
      if (!line.strip().startsWith(">")) {
        kept.add(line);
      }
    }
    return String.join("\n", kept).strip();
  }

  // "On Tue, 3 Mar 2026, Jane <jane@example.com> wrote:", which mailers may wrap onto two lines.
  private static boolean isAttribution(List<String> lines, int i) {
    String line = lines.get(i).strip();
    if (!ATTRIBUTION_START.matcher(line).matches()) {
      return false;
    }
    return WROTE_END.matcher(line).matches()
        || (i + 1 < lines.size() && WROTE_END.matcher(lines.get(i + 1).strip()).matches());
  }
}
