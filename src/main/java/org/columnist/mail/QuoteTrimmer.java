package org.columnist.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what is not the reader's own words from a message's text: quoted replies ("On … wrote:",
 * "&gt;" lines, Outlook's original-message blocks) and the signature after "-- " (RFC 3676 §4.3).
 * The full original stays stored with the raw message.
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

  static String trim(String text) {
    List<String> lines = text.lines().toList();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (line.equals("-- ")
          || line.equals("--")
          || ORIGINAL.matcher(stripped).matches()
          || OUTLOOK_RULE.matcher(stripped).matches()
          || isAttribution(lines, i)
          || (FROM_HEADER.matcher(stripped).matches()
              && i + 1 < lines.size()
              && SENT_HEADER.matcher(lines.get(i + 1).strip()).matches())) {
        break;
      }
      if (!stripped.startsWith(">")) {
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
