package org.columnist.importer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.columnist.Problem;
import org.columnist.yaml.YamlMapping;

/**
 * The YAML front matter a Jekyll or Hugo post starts with ({@code title}, {@code date}, {@code
 * tags}, {@code aliases}, {@code redirect_from}, {@code permalink}), as {@link Hints}; the other
 * keys a site generator keeps there (layout, draft...) are not the column's and are passed over.
 *
 * @param lines how many lines of the file the front matter takes, its {@code ---} lines included
 */
record FrontMatter(Hints hints, int lines) {

  /** The front matter at the start of {@code text}, or empty when the text has none. */
  static Optional<FrontMatter> of(Path file, String text) {
    if (!text.startsWith("---\n")) {
      return Optional.empty();
    }
    String[] lines = text.split("\n", -1);
    int close = 1;
    while (close < lines.length && !lines[close].equals("---") && !lines[close].equals("...")) {
      close++;
    }
    if (close == lines.length) {
      return Optional.empty(); // a rule at the top of a text, not front matter
    }
    String yaml = String.join("\n", List.of(lines).subList(1, close));
    List<Problem> problems = new ArrayList<>();
    YamlMapping map =
        YamlMapping.parse(file, yaml, 1, null, problems)
            .orElseThrow(() -> new Refusal(problems.get(0).line(), problems.get(0).message()));
    List<String> aliases = new ArrayList<>(list(map, "aliases"));
    aliases.addAll(list(map, "redirect_from"));
    map.text("permalink").ifPresent(aliases::add);
    List<String> tags = new ArrayList<>(list(map, "tags"));
    tags.addAll(list(map, "categories"));
    Hints hints =
        new Hints(
            map.text("title").orElse(null),
            map.text("date").map(FrontMatter::date).orElse(null),
            null,
            map.text("author").orElse(null),
            tags,
            aliases);
    return Optional.of(new FrontMatter(hints, close + 1));
  }

  // "tags: [a, b]", or Jekyll's "tags: a b"
  private static List<String> list(YamlMapping map, String key) {
    List<String> values = map.textList(key);
    return values.isEmpty()
        ? map.text(key).map(v -> List.of(v.strip().split("\\s+"))).orElse(List.of())
        : values;
  }

  // "2008-04-14", "2008-04-14 10:00:00 -0500", "2008-04-14T10:00:00Z"
  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
