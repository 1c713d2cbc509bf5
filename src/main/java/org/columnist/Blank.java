package org.columnist;

/**
 * The one rule for an optional text, from a file, a form or a query: blank means absent (null),
 * anything else counts without its surrounding white space.
 */
public final class Blank {
  private Blank() {}

  /** {@code text} stripped, or null when it is null or blank. */
  public static String toNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
