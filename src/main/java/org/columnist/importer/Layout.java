package org.columnist.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.columnist.column.Alias;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.column.Slug;

/**
 * Reads the layout of an advice column in a found text, the same for plain text and for the
 * Markdown that HTML and mail become: the head ({@link Head}: headline, dateline, byline, {@link
 * ProfileBlock}), the sections after their {@link Marker}s, and the {@link Trailer} that is not
 * part of the column. Every value it gives passes {@link FieldText}, so the column it makes is one
 * the archive accepts.
 */
final class Layout {
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");

  private Layout() {}

  /**
   * The column in {@code found}, or why there is none. With {@code loose}, a text without a
   * question and answer is taken whole as the answer, with a warning.
   */
  static Reading read(Found found, boolean loose) {
    List<String> lines = lines(found.text());
    int first = 0;
    while (first < lines.size() && Marker.of(lines.get(first)).isEmpty()) {
      first++;
    }
    Trailer trailer = Trailer.of(lines, Math.min(first + 1, lines.size()));
    Head head = Head.of(lines, Math.min(first, trailer.end()), found);
    FieldText fields = new FieldText(found);
    Map<Section, String> body = new EnumMap<>(Section.class);
    Map<Section, Integer> starts = new EnumMap<>(Section.class);
    sections(lines, first, trailer.end(), body, starts);
    String rest = String.join("\n", head.rest);
    int restAt = head.restLine < 0 ? found.at(0) : found.at(head.restLine);
    if (!body.containsKey(Section.ANSWER)) {
      if (!loose) {
        return refused(found, body, starts, restAt);
      }
      String question = body.remove(Section.QUESTION);
      body.put(Section.ANSWER, question == null ? rest : rest + "\n\n" + question);
      starts.putIfAbsent(Section.ANSWER, restAt);
      fields.warn(restAt, "imported loosely: no question and answer, the whole text is the answer");
    } else if (!body.containsKey(Section.QUESTION) && !rest.isBlank()) {
      body.put(Section.QUESTION, rest);
      starts.put(Section.QUESTION, restAt);
      fields.warn(restAt, "no 'Q.' or 'Question': the text before the answer is the question");
    } else if (!rest.isBlank()) {
      fields.warn(restAt, "text before the question left out: '" + shortened(rest) + "'");
    } else if (!body.containsKey(Section.QUESTION) && !loose) {
      return new Reading.Unrecognised(
          new Note(
              found.file(),
              found.at(starts.get(Section.ANSWER)),
              "an answer but no question"
                  + " before it; add 'Q.' and the question, or import it with --loose"));
    }
    return column(found, head, trailer, fields, cleaned(body, starts, found, fields));
  }

  private static Reading column(
      Found found, Head head, Trailer trailer, FieldText fields, Map<Section, String> body) {
    Hints hints = found.hints();
    if (body.values().stream().allMatch(String::isBlank)) {
      return new Reading.Unrecognised(
          new Note(found.file(), found.at(0), "its question and answer are empty: no column here"));
    }
    String title = hints.title() != null ? hints.title() : head.title;
    int titleLine = hints.title() != null ? 0 : head.titleLine;
    if (title == null) {
      String words = body.getOrDefault(Section.QUESTION, body.get(Section.ANSWER));
      title = shortened(words.isBlank() ? body.get(Section.ANSWER) : words);
      fields.warn(0, "no headline: the title is the question's first words; correct it");
    }
    title = fields.title(title, titleLine);
    LocalDate date = firstOf(hints.date(), head.date, trailer.date(), hints.sent());
    if (date == null) {
      return new Reading.Unrecognised(
          new Note(
              found.file(),
              found.at(0),
              "no date found: add a dateline such as " + "'April 14, 2008' under the headline"));
    }
    String issue = head.profile.issue();
    if (issue == null) {
      issue = title;
      fields.warn(
          head.profile.isEmpty() ? 0 : head.profile.firstLine(),
          "no 'Issue:' in a client profile: the issue is the title; correct it in the editor");
    }
    ClientProfile client = head.profile.profile(issue, fields);
    String author =
        fields.line(firstOf(head.author, trailer.author(), hints.author()), "author", 0);
    Column column =
        Column.of(
            title,
            date,
            null,
            Slug.fromTitle(title),
            client,
            tags(hints, fields),
            aliases(hints, fields),
            body);
    return new Reading.Recognised(column, author, fields.warnings());
  }

