package org.columnist.importer;

import java.util.regex.Pattern;

/**
 * One form for the typography that old pages and word processors vary: curly quotes become straight
 * ones, a double hyphen between words an em dash, non-breaking and other odd spaces plain spaces,
 * invisible characters gone. Search, the duplicate check and the layout rules then see one spelling
 * of the same words.
 */
final class Typography {
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern ODD_SPACE =
      Pattern.compile("[\\u00A0\\u2000-\\u200A\\u202F\\u205F]");
  private static final Pattern DOUBLE_HYPHEN = Pattern.compile("(?<=\\S) ?--(?!-) ?(?=\\S)");

  private Typography() {}

  static String normalised(String text) {
    String plain =
        text.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201A', '\'')
            .replace('\u2032', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u201E', '"')
            .replace('\u2033', '"')
            .replace("\u2026", "...");
    plain = INVISIBLE.matcher(plain).replaceAll("");
    plain = ODD_SPACE.matcher(plain).replaceAll(" ");
    return DOUBLE_HYPHEN.matcher(plain).replaceAll("\u2014");
  }
}
