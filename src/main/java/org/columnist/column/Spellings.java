package org.columnist.column;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a known detail of the reader is looked for: as whole words in any case, the words joined by
 * spaces, hyphens or nothing ("Northfield Grain", "northfield-grain", "NorthfieldGrain").
 */
final class Spellings {
  private static final String EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String EDGE_AFTER = "(?![\\p{L}\\p{N}])";
  private static final String JOIN = "[\\s-]*";

  private Spellings() {}

  /** The words of {@code phrase}, whole, in any case, with any spaces or hyphens between. */
  static Pattern words(String phrase) {
    String joined =
        Arrays.stream(phrase.strip().split("[\\s-]+"))
            .map(Pattern::quote)
            .collect(Collectors.joining(JOIN));
    return Pattern.compile("(?iu)" + EDGE_BEFORE + joined + EDGE_AFTER);
  }

  /**
   * A run of letters written as one word ("northfieldgrain", from a domain), found also where it
   * was split into words ("Northfield Grain"): one space or hyphen may stand between any two.
   */
  static Pattern run(String word) {
    String spread =
        word.codePoints()
            .mapToObj(c -> Pattern.quote(Character.toString(c)))
            .collect(Collectors.joining("[\\s-]?"));
    return Pattern.compile("(?iu)" + EDGE_BEFORE + spread + EDGE_AFTER);
  }
}
