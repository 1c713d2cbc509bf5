package org.columnist.importer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.column.Section;

/**
 * A line that opens a section of the column: "Q." or "Question" (on its own, as a heading, in bold,
 * or leading the question's first paragraph: {@code **Q.** My boss...}), "A." or "Answer", "The
 * inner game", "The outer game", "The last word".
 *
 * @param rest the words after the marker on the same line, "" when the marker stands alone
 */
record Marker(Section section, String rest) {
  private static final Map<String, Section> LABELS =
      Map.ofEntries(
          Map.entry("q", Section.QUESTION),
          Map.entry("question", Section.QUESTION),
          Map.entry("the question", Section.QUESTION),
          Map.entry("a", Section.ANSWER),
          Map.entry("answer", Section.ANSWER),
          Map.entry("the answer", Section.ANSWER),
          Map.entry("inner game", Section.INNER_GAME),
          Map.entry("the inner game", Section.INNER_GAME),
          Map.entry("outer game", Section.OUTER_GAME),
          Map.entry("the outer game", Section.OUTER_GAME),
          Map.entry("last word", Section.LAST_WORD),
          Map.entry("the last word", Section.LAST_WORD));

  // A marker leading a paragraph needs a stop or emphasis after it: "A lot of managers..." and
  // "Answer the phone" begin answers, they are not markers. A lone letter must be upper case, so
  // that a list's "a." stays a list.
  private static final Pattern LEADING =
      Pattern.compile(
          "^(\\*\\*|__|\\*|_)?(Q|A|(?i:question|answer|the question|the answer|the inner game"
              + "|the outer game|the last word))[ \\t]*([.:])?[ \\t]*(\\1)?[ \\t]*([.:])?[ \\t]+(\\S.*)$");

  /** The marker {@code line} is, if it is one. */
  static Optional<Marker> of(String line) {
    String whole = Markup.plain(line).replaceFirst("[ \\t]*[.:]$", "");
    Section alone = LABELS.get(whole.toLowerCase(Locale.ROOT));
    if (alone != null && (whole.length() > 1 || Character.isUpperCase(whole.charAt(0)))) {
      return Optional.of(new Marker(alone, ""));
    }
    Matcher m = LEADING.matcher(Markup.unheaded(line));
    boolean stopped = m.matches() && (m.group(3) != null || m.group(5) != null);
    boolean emphasised = m.matches() && m.group(1) != null && m.group(4) != null;
    if (!stopped && !emphasised) {
      return Optional.empty();
    }
    return Optional.of(
        new Marker(LABELS.get(m.group(2).toLowerCase(Locale.ROOT)), m.group(6).strip()));
  }
}
