package org.columnist.column;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.yaml.YamlMapping;

/**
 * Reads and writes a column as an archive file: YAML front matter between {@code ---} lines, then
 * one {@code ## heading} per section. {@code read(write(c))} equals {@code c} for every valid
 * column; reading reports every problem with its line and never lets bad input through.
 */
public final class ColumnCodec {
  /** No real column comes near this; a larger file is refused before it is parsed. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private static final int MAX_TITLE = 200;
  private static final int MAX_FIELD = 120;
  private static final int MAX_PROBLEMS = 20;
  private static final Pattern HEADING =
      Pattern.compile(" {0,3}##(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*");
  private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
  private static final Pattern HTML_TAG =
      Pattern.compile("<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
  private static final Pattern SCRIPT_LINK =
      Pattern.compile("(?i)(?:\\]\\(\\s*<?|\\]:\\s*<?|<)\\s*(javascript|vbscript|data):");
  private static final Pattern PLAIN = Pattern.compile("\\p{L}[\\p{L}\\p{N} .,'’()&/+!?-]*");
  private static final Pattern RESERVED = Pattern.compile("(?i)y|yes|n|no|true|false|on|off|null");

  private ColumnCodec() {}

  /** What a read asks of the client profile's {@code issue}. */
  public enum Issue {
    /** An archive file must say what the column is about. */
    REQUIRED,
    /** A draft may not say it yet: the coach fills it in before review. */
    MAY_BE_EMPTY
  }

  /** Reads the archive file {@code file} from its bytes; throws with every problem found. */
  public static Column read(Path file, byte[] bytes) {
    return read(file, bytes, Issue.REQUIRED);
  }

  /**
   * Reads {@code file} as {@link #read(Path, byte[])} does, asking {@code issue} of its profile.
   */
  public static Column read(Path file, byte[] bytes, Issue issue) {
    List<Problem> problems = new ArrayList<>();
    Column column = read(file, bytes, issue, problems);
    if (!problems.isEmpty()) {
      throw new InvalidFileException(capped(file, problems));
    }
    return column;
  }

  /** The file for {@code column}, UTF-8 with LF line ends. */
  public static String write(Column column) {
    StringBuilder out = new StringBuilder(4096);
    out.append("---\n");
    out.append("title: ").append(scalar(column.title(), false)).append('\n');
    out.append("date: ").append(column.date()).append('\n');
    if (column.corrected() != null) {
      out.append("corrected: ").append(column.corrected()).append('\n');
    }
    out.append("slug: ").append(scalar(column.slug(), false)).append('\n');
    ClientProfile client = column.client();
    out.append("client:\n");
    field(out, "name", client.name());
    field(out, "age", client.age());
    field(out, "title", client.title());
    field(out, "years_at_company", client.yearsAtCompany());
    field(out, "years_in_role", client.yearsInRole());
    field(out, "industry", client.industry());
    // A draft's empty issue is written as such, so that its client profile is never empty.
    field(out, "issue", client.issue() == null ? "" : client.issue());
    if (!column.tags().isEmpty()) {
      out.append("tags: [");
      for (int i = 0; i < column.tags().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(scalar(column.tags().get(i), true));
      }
      out.append("]\n");
    }
    if (!column.aliases().isEmpty()) {
      out.append("aliases: [");
      for (int i = 0; i < column.aliases().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(scalar(column.aliases().get(i), true));
      }
      out.append("]\n");
    }
    out.append("---\n");
    for (Section section : Section.values()) {
      String text = column.section(section);
      out.append(section.ordinal() == 0 ? "" : "\n")
          .append("## ")
          .append(section.heading())
          .append('\n');
      if (!text.isEmpty()) {
        out.append('\n').append(text).append('\n');
      }
    }
    return out.toString();
  }

  private static Column read(Path file, byte[] bytes, Issue issue, List<Problem> problems) {
    if (bytes.length > MAX_FILE_BYTES) {
      problems.add(
          new Problem(
              file,
              0,
              String.format(
                  "is %.1f MB; an archive file may be at most %d KB",
                  bytes.length / 1e6, MAX_FILE_BYTES / 1024)));
      return null;
    }
    Optional<String> decoded = utf8(file, bytes, problems);
    if (decoded.isEmpty()) {
      return null;
    }
    String text = decoded.get();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    Lines lines = new Lines(text);
    if (!lines.get(0).strip().equals("---")) {
      problems.add(
          new Problem(file, 1, "must start with a line '---' that opens the front matter"));
      return null;
    }
    int close = 1;
    while (close < lines.count() && !lines.isFence(close)) {
      close++;
    }
    if (close == lines.count()) {
      problems.add(
          new Problem(file, 1, "the front matter opened here is never closed by a line '---'"));
      return null;
    }
    Column header =
        YamlMapping.parse(file, lines.text(1, close), 1, null, problems)
            .map(fm -> frontMatter(file, fm, issue, problems))
            .orElse(null);
    Map<Section, String> body = body(file, lines, close + 1, problems);
    return header == null
        ? null
        : Column.of(
            header.title(),
            header.date(),
            header.corrected(),
            header.slug(),
            header.client(),
            header.tags(),
            header.aliases(),
            body);
  }

