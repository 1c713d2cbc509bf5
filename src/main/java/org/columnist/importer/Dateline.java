package org.columnist.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a line of a column gives ("Coach's Corner—April 14, 2008", "Posted Apr. 14, 2008", "14
 * April 2008", "2008-04-14"), and whether the line is a dateline: a short line that is mostly the
 * date, so that a date mentioned in a sentence of the answer is never taken for one.
 */
final class Dateline {
  /** A dateline's words besides the date ("Coach's Corner—", "Posted on") are at most this long. */
  private static final int MAX_REST = 40;

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
  private static final Pattern MONTH_FIRST =
      Pattern.compile("(?i)\\b" + MONTH + "\\s+" + DAY + ",?\\s+(\\d{4})\\b");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(?i)\\b" + DAY + "\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  private Dateline() {}

  /** The date of {@code line} when the line is a dateline, else empty. */
  static Optional<LocalDate> of(String line) {
    String text = Markup.plain(line);
    if (text.length() > MAX_REST + 20) {
      return Optional.empty();
    }
    for (Pattern pattern : List.of(MONTH_FIRST, DAY_FIRST, ISO)) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        String rest = text.substring(0, m.start()) + text.substring(m.end());
        Optional<LocalDate> date = date(pattern, m);
        return rest.strip().length() <= MAX_REST ? date : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(Pattern pattern, Matcher m) {
    try {
      if (pattern == ISO) {
        return Optional.of(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))));
      }
      boolean monthFirst = pattern == MONTH_FIRST;
      String month = monthFirst ? m.group(1) : m.group(2);
      int day = num(monthFirst ? m.group(2) : m.group(1));
      int index = MONTHS.indexOf(month.substring(0, 3).toLowerCase(Locale.ROOT));
      return Optional.of(LocalDate.of(num(m.group(3)), index + 1, day));
    } catch (DateTimeException e) {
      return Optional.empty(); // "February 30, 2008" is a typo, not a date
    }
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}
