package org.columnist;

/**
 * A number with its noun, singular or plural as English wants it ({@code 1 message}, {@code 2
 * messages}): the one rule for counts that a person reads in a page, a log line or the CLI.
 */
public final class Counted {
  private Counted() {}

  /** {@code n} and {@code noun}, with an "s" unless {@code n} is one. */
  public static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} when it is one, else {@code plural}. */
  public static String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
