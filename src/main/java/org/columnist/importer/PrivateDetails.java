package org.columnist.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.columnist.column.Column;
import org.columnist.column.PrivacyCheck;

/**
 * The privacy check's address and phone rules over an imported column. A back catalogue has no
 * reader's address to look for, but an old column can still carry a reader's e-mail address or
 * phone number (a signature left in, say): each is reported with its line, masked so the report
 * itself does not repeat it, and never dropped or rewritten silently.
 */
final class PrivateDetails {
  /** Nobody in particular: only the rules that need no writer (addresses, phone numbers) apply. */
  private static final PrivacyCheck.Writer NOBODY = new PrivacyCheck.Writer(null, null, null);

  private PrivateDetails() {}

  /** One note per finding in {@code column}, read from {@code found}; {@code advice} ends each. */
  static List<Note> in(Column column, Found found, String advice) {
    List<Note> notes = new ArrayList<>();
    for (PrivacyCheck.Finding finding : PrivacyCheck.findings(column, NOBODY)) {
      String message =
          finding.kind()
              + " in "
              + place(finding.where())
              + " ("
              + masked(finding.kind(), finding.text())
              + ")";
      notes.add(new Note(found.file(), lineOf(found, finding.text()), message + advice));
    }
    return notes;
  }

  /** The file's line where {@code text} first occurs, else where the found text starts. */
  private static int lineOf(Found found, String text) {
    int at = found.text().indexOf(text);
    if (at < 0) {
      return found.line();
    }
    int line = 0;
    for (int i = 0; i < at; i++) {
      if (found.text().charAt(i) == '\n') {
        line++;
      }
    }
    return found.at(line);
  }

  /** "'The inner game'" and "'Answer'" as "the inner game" and "the answer". */
  private static String place(String where) {
    if (!where.startsWith("'")) {
      return where;
    }
    String heading = where.substring(1, where.length() - 1).toLowerCase(Locale.ROOT);
    return heading.startsWith("the ") ? heading : "the " + heading;
  }

  /** Enough of an address or number to find it in the file, not enough to read it. */
  static String masked(String kind, String text) {
    return kind.contains("e-mail")
        ? text.charAt(0) + "\u2026@\u2026"
        : text.substring(0, Math.min(3, text.length())) + "\u2026";
  }
}
