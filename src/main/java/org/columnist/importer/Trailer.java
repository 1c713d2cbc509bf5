package org.columnist.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What follows the column at the end of a text and is not part of it, read from the last line up: a
 * signature ("— Pat Example, coach"), the author's bio ("Pat Example is a credentialed coach..."),
 * an invitation to write in ("Send your questions to..."), a "Posted April 14, 2008" line and rules
 * between them. It stops at the first other line, so that a last word that only looks like
 * furniture is kept: only these four kinds are dropped, each a line of its own.
 *
 * @param end the index of the first line dropped (the lines' count when none is)
 * @param author the signature's or the bio's name, or null
 * @param date a trailing dateline's date, or null
 */
record Trailer(int end, String author, LocalDate date) {
  // A newspaper's or a blog's standing invitation; it is the same under every column.
  private static final Pattern INVITATION =
      Pattern.compile(
          "(?i)^(?:send|e-?mail|mail|submit|write|got|have)\\b.{0,40}\\bquestions?\\b.*"
              + "|^questions\\?.*|^do you have a question.*");
  private static final Pattern RULE = Pattern.compile("^(?:[-*_][ \\t]*){3,}$");

  /** The trailer of {@code lines}, looking no higher than index {@code from}. */
  static Trailer of(List<String> lines, int from) {
    int end = lines.size();
    String author = null;
    LocalDate date = null;
    for (int i = lines.size() - 1; i >= from; i--) {
      String line = Markup.plain(lines.get(i));
      if (line.isEmpty() || RULE.matcher(line).matches() || INVITATION.matcher(line).matches()) {
        end = line.isEmpty() ? end : i;
        continue;
      }
      var name = Byline.of(line).or(() -> Byline.ofBio(line));
      var dated = Dateline.of(line);
      if (name.isPresent()) {
        author = author == null ? name.get() : author;
      } else if (dated.isPresent()) {
        date = date == null ? dated.get() : date;
      } else {
        break;
      }
      end = i;
    }
    return new Trailer(end, author, date);
  }
}