  /** The lines of a text by their offsets, so that only the lines looked at become strings. */
  private static final class Lines {
    private final String text;
    private final int[] starts;
    private final int count;

    Lines(String text) {
      this.text = text;
      int[] found = new int[64];
      int n = 1; // the first line starts at 0
      for (int lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = lf + 1;
      }
      this.starts = found;
      this.count = n;
    }

    int count() {
      return count;
    }

    private int end(int line) {
      return line + 1 < count ? starts[line + 1] - 1 : text.length();
    }

    String get(int line) {
      return text.substring(starts[line], end(line));
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive) joined by LF. */
    String text(int from, int to) {
      return from >= to ? "" : text.substring(starts[from], end(to - 1));
    }

    boolean isFence(int line) {
      return text.startsWith("---", starts[line])
          && text.substring(starts[line] + 3, end(line)).isBlank();
    }

    /** Cheap pre-test: up to three spaces, then "##". */
    boolean mayBeHeading(int line) {
      int at = starts[line];
      int limit = Math.min(end(line), at + 3);
      while (at < limit && text.charAt(at) == ' ') {
        at++;
      }
      return text.startsWith("##", at);
    }

    boolean isBlank(int line) {
      for (int i = starts[line], e = end(line); i < e; i++) {
        if (!Character.isWhitespace(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private static Optional<String> utf8(Path file, byte[] bytes, List<Problem> problems) {
    // The lenient decoder is several times cheaper; it marks bad input with U+FFFD, which a valid
    // file may also hold: only then does the strict one find out, and where.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return Optional.of(lenient);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return Optional.of(decoder.decode(in).toString());
    } catch (CharacterCodingException e) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at && i < bytes.length; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      String what =
          e instanceof MalformedInputException && at < bytes.length
              ? String.format(" (byte 0x%02X)", bytes[at] & 0xff)
              : "";
      problems.add(
          new Problem(file, line, "is not valid UTF-8" + what + "; save the file as UTF-8"));
      return Optional.empty();
    }
  }

  // Returns a column holding only the front matter's values (sections empty), or null.
  private static Column frontMatter(
      Path file, YamlMapping fm, Issue issue, List<Problem> problems) {
    int before = problems.size();
    String title = fm.requiredText("title").orElse("");
    checkLine(fm, "title", title, MAX_TITLE);
    LocalDate date = fm.requiredText("date").flatMap(d -> date(fm, "date", d)).orElse(null);
    LocalDate corrected = fm.text("corrected").flatMap(d -> date(fm, "corrected", d)).orElse(null);
    String slug = fm.requiredText("slug").orElse("");
    if (!slug.isEmpty() && !Slug.isValid(slug)) {
      fm.problem(
          "slug",
          "must be lowercase a-z, 0-9 and single hyphens, at most "
              + Slug.MAX_LENGTH
              + " characters, not '"
              + printable(slug)
              + "'");
    }
    ClientProfile client = fm.mapping("client").map(c -> client(c, issue)).orElse(null);
    if (client == null && problems.size() == before) {
      problems.add(
          new Problem(
              file,
              fm.lineOf("client"),
              "'client' is missing: the client profile needs at least an 'issue'"));
    }
    List<String> tags = fm.textList("tags");
    for (String tag : tags) {
      checkLine(fm, "tags", tag, MAX_FIELD);
      if (tag.isBlank()) {
        fm.problem("tags", "has an empty tag");
      }
    }
    List<String> aliases = fm.textList("aliases");
    for (String alias : aliases) {
      Alias.problem(alias).ifPresent(p -> fm.problem("aliases", p));
    }
    fm.rejectUnknownKeys();
    if (problems.size() > before || date == null || client == null) {
      return null;
    }
    return new Column(
        title, date, corrected, slug, client, tags, aliases, null, null, null, null, null);
  }

  private static ClientProfile client(YamlMapping map, Issue issue) {
    ClientProfile client =
        new ClientProfile(
            line(map, "name"),
            map.integer("age", 10, 120).orElse(null),
            line(map, "title"),
            map.integer("years_at_company", 0, 80).orElse(null),
            map.integer("years_in_role", 0, 80).orElse(null),
            line(map, "industry"),
            switch (issue) {
              case REQUIRED -> map.requiredText("issue").orElse(null);
              case MAY_BE_EMPTY -> map.text("issue").orElse(null);
            });
    if (client.issue() != null) {
      checkLine(map, "issue", client.issue(), MAX_FIELD);
    }
    map.rejectUnknownKeys();
    return client;
  }

  private static String line(YamlMapping map, String key) {
    String value = map.text(key).orElse(null);
    if (value != null) {
      checkLine(map, key, value, MAX_FIELD);
    }
    return value;
  }

  private static Optional<LocalDate> date(YamlMapping fm, String key, String text) {
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      fm.problem(key, "must be a date like 2008-04-14, not '" + printable(text) + "'");
      return Optional.empty();
    }
  }

  private static void checkLine(YamlMapping map, String key, String value, int max) {
    if (value.length() > max) {
      map.problem(
          key, "is " + value.length() + " characters long; at most " + max + " are allowed");
    } else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      map.problem(key, "must be one line of text without control characters");
    } else if (HTML_TAG.matcher(value).find()) {
      map.problem(
          key, "contains HTML (" + printable(first(HTML_TAG, value)) + "); write plain text");
    }
  }

