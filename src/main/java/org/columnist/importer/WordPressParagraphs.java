package org.columnist.importer;

import java.util.regex.Pattern;

/**
 * A WordPress post's stored HTML with its paragraphs made explicit. WordPress keeps a classic
 * post's text without {@code <p>}: on display its "autop" makes each blank-line-separated block a
 * paragraph and each single newline a {@code <br>}. Blocks that already start with a block element
 * (or a block editor comment) are left as they are.
 */
final class WordPressParagraphs {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");
  private static final Pattern BLOCK =
      Pattern.compile(
          "(?i)^<(/?(p|h[1-6]|ul|ol|li|blockquote|pre|table|div|hr|figure|dl|address|section)\\b"
              + "|!--)");

  private WordPressParagraphs() {}

  static String of(String content) {
    StringBuilder html = new StringBuilder();
    for (String block : BLANK_LINE.split(content.replace("\r\n", "\n").strip())) {
      String trimmed = block.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (BLOCK.matcher(trimmed).find()) {
        html.append(trimmed);
      } else {
        html.append("<p>").append(trimmed.replace("\n", "<br>")).append("</p>");
      }
      html.append('\n');
    }
    return html.toString();
  }
}
