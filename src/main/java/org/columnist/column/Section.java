package org.columnist.column;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parts of a column's body, in the order they are written and shown. */
public enum Section {
  QUESTION("Question"),
  ANSWER("Answer"),
  INNER_GAME("The inner game"),
  OUTER_GAME("The outer game"),
  LAST_WORD("The last word");

  // Compiled once: String.replaceAll compiled it for each heading of every file read.
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String heading;

  Section(String heading) {
    this.heading = heading;
  }

  /** The level-2 heading that opens this section in an archive file. */
  public String heading() {
    return heading;
  }

  /** The section a heading names, ignoring case and extra spaces. */
  public static Optional<Section> ofHeading(String text) {
    String wanted = SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    for (Section s : values()) {
      if (s.heading.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
