package org.columnist.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.column.Slug;

/**
 * Reads the layout of an advice column in a found text: its headline, dateline and sections.
 *
 * <p>First cut, for the foundations: the five sections as headings of their own, a headline, a
 * dateline. The profile block, "Q." and "A." markers and loose articles come next.
 */
final class Layout {
  private static final Pattern DATELINE =
      Pattern.compile(
          "(?i)\\b((?:january|february|march|april|may|june|july|august|september|october"
              + "|november|december) \\d{1,2}, \\d{4})\\b");
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private Layout() {}

  static Reading read(Found found, boolean loose) {
    String[] lines = found.text().split("\n", -1);
    String title = found.hints().title();
    LocalDate date = found.hints().date();
    Map<Section, StringBuilder> body = new EnumMap<>(Section.class);
    Section current = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Section heading = heading(line);
      if (heading != null) {
        current = heading;
        body.put(current, new StringBuilder());
      } else if (current != null) {
        body.get(current).append(lines[i]).append('\n');
      } else if (!line.isEmpty()) {
        if (title == null) {
          title = line.replaceFirst("^#+\\s*", "");
        } else if (date == null) {
          date = dateIn(line);
        }
      }
    }
    if (!body.containsKey(Section.QUESTION) || !body.containsKey(Section.ANSWER)) {
      return new Reading.Unrecognised(
          new Note(found.file(), found.line(), "no question and answer found"));
    }
    date = date == null ? found.hints().sent() : date;
    if (date == null) {
      return new Reading.Unrecognised(
          new Note(found.file(), found.line(), "no date found: add a dateline"));
    }
    Map<Section, String> sections = new EnumMap<>(Section.class);
    body.forEach((section, text) -> sections.put(section, text.toString()));
    Column column =
        Column.of(
            title,
            date,
            null,
            Slug.fromTitle(title),
            ClientProfile.ofIssue(title),
            found.hints().tags(),
            found.hints().aliases(),
            sections);
    return new Reading.Recognised(column, found.hints().author(), new ArrayList<>());
  }

  private static Section heading(String line) {
    String name = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
    for (Section section : Section.values()) {
      if (name.equals(section.heading().toLowerCase(Locale.ROOT))) {
        return section;
      }
    }
    return null;
  }

  private static LocalDate dateIn(String line) {
    Matcher m = DATELINE.matcher(line);
    if (!m.find()) {
      return null;
    }
    String text = m.group(1);
    try {
      return LocalDate.parse(
          Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT),
          LONG_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
