package org.columnist.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as pages' metadata write it: ISO-8601 with or without a time ({@code 2008-04-14}, {@code
 * 2008-04-14T09:00:00-05:00}: the day the page states, not moved to another zone), {@code
 * 2008/04/14}, {@code 20080414}, or "April 14, 2008".
 */
final class PageDate {
  private static final Pattern NUMERIC =
      Pattern.compile("^\\s*(\\d{4})[-/.]?(\\d{2})[-/.]?(\\d{2})(?:$|[T\\s])");
  private static final Pattern WORDS =
      Pattern.compile("^\\s*([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})\\s*$");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_MONTH =
      DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

  private PageDate() {}

  /** The date in {@code text}, or null when it holds none this reads. */
  static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      Matcher m = NUMERIC.matcher(text);
      if (m.find()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
      m = WORDS.matcher(text);
      if (m.find()) {
        return LocalDate.of(
            Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
      }
    } catch (DateTimeException e) {
      // 2008-02-31 and the like: not a date, as if there were none.
    }
    return null;
  }

  private static int month(String name) {
    String word =
        name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    DateTimeFormatter format = word.length() == 3 ? SHORT_MONTH : MONTH;
    return format.parse(word).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
  }
}
