package org.columnist.web;

import java.util.regex.Pattern;

/**
 * Where the login page sends the coach afterwards: a path on this editor, or "/". Anything else,
 * even what only a browser's URL parser would read as another site ({@code /\t/evil.example} is
 * {@code //evil.example} to it), becomes "/".
 */
final class NextPath {
  // A path of plain characters, not starting "//", with an optional query: nothing a browser
  // could strip or turn into a host.
  private static final Pattern PATH =
      Pattern.compile("/(?:[A-Za-z0-9._~-][A-Za-z0-9._~/-]*)?(?:\\?[A-Za-z0-9._~=&%-]*)?");
  private static final int MAX = 1_000;

  private NextPath() {}

  static String of(String next) {
    return next != null && next.length() <= MAX && PATH.matcher(next).matches() ? next : "/";
  }
}
