package org.columnist.site;

import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Column sections rendered as CommonMark: raw HTML is escaped (shown as text, never passed through)
 * and only http, https and mailto links survive.
 */
final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(Set.of("http", "https", "mailto")))
          .build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private Markdown() {}

  static String html(String markdown) {
    return HTML.render(PARSER.parse(markdown));
  }

  /** The first words of {@code markdown} as plain text, cut at a word within {@code max}. */
  static String excerpt(String markdown, int max) {
    Node document = PARSER.parse(markdown);
    String text = TEXT.render(document).replaceAll("\\s+", " ").strip();
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > max / 2 ? cut : max).replaceAll("[\\s,;:.]+$", "") + "…";
  }
}