  private static Reading refused(
      Found found, Map<Section, String> body, Map<Section, Integer> starts, int restAt) {
    String reason =
        body.containsKey(Section.QUESTION)
            ? "a question but no 'A.' or 'Answer' after it; mark the answer, or import it"
                + " with --loose to take the whole text as the answer"
            : "no 'Q.' or 'Question' found, nor 'A.' or 'Answer': this reads as an article, not"
                + " a column; import it with --loose to take the whole text as the answer";
    int at = body.containsKey(Section.QUESTION) ? found.at(starts.get(Section.QUESTION)) : restAt;
    return new Reading.Unrecognised(new Note(found.file(), at, reason));
  }

  // The text's lines, a setext heading (a lone line over "===" or "---") as an ATX one.
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    for (int i = 0; i + 1 < lines.size(); i++) {
      boolean alone = i == 0 || lines.get(i - 1).isBlank();
      if (alone
          && !lines.get(i).isBlank()
          && SETEXT_UNDERLINE.matcher(lines.get(i + 1)).matches()
          && !Markup.isHeading(lines.get(i))) {
        lines.set(i, "# " + lines.get(i).strip());
        lines.set(i + 1, "");
      }
    }
    return lines;
  }

  private static void sections(
      List<String> lines,
      int from,
      int end,
      Map<Section, String> body,
      Map<Section, Integer> starts) {
    Map<Section, StringBuilder> texts = new EnumMap<>(Section.class);
    Section current = null;
    for (int i = from; i < end; i++) {
      var marker = Marker.of(lines.get(i));
      if (marker.isPresent() && !texts.containsKey(marker.get().section())) {
        current = marker.get().section();
        texts.put(current, new StringBuilder(marker.get().rest()).append('\n'));
        starts.put(current, i);
      } else if (current != null) {
        texts.get(current).append(lines.get(i)).append('\n');
      }
    }
    texts.forEach((section, text) -> body.put(section, text.toString()));
  }

  private static Map<Section, String> cleaned(
      Map<Section, String> body, Map<Section, Integer> starts, Found found, FieldText fields) {
    Map<Section, String> out = new EnumMap<>(Section.class);
    String given = found.hints().title();
    body.forEach(
        (section, text) -> {
          String t = text.strip();
          int nl = t.indexOf('\n');
          String firstLine = nl < 0 ? t : t.substring(0, nl);
          if (given != null
              && section == Section.QUESTION
              && Markup.plain(firstLine).equalsIgnoreCase(given.strip())) {
            t = nl < 0 ? "" : t.substring(nl + 1); // a page that repeats its headline under "Q."
          }
          out.put(section, fields.section(t, found.at(starts.get(section))));
        });
    return out;
  }

  private static List<String> tags(Hints hints, FieldText fields) {
    return hints.tags().stream().map(t -> fields.line(t, "tag", 0)).filter(t -> t != null).toList();
  }

  private static List<String> aliases(Hints hints, FieldText fields) {
    List<String> kept = new ArrayList<>();
    for (String alias : hints.aliases()) {
      var problem = Alias.problem(alias);
      if (problem.isPresent()) {
        fields.warn(0, "old link left out: " + problem.get());
      } else if (!kept.contains(alias)) {
        kept.add(alias);
      }
    }
    return kept;
  }

  private static String shortened(String text) {
    String one = Markup.plain(text.strip().replaceAll("\\s+", " "));
    int space = one.lastIndexOf(' ', 60);
    return one.length() <= 60 ? one : one.substring(0, space > 20 ? space : 60) + "...";
  }

  @SafeVarargs
  private static <T> T firstOf(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
