package org.columnist.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.columnist.InvalidFileException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.Slug;

/**
 * The columns an import must not repeat: those in the archive when it starts, read once, and those
 * it has imported since. A column is a duplicate of one with the same question (compared as words:
 * case, spacing, punctuation and typography aside) or the same title and date. Holds the slugs in
 * use too, so that each import gets one no file has.
 */
final class Holdings {
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<String, Path> byQuestion = new HashMap<>();
  private final Map<String, Path> byTitleAndDate = new HashMap<>();
  private final Set<String> slugs = new HashSet<>();
  private final List<Path> unreadable = new ArrayList<>();

  private Holdings() {}

  /** What {@code archive} holds now; a file check refuses is left out and listed. */
  static Holdings of(Archive archive) {
    Holdings holdings = new Holdings();
    for (Path file : archive.files()) {
      String name = file.getFileName().toString();
      // Archive.write refuses a slug another file has, readable or not.
      holdings.slugs.add(name.substring(0, name.length() - ".md".length()));
      try {
        holdings.add(archive.read(file), file);
      } catch (InvalidFileException e) {
        holdings.unreadable.add(file);
      }
    }
    return holdings;
  }

  /** Archive files that {@code columnist check} refuses, so duplicates of them go unnoticed. */
  List<Path> unreadable() {
    return List.copyOf(unreadable);
  }

  /** The file of a column {@code column} repeats, if any. */
  Optional<Path> duplicateOf(Column column) {
    String question = words(column.question());
    Path same = question.isEmpty() ? null : byQuestion.get(question);
    return Optional.ofNullable(same != null ? same : byTitleAndDate.get(titleAndDate(column)));
  }

  /** {@code column}'s own slug, or that slug with the first free "-2", "-3"... suffix. */
  String uniqueSlug(Column column) {
    String base = Slug.isValid(column.slug()) ? column.slug() : Slug.fromTitle(column.title());
    String slug = base;
    for (int n = 2; slugs.contains(slug); n++) {
      slug = Slug.withSuffix(base, n);
    }
    return slug;
  }

  /** Takes in {@code column}, imported (or, in a dry run, to be imported) to {@code file}. */
  void add(Column column, Path file) {
    String question = words(column.question());
    if (!question.isEmpty()) {
      byQuestion.putIfAbsent(question, file);
    }
    byTitleAndDate.putIfAbsent(titleAndDate(column), file);
    slugs.add(column.slug());
  }

  private static String titleAndDate(Column column) {
    return words(column.title()) + "|" + column.date();
  }

  /** The words of {@code text}, in one spelling: what two copies of a column share. */
  static String words(String text) {
    String plain = Typography.normalised(text).toLowerCase(Locale.ROOT);
    return NOT_A_WORD.matcher(plain).replaceAll(" ").strip();
  }
}
