package org.columnist.column;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs name a column in its URL and file name: lowercase a-z, 0-9 and single hyphens, at most
 * {@value #MAX_LENGTH} characters. Only values that pass {@link #isValid} ever reach a path.
 */
public final class Slug {
  public static final int MAX_LENGTH = 80;
  private static final int FROM_TITLE_LENGTH = 60;
  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  private Slug() {}

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
  }

  /**
   * A slug made from a title: accents dropped (é to e), a few letters spelled out (ß to ss), every
   * other run of characters a hyphen, cut at a word boundary. "column" when nothing is left.
   */
  public static String fromTitle(String title) {
    String text = Normalizer.normalize(spellOut(title), Normalizer.Form.NFKD);
    text = COMBINING_MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    String slug = NOT_SLUG.matcher(text).replaceAll("-").replaceAll("^-+|-+$", "");
    if (slug.length() > FROM_TITLE_LENGTH) {
      int cut = slug.lastIndexOf('-', FROM_TITLE_LENGTH);
      slug = slug.substring(0, cut > 0 ? cut : FROM_TITLE_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "column" : slug;
  }

  /** The slug with "-2", "-3"… appended, for when the plain one is taken. */
  public static String withSuffix(String slug, int n) {
    String suffix = "-" + n;
    String base =
        slug.length() + suffix.length() > MAX_LENGTH
            ? slug.substring(0, MAX_LENGTH - suffix.length())
            : slug;
    return base.replaceAll("-+$", "") + suffix;
  }

  // Letters that Unicode decomposition leaves alone but readers expect spelled out.
  private static String spellOut(String title) {
    StringBuilder out = new StringBuilder(title.length());
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      out.append(
          switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "AE";
            case 'œ' -> "oe";
            case 'Œ' -> "OE";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'đ' -> "d";
            case 'Đ' -> "D";
            case 'þ' -> "th";
            case 'Þ' -> "Th";
            case '&' -> " and ";
            case '\'', '’' -> "";
            default -> String.valueOf(c);
          });
    }
    return out.toString();
  }
}
