package org.columnist.column;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reader's question and the coach's answer, in the fixed parts of DESIGN.md. Values are kept in
 * a canonical form (line ends as LF, no leading blank lines or trailing space in a section, blank
 * optional texts as null) so that an archive file read back equals what was written.
 */
public record Column(
    String title,
    LocalDate date,
    LocalDate corrected,
    String slug,
    ClientProfile client,
    List<String> tags,
    List<String> aliases,
    String question,
    String answer,
    String innerGame,
    String outerGame,
    String lastWord) {

  public Column {
    title = title == null ? "" : title.strip();
    Objects.requireNonNull(date, "date");
    slug = slug == null ? "" : slug;
    Objects.requireNonNull(client, "client");
    tags = tags == null ? List.of() : tags.stream().map(String::strip).toList();
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    question = markdown(question);
    answer = markdown(answer);
    innerGame = markdown(innerGame);
    outerGame = markdown(outerGame);
    lastWord = markdown(lastWord);
  }

  /** Builds a column from its sections; a section missing from the map is empty. */
  public static Column of(
      String title,
      LocalDate date,
      LocalDate corrected,
      String slug,
      ClientProfile client,
      List<String> tags,
      List<String> aliases,
      Map<Section, String> body) {
    return new Column(
        title,
        date,
        corrected,
        slug,
        client,
        tags,
        aliases,
        body.get(Section.QUESTION),
        body.get(Section.ANSWER),
        body.get(Section.INNER_GAME),
        body.get(Section.OUTER_GAME),
        body.get(Section.LAST_WORD));
  }

  /** The Markdown text of one section ("" when empty). */
  public String section(Section section) {
    return switch (section) {
      case QUESTION -> question;
      case ANSWER -> answer;
      case INNER_GAME -> innerGame;
      case OUTER_GAME -> outerGame;
      case LAST_WORD -> lastWord;
    };
  }

  /** The same column under another slug. */
  public Column withSlug(String newSlug) {
    return new Column(
        title, date, corrected, newSlug, client, tags, aliases, question, answer, innerGame,
        outerGame, lastWord);
  }

  /** The same column dated {@code newDate} (its publication date). */
  public Column withDate(LocalDate newDate) {
    return new Column(
        title, newDate, corrected, slug, client, tags, aliases, question, answer, innerGame,
        outerGame, lastWord);
  }

  /** The same column, marked as corrected on {@code day} after its publication. */
  public Column withCorrected(LocalDate day) {
    return new Column(
        title, date, day, slug, client, tags, aliases, question, answer, innerGame, outerGame,
        lastWord);
  }

  /** The same column, reachable also at {@code paths} (old URLs, kept by an import). */
  public Column withAliases(List<String> paths) {
    return new Column(
        title, date, corrected, slug, client, tags, paths, question, answer, innerGame, outerGame,
        lastWord);
  }

  /**
   * Where the column lives on the site, relative to its root: {@code 2008/04/<slug>/}. Taken from
   * the publication date and the slug, which a correction keeps, so a republished column keeps its
   * URL. The page, the search hit, the publisher's record and the archive file all use this.
   */
  public String path() {
    return month() + slug + "/";
  }

  /** The column's archive file, relative to the archive: {@code 2008/04/<slug>.md}. */
  public String archiveFile() {
    return month() + slug + ".md";
  }

  private String month() {
    // String.format("%04d/%02d/") was 2% of a site build, which asks for paths many times a column.
    int y = date.getYear();
    int m = date.getMonthValue();
    if (y < 0 || y > 9999) {
      return String.format("%04d/%02d/", y, m);
    }
    return new String(
        new char[] {
          digit(y / 1000),
          digit(y / 100),
          digit(y / 10),
          digit(y),
          '/',
          digit(m / 10),
          digit(m),
          '/'
        });
  }

  private static char digit(int n) {
    return (char) ('0' + n % 10);
  }

  /** Canonical section text: LF line ends, no blank lines before, no white space after. */
  static String markdown(String text) {
    if (text == null) {
      return "";
    }
    String lf = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    int start = 0;
    for (int i = 0; i < lf.length(); i++) {
      char c = lf.charAt(i);
      if (c == '\n') {
        start = i + 1;
      } else if (c != ' ' && c != '\t') {
        break;
      }
    }
    return lf.substring(Math.min(start, lf.length())).stripTrailing();
  }
}
