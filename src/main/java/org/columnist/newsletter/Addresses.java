package org.columnist.newsletter;

import java.util.Optional;
import java.util.regex.Pattern;
import org.columnist.ColumnistException;

/** Whether a string is an address worth storing: one {@code @}, a dotted domain, no spaces. */
final class Addresses {
  // Deliberately loose (RFC 5321 allows much more): it catches a name or a date in the wrong
  // column of a CSV, and the confirmation mail is the real test of an address.
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s\"<>(),;]+@[^@\\s\"<>(),;]+\\.[^@\\s\"<>(),;.]+");

  private Addresses() {}

  /** {@code text} trimmed, when it looks like an address. */
  static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    return trimmed.length() <= 254 && ADDRESS.matcher(trimmed).matches()
        ? Optional.of(trimmed)
        : Optional.empty();
  }

  /** {@code text} trimmed, or a failure that says it is not an address. */
  static String check(String text) {
    return parse(text)
        .orElseThrow(() -> new ColumnistException("'" + text + "' is not an e-mail address"));
  }
}
