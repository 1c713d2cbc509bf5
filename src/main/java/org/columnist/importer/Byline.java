package org.columnist.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The author's name from a byline ("By Pat Example", "Written by Pat Example", "— Pat Example,
 * coach") or from a closing bio ("Pat Example is a credentialed coach..."), the lines that say who
 * wrote the column and are not part of it.
 */
final class Byline {
  private static final String NAME = "(\\p{Lu}[\\p{L}.'-]*(?:[ \\t]+\\p{Lu}[\\p{L}.'-]*){0,3})";
  private static final Pattern BY =
      Pattern.compile("^(?i:by|written by)[ \\t]+" + NAME + "(?:[ \\t]*,.{0,60})?$");
  private static final Pattern SIGNED =
      Pattern.compile("^(?:\u2014|\u2013|--?)[ \\t]*" + NAME + "(?:[ \\t]*,.{0,60})?$");
  // A bio names the author and says what coach they are; "coach" keeps an answer's sentence
  // ("Your manager is a ...") from being taken for one.
  private static final Pattern BIO =
      Pattern.compile("^" + NAME + "[ \\t]+is[ \\t]+an?[ \\t].{0,200}\\bcoach.{0,300}$");

  private Byline() {}

  /** The name in {@code line} when it is a byline. */
  static Optional<String> of(String line) {
    return name(BY, line).or(() -> name(SIGNED, line));
  }

  /** The name in {@code line} when it is an author's bio. */
  static Optional<String> ofBio(String line) {
    return name(BIO, line);
  }

  private static Optional<String> name(Pattern pattern, String line) {
    Matcher m = pattern.matcher(Markup.plain(line));
    return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }
}
