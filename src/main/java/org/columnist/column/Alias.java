package org.columnist.column;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An old address of a column, kept in its front matter ({@code aliases:}) so that links from before
 * an import still arrive: a path on the site such as {@code /columns/2008/04/caught.html} or {@code
 * /2008/04/caught/}. The site build writes a redirect page there.
 */
public final class Alias {
  public static final int MAX_LENGTH = 300;

  // RFC 3986 path characters, without '%' sequences that could hide '/', '.' or '\'.
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@/-]*");

  private Alias() {}

  /** Why {@code path} cannot be an alias, or empty when it can. */
  public static Optional<String> problem(String path) {
    if (path.length() > MAX_LENGTH) {
      return Optional.of("has an alias longer than " + MAX_LENGTH + " characters");
    }
    if (!PATH.matcher(path).matches()) {
      return Optional.of(
          "alias '"
              + ColumnCodec.printable(path)
              + "' must be a path on the site starting with '/', without a query or '%' escapes");
    }
    if (path.equals("/") || path.contains("//") || segment(path, ".") || segment(path, "..")) {
      return Optional.of(
          "alias '" + path + "' must name a page, without empty, '.' or '..' segments");
    }
    if (path.contains("*") || path.contains("/:")) {
      // In _redirects, '*' is a splat and a segment starting with ':' a placeholder: such an
      // alias would redirect every address it matches, not the one old link.
      return Optional.of(
          "alias '"
              + path
              + "' must not hold '*' or a segment starting with ':' (redirect patterns)");
    }
    return Optional.empty();
  }

  private static boolean segment(String path, String name) {
    for (String part : path.substring(1).split("/", -1)) {
      if (part.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
