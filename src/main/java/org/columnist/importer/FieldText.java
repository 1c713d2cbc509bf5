package org.columnist.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes the values read from a found text ones the archive accepts, and collects the warnings about
 * them: {@code ColumnCodec} refuses a front-matter field over its length, with control characters
 * or with HTML, and a section with raw HTML, a {@code javascript:} link or a {@code ##} heading
 * (which would open a section). An import must never write a file {@code columnist check} refuses,
 * so each is cleaned here and the coach told.
 */
final class FieldText {
  /** ColumnCodec's MAX_FIELD; a title may be longer. */
  static final int MAX_FIELD = 120;

  static final int MAX_TITLE = 200;

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
  private static final Pattern HTML_TAG =
      Pattern.compile("<(?=!--|/?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>)");
  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|(?<!\\w)[*_`]|[*_`](?!\\w)");
  private static final Pattern SCRIPT_LINK =
      Pattern.compile("(?i)(\\]\\(\\s*<?|\\]:\\s*<?|<)\\s*(?:javascript|vbscript|data):[^)\\s>]*");
  private static final Pattern SECTION_HEADING = Pattern.compile("(?m)^ {0,3}#{1,2}(?=[ \\t]|$)");

  private final Found found;
  private final List<Note> warnings = new ArrayList<>();

  FieldText(Found found) {
    this.found = found;
  }

  /** Records a warning at file line {@code at} (0: the text's first line). */
  void warn(int at, String message) {
    warnings.add(new Note(found.file(), at > 0 ? at : found.at(0), message));
  }

  List<Note> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * {@code value} as a one-line front-matter field {@code key} (at file line {@code at}): plain
   * words, no Markdown emphasis or HTML, cut at a word to {@value #MAX_FIELD} characters.
   */
  String line(String value, String key, int at) {
    return cut(value, key, at, MAX_FIELD);
  }

  /** {@code value} as the column's title, cut to {@value #MAX_TITLE} characters. */
  String title(String value, int at) {
    return cut(value, "title", at, MAX_TITLE);
  }

  private String cut(String value, String key, int at, int max) {
    if (value == null) {
      return null;
    }
    String text = HTML_TAG.matcher(value).find() ? value.replaceAll("<[^<>]*>", " ") : value;
    text = CONTROL.matcher(EMPHASIS.matcher(text).replaceAll("")).replaceAll(" ");
    text = text.replaceAll("\\s+", " ").strip();
    if (text.length() > max) {
      int space = text.lastIndexOf(' ', max);
      text = text.substring(0, space > max / 2 ? space : max).strip();
      warn(at, key + " was longer than " + max + " characters; cut to '" + text + "'");
    }
    return text.isEmpty() ? null : text;
  }

  /**
   * {@code text} as a section's Markdown: a {@code #} or {@code ##} heading inside it becomes
   * {@code ###}, and raw HTML, script links and control characters are defused, with a warning at
   * the section's first file line {@code at}.
   */
  String section(String text, int at) {
    String out = SECTION_HEADING.matcher(text).replaceAll("###");
    out = CONTROL.matcher(out).replaceAll("");
    String defused =
        SCRIPT_LINK.matcher(HTML_TAG.matcher(out).replaceAll("&lt;")).replaceAll("$1#");
    if (!defused.equals(out)) {
      warn(at, "raw HTML or a script link in the text was made plain text; check the section");
    }
    return defused;
  }
}
