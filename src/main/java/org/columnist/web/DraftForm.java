package org.columnist.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.column.Alias;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;

/**
 * The draft editor's form: its fields for a column, and the column its fields describe; and,
 * through the column, the draft's stored text. Every field is checked here, so that a bad value is
 * a problem shown beside the form, never a 500.
 */
final class DraftForm {
  /** The longest text a one-line field takes. */
  static final int LINE = 200;

  /**
   * The longest section. Generous for a column (whose sections run to a few thousand characters),
   * and short enough that the privacy check's patterns stay quick on the worst text.
   */
  static final int SECTION = 20_000;

  private static final List<String> SECTIONS =
      List.of("question", "answer", "inner_game", "outer_game", "last_word");
  private static final Map<String, Integer> LIMITS = limits();
  private static final Path WHERE = Path.of("the form");

  private DraftForm() {}

  private static Map<String, Integer> limits() {
    Map<String, Integer> limits = new HashMap<>();
    for (String key :
        List.of(
            "title",
            "slug",
            "date",
            "corrected",
            "name",
            "age",
            "job",
            "years_at_company",
            "years_in_role",
            "industry",
            "issue")) {
      limits.put(key, LINE);
    }
    limits.put("tags", 1_000);
    limits.put("aliases", 10_000);
    SECTIONS.forEach(s -> limits.put(s, SECTION));
    return Map.copyOf(limits);
  }

  /** The form's fields as {@code sent}: those it does not have dropped, those missing blank. */
  static Map<String, String> fieldsOf(Map<String, String> sent) {
    Map<String, String> fields = new HashMap<>();
    LIMITS.keySet().forEach(k -> fields.put(k, sent.getOrDefault(k, "")));
    return fields;
  }

  /** Whether every field of {@code f} is within its length limit. */
  static boolean withinLimits(Map<String, String> f) {
    return LIMITS.entrySet().stream().allMatch(e -> nz(f.get(e.getKey())).length() <= e.getValue());
  }

  /** The form's fields for {@code c}. */
  static Map<String, String> fields(Column c) {
    Map<String, String> f = new HashMap<>();
    f.put("title", c.title());
    f.put("slug", c.slug());
    f.put("date", c.date().toString());
    f.put("corrected", c.corrected() == null ? "" : c.corrected().toString());
    ClientProfile p = c.client();
    f.put("name", nz(p.name()));
    f.put("age", p.age() == null ? "" : p.age().toString());
    f.put("job", nz(p.title()));
    f.put("years_at_company", p.yearsAtCompany() == null ? "" : p.yearsAtCompany().toString());
    f.put("years_in_role", p.yearsInRole() == null ? "" : p.yearsInRole().toString());
    f.put("industry", nz(p.industry()));
    f.put("issue", nz(p.issue()));
    f.put("tags", String.join(", ", c.tags()));
    f.put("aliases", String.join("\n", c.aliases()));
    f.put("question", c.question());
    f.put("answer", c.answer());
    f.put("inner_game", c.innerGame());
    f.put("outer_game", c.outerGame());
    f.put("last_word", c.lastWord());
    return f;
  }

  /**
   * The column the form describes. Over-long fields, bad dates and bad numbers are reported
   * together, like an archive file's problems.
   */
  static Column column(Map<String, String> f) {
    List<Problem> problems = new ArrayList<>();
    LIMITS.forEach(
        (key, max) -> {
          if (nz(f.get(key)).length() > max) {
            problems.add(problem(label(key) + " is longer than " + max + " characters"));
          }
        });
    LocalDate date = date(f, "date", problems);
    if (date == null && nz(f.get("date")).isBlank()) {
      problems.add(problem("the date must look like 2026-11-23"));
    }
    LocalDate corrected = date(f, "corrected", problems);
    Integer age = number(f, "age", problems);
    Integer yearsAtCompany = number(f, "years_at_company", problems);
    Integer yearsInRole = number(f, "years_in_role", problems);
    List<String> aliases = aliases(f, problems);
    if (!problems.isEmpty()) {
      throw new InvalidFileException(problems);
    }
    List<String> tags =
        Arrays.stream(nz(f.get("tags")).split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .toList();
    ClientProfile client =
        new ClientProfile(
            f.get("name"),
            age,
            f.get("job"),
            yearsAtCompany,
            yearsInRole,
            f.get("industry"),
            f.get("issue"));
    return new Column(
        nz(f.get("title")),
        date,
        corrected,
        nz(f.get("slug")).strip(),
        client,
        tags,
        aliases,
        f.get("question"),
        f.get("answer"),
        f.get("inner_game"),
        f.get("outer_game"),
        f.get("last_word"));
  }

  /** The form's fields for the draft stored as {@code text}; {@code file} names it in a problem. */
  static Map<String, String> fieldsOfText(String text, String file) {
    return fields(read(text, file));
  }

  /** The draft text the form describes, in the archive's format. */
  static String text(Map<String, String> f) {
    return ColumnCodec.write(column(f));
  }

  /**
   * The column {@code sent} describes when it is a draft form, else the one stored as {@code text}:
   * a preview may come with or without the form's fields.
   */
  static Column columnOr(Map<String, String> sent, String text) {
    return sent.containsKey("title") ? column(sent) : read(text, "draft.md");
  }

  // A draft's issue may be empty until it goes to review.
  private static Column read(String text, String file) {
    return ColumnCodec.read(
        Path.of(file), text.getBytes(StandardCharsets.UTF_8), ColumnCodec.Issue.MAY_BE_EMPTY);
  }

  /** The date in field {@code key}, null when blank; a problem when it is not a date. */
  private static LocalDate date(Map<String, String> f, String key, List<Problem> problems) {
    String v = nz(f.get(key)).strip();
    if (v.isEmpty() || v.length() > LINE) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      problems.add(problem(label(key) + " must be a date like 2026-11-23"));
      return null;
    }
  }

  /**
   * The old addresses, one a line: an imported column's aliases, shown so that a correction keeps
   * them and the coach can see (and mend) where old links lead.
   */
  private static List<String> aliases(Map<String, String> f, List<Problem> problems) {
    List<String> aliases =
        nz(f.get("aliases")).lines().map(String::strip).filter(a -> !a.isEmpty()).toList();
    aliases.forEach(
        a -> Alias.problem(a).ifPresent(p -> problems.add(problem("the old addresses: " + p))));
    return aliases;
  }

  private static Integer number(Map<String, String> f, String key, List<Problem> problems) {
    String v = nz(f.get(key)).strip();
    if (v.isEmpty()) {
      return null;
    }
    if (!v.matches("\\d{1,3}")) {
      problems.add(problem(label(key) + " must be a whole number"));
      return null;
    }
    return Integer.parseInt(v);
  }

  private static String label(String key) {
    return key.equals("corrected")
        ? "the date of correction (corrected)"
        : "the " + key.replace('_', ' ');
  }

  private static Problem problem(String message) {
    return new Problem(WHERE, 0, message);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
