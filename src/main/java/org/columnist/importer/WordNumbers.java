package org.columnist.importer;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number a profile line starts with, in digits or in words as columns write them ("Five years",
 * "forty-seven", "twenty one"): the codec stores ages and years as numbers.
 */
final class WordNumbers {
  private static final List<String> UNITS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");
  private static final List<String> TENS =
      List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(?!\\d)");
  private static final Pattern WORDS = Pattern.compile("([a-z]+)(?:[- ]([a-z]+))?");

  private WordNumbers() {}

  /** The number at the start of {@code text} ("12 years", "Twenty-one", "a year"), if any. */
  static OptionalInt leading(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher digits = DIGITS.matcher(t);
    if (digits.lookingAt()) {
      return OptionalInt.of(Integer.parseInt(digits.group()));
    }
    Matcher words = WORDS.matcher(t);
    if (!words.lookingAt()) {
      return OptionalInt.empty();
    }
    String first = words.group(1);
    if (first.equals("a") || first.equals("an")) {
      return OptionalInt.of(1); // "a year", "an year and a half"
    }
    int tens = TENS.indexOf(first);
    if (tens >= 2) {
      int unit = words.group(2) == null ? -1 : UNITS.indexOf(words.group(2));
      return OptionalInt.of(tens * 10 + (unit >= 1 && unit <= 9 ? unit : 0));
    }
    int unit = UNITS.indexOf(first);
    return unit >= 0 ? OptionalInt.of(unit) : OptionalInt.empty();
  }
}
