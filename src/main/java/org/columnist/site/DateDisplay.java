package org.columnist.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How pages show dates to a reader, in the site's language: a day in the long form ("April 14,
 * 2008" in English), a month with its year, a month alone. Column pages, lists and the search page
 * all show dates through this, so they agree.
 */
final class DateDisplay {
  private final DateTimeFormatter day;
  private final DateTimeFormatter monthOfYear;
  private final DateTimeFormatter month;

  DateDisplay(String language) {
    Locale locale = Locale.forLanguageTag(language);
    this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    this.monthOfYear = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
    this.month = DateTimeFormatter.ofPattern("MMMM", locale);
  }

  /** The day of {@code date}, in the long form. */
  String day(LocalDate date) {
    return day.format(date);
  }

  /** The month of {@code date} with its year. */
  String monthOfYear(LocalDate date) {
    return monthOfYear.format(date);
  }

  /** The month of {@code date}, its name alone. */
  String month(LocalDate date) {
    return month.format(date);
  }
}