  private static Map<Section, String> body(
      Path file, Lines lines, int start, List<Problem> problems) {
    Map<Section, String> sections = new EnumMap<>(Section.class);
    Section current = null; // null before the first heading and under an unknown one
    int from = start;
    boolean opened = false;
    for (int i = start; i < lines.count(); i++) {
      Matcher heading = lines.mayBeHeading(i) ? HEADING.matcher(lines.get(i)) : null;
      if (heading == null || !heading.matches()) {
        if (!opened && !lines.isBlank(i)) {
          problems.add(
              new Problem(
                  file, i + 1, "text before the first section; start the body with '## Question'"));
          opened = true;
        }
        continue;
      }
      opened = true;
      collect(file, lines, current, from, i, sections, problems);
      String name = heading.group(1) == null ? "" : heading.group(1);
      current = Section.ofHeading(name).orElse(null);
      if (current == null) {
        problems.add(
            new Problem(
                file,
                i + 1,
                "unknown section '## "
                    + printable(name)
                    + "'; the sections are "
                    + headings()
                    + " (use ### for a heading inside a section)"));
      } else if (sections.containsKey(current)) {
        problems.add(
            new Problem(file, i + 1, "section '## " + current.heading() + "' appears twice"));
      }
      from = i + 1;
    }
    collect(file, lines, current, from, lines.count(), sections, problems);
    return sections;
  }

  private static void collect(
      Path file,
      Lines lines,
      Section section,
      int from,
      int to,
      Map<Section, String> sections,
      List<Problem> problems) {
    if (section != null) {
      String text = lines.text(from, to);
      checkSection(file, from + 1, text, problems);
      sections.putIfAbsent(section, text);
    }
  }

  private static void checkSection(Path file, int firstLine, String text, List<Problem> problems) {
    // Most sections hold none of what is checked here: scan once, and look line by line only
    // when something suspicious is in the text.
    boolean control = false;
    boolean suspicious = false;
    // Over Latin-1 bytes (any other character is '?', none of those looked for): String.charAt of
    // a text with a non-Latin-1 character costs a call a char, and toCharArray inflates the others.
    for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
      int c = b & 0xff;
      if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
        control = true;
      } else if (c == '<' || c == ':') {
        suspicious = true;
      }
    }
    if (!control && !suspicious) {
      return;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (control && line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
        problems.add(new Problem(file, firstLine + i, "contains a control character; remove it"));
      }
      String outsideCode = line.indexOf('`') < 0 ? line : CODE_SPAN.matcher(line).replaceAll("");
      if (outsideCode.indexOf('<') >= 0 && HTML_TAG.matcher(outsideCode).find()) {
        problems.add(
            new Problem(
                file,
                firstLine + i,
                "raw HTML ("
                    + printable(first(HTML_TAG, outsideCode))
                    + ") is not allowed in a column; the site would show it as text"));
      }
      if (outsideCode.indexOf(':') >= 0 && SCRIPT_LINK.matcher(outsideCode).find()) {
        problems.add(
            new Problem(
                file, firstLine + i, "links to javascript:, vbscript: or data: are not allowed"));
      }
    }
  }

  private static String headings() {
    List<String> names = new ArrayList<>();
    for (Section s : Section.values()) {
      names.add("'## " + s.heading() + "'");
    }
    return String.join(", ", names);
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group() : "";
  }

  // Problem messages quote user text: keep them on one line and short.
  static String printable(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
  }

  private static List<Problem> capped(Path file, List<Problem> problems) {
    if (problems.size() <= MAX_PROBLEMS) {
      return problems;
    }
    List<Problem> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
    first.add(new Problem(file, 0, (problems.size() - MAX_PROBLEMS) + " more problems not shown"));
    return first;
  }

  private static void field(StringBuilder out, String key, Object value) {
    if (value != null) {
      out.append("  ").append(key).append(": ");
      out.append(value instanceof String s ? scalar(s, false) : value.toString()).append('\n');
    }
  }

  /** A YAML scalar: plain when that is unambiguous, otherwise double-quoted and escaped. */
  static String scalar(String value, boolean inFlow) {
    if (PLAIN.matcher(value).matches()
        && !RESERVED.matcher(value).matches()
        && !(inFlow && value.indexOf(',') >= 0)
        && !value.endsWith(" ")) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
