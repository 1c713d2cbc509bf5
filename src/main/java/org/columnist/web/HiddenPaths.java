package org.columnist.web;

import java.util.List;
import java.util.Locale;

/**
 * Paths the public server never serves from {@code public/}, whatever lies there: dotfiles and dot
 * folders ({@code .git/}, {@code .htpasswd}, the build's own temporary {@code .page.tmp} files) and
 * the backups editors and tools leave beside a file.
 */
final class HiddenPaths {
  private static final List<String> BACKUP_ENDINGS =
      List.of(
          "~", "#", ".bak", ".backup", ".old", ".orig", ".rej", ".save", ".swo", ".swp", ".tmp");

  private HiddenPaths() {}

  /** Whether {@code path} (decoded, '/'-separated) has a hidden or backup-like segment. */
  static boolean hidden(String path) {
    for (String segment : path.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
      String name = segment.toLowerCase(Locale.ROOT);
      for (String ending : BACKUP_ENDINGS) {
        if (name.endsWith(ending)) {
          return true;
        }
      }
    }
    return false;
  }
}
