package org.columnist.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a column above its first section, sorted: the headline, the dateline, the byline,
 * the client profile block, and whatever else is there (a standfirst, or an unmarked question).
 */
final class Head {
  /** A headline without a heading's marks is a line of its own no longer than this. */
  private static final int MAX_HEADLINE = 100;

  final ProfileBlock profile = new ProfileBlock();
  final List<String> rest = new ArrayList<>();
  String title;
  int titleLine;
  LocalDate date;
  String author;
  int restLine = -1;

  private Head() {}

  /** Sorts {@code lines} from 0 to {@code end} (exclusive) of {@code found}'s text. */
  static Head of(List<String> lines, int end, Found found) {
    Head head = new Head();
    String given = found.hints().title() == null ? null : Markup.plain(found.hints().title());
    for (int i = 0; i < end; i++) {
      String raw = lines.get(i);
      String plain = Markup.plain(raw);
      if (head.profile.take(raw, found.at(i)) || head.profile.continues(raw)) {
        continue;
      }
      head.profile.pause();
      if (plain.isEmpty() && !head.rest.isEmpty()) {
        head.rest.add(""); // keeps the paragraphs of a loose article's text apart
        continue;
      }
      if (plain.isEmpty() || plain.equalsIgnoreCase(given) || ProfileBlock.isHeading(raw)) {
        continue;
      }
      var date = Dateline.of(raw);
      var author = Byline.of(raw);
      if (date.isPresent()) {
        head.date = head.date == null ? date.get() : head.date;
      } else if (author.isPresent()) {
        head.author = head.author == null ? author.get() : head.author;
      } else if (given == null && head.title == null && head.rest.isEmpty() && headline(lines, i)) {
        head.title = plain;
        head.titleLine = found.at(i);
      } else {
        head.restLine = head.rest.isEmpty() ? i : head.restLine;
        head.rest.add(raw);
      }
    }
    return head;
  }

  // A heading, or a short line that stands alone: a blank line, nothing, or the dateline or byline
  // that papers print right under a headline comes after it.
  private static boolean headline(List<String> lines, int i) {
    boolean alone =
        i + 1 >= lines.size()
            || lines.get(i + 1).isBlank()
            || Dateline.of(lines.get(i + 1)).isPresent()
            || Byline.of(lines.get(i + 1)).isPresent();
    return Markup.isHeading(lines.get(i))
        || alone && Markup.plain(lines.get(i)).length() <= MAX_HEADLINE;
  }
}
