package org.columnist.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.columnist.archive.Archive;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.importer.Importer;
import org.columnist.importer.Note;

/**
 * What {@code columnist import} says of each outcome: a line (and in a dry run, what the column
 * would be), or its JSON object; and the summary.
 */
final class ImportLines {
  /** Enough of a section to recognise it by. */
  private static final int FIRST_WORDS = 12;

  private final Archive archive;
  private final boolean dryRun;

  ImportLines(Archive archive, boolean dryRun) {
    this.archive = archive;
    this.dryRun = dryRun;
  }

  // Java 17 has no pattern switch over the sealed Outcome.
  void print(Importer.Outcome outcome, PrintWriter out, PrintWriter err) {
    if (outcome instanceof Importer.Outcome.Imported imported) {
      out.printf(
          "%s %s <- %s%n",
          dryRun ? "would import" : "imported",
          inArchive(imported.archiveFile()),
          Paths.display(imported.input()));
      if (dryRun) {
        details(imported.column()).forEach(line -> out.println("    " + line));
      }
      warnings(imported.warnings()).forEach(err::println);
    } else if (outcome instanceof Importer.Outcome.Duplicate duplicate) {
      out.printf(
          "duplicate %s of %s%n",
          Paths.display(duplicate.input()), Paths.display(duplicate.existing()));
    } else {
      Note note = ((Importer.Outcome.Refused) outcome).note();
      err.println(note.format(Paths.display(note.file())));
    }
  }

  Map<String, Object> json(Importer.Outcome outcome) {
    Map<String, Object> item = new LinkedHashMap<>();
    if (outcome instanceof Importer.Outcome.Imported imported) {
      item.put("outcome", dryRun ? "would import" : "imported");
      item.put("input", Paths.display(imported.input()).toString());
      item.put("file", inArchive(imported.archiveFile()));
      Column c = imported.column();
      item.put("title", c.title());
      item.put("date", c.date().toString());
      item.put("slug", c.slug());
      item.put("author", imported.author());
      item.put("warnings", warnings(imported.warnings()));
    } else if (outcome instanceof Importer.Outcome.Duplicate duplicate) {
      item.put("outcome", "duplicate");
      item.put("input", Paths.display(duplicate.input()).toString());
      item.put("of", Paths.display(duplicate.existing()).toString());
    } else {
      Note note = ((Importer.Outcome.Refused) outcome).note();
      item.put("outcome", "refused");
      item.put("input", Paths.display(note.file()).toString());
      item.put("line", note.line());
      item.put("reason", note.message());
    }
    return item;
  }

  String summary(Importer.Summary s) {
    String ignored =
        switch (s.ignored()) {
          case 0 -> "";
          case 1 -> "; 1 file of another kind ignored";
          default -> "; " + s.ignored() + " files of other kinds ignored";
        };
    return String.format(
        "%s %d, skipped %d as duplicates, refused %d (of %d %s)%s.",
        dryRun ? "Would import" : "Imported",
        s.imported(),
        s.duplicates(),
        s.refused(),
        s.files(),
        s.files() == 1 ? "file" : "files",
        ignored);
  }

  Map<String, Object> json(Importer.Summary s) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("imported", s.imported());
    summary.put("duplicates", s.duplicates());
    summary.put("refused", s.refused());
    summary.put("files", s.files());
    summary.put("ignored", s.ignored());
    summary.put(
        "unreadable", s.unreadable().stream().map(p -> Paths.display(p).toString()).toList());
    return summary;
  }

  /** Each as {@code file:line: warning: message}. */
  private static List<String> warnings(List<Note> notes) {
    return notes.stream()
        .map(n -> new Note(n.file(), n.line(), "warning: " + n.message()))
        .map(n -> n.format(Paths.display(n.file())))
        .toList();
  }

  private String inArchive(Path file) {
    return archive.root().relativize(file).toString();
  }

  /** What a dry run shows of a column: enough to tell whether its layout was read right. */
  static List<String> details(Column column) {
    List<String> lines = new ArrayList<>();
    lines.add("title:   " + column.title());
    lines.add("date:    " + column.date());
    lines.add("slug:    " + column.slug());
    lines.add("profile: " + profile(column.client()));
    if (!column.aliases().isEmpty()) {
      lines.add("aliases: " + String.join(", ", column.aliases()));
    }
    for (Section section : Section.values()) {
      String text = column.section(section);
      if (!text.isEmpty()) {
        lines.add(section.heading() + ": " + firstWords(text));
      }
    }
    return lines;
  }

  private static String profile(ClientProfile p) {
    List<String> parts = new ArrayList<>();
    if (p.name() != null) {
      parts.add(p.name());
    }
    if (p.age() != null) {
      parts.add(p.age() + "");
    }
    if (p.title() != null) {
      parts.add(p.title());
    }
    if (p.yearsAtCompany() != null) {
      String inRole = p.yearsInRole() == null ? "" : " (" + p.yearsInRole() + " in the role)";
      parts.add(p.yearsAtCompany() + " years at the company" + inRole);
    }
    if (p.industry() != null) {
      parts.add(p.industry());
    }
    String issue = Objects.requireNonNullElse(p.issue(), "");
    String who = parts.isEmpty() ? "(no profile)" : String.join(", ", parts);
    return issue.isEmpty() ? who : who + "; issue: " + issue;
  }

  private static String firstWords(String markdown) {
    String[] words = markdown.strip().split("\\s+");
    if (words.length <= FIRST_WORDS) {
      return String.join(" ", words);
    }
    return String.join(" ", List.of(words).subList(0, FIRST_WORDS)) + " \u2026";
  }
}
