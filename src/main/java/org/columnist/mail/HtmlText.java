package org.columnist.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML-only message into the text a reader meant: paragraphs stay paragraphs, list items
 * become "- " lines, scripts, styles and images vanish.
 */
final class HtmlText {
  private HtmlText() {}

  static String of(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, head, template, noscript, img, svg, iframe, object").remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              String t = text.getWholeText().replaceAll("[\\s\\u00a0]+", " ");
              if (!t.isBlank() || (out.length() > 0 && out.charAt(out.length() - 1) != '\n')) {
                out.append(t);
              }
            } else if (node instanceof Element e) {
              switch (e.normalName()) {
                case "br" -> out.append('\n');
                case "li" -> out.append(breakBefore(out)).append("- ");
                case "p",
                        "div",
                        "h1",
                        "h2",
                        "h3",
                        "h4",
                        "h5",
                        "h6",
                        "blockquote",
                        "tr",
                        "ul",
                        "ol",
                        "pre",
                        "table" ->
                    out.append(paragraphBefore(out));
                default -> {}
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && !e.normalName().equals("br") && e.isBlock()) {
              out.append(e.normalName().equals("li") ? "\n" : paragraphBefore(out));
            }
          }
        },
        doc.body());
    return out.toString()
        .lines()
        .map(String::strip)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  private static String breakBefore(StringBuilder out) {
    return out.length() == 0 || out.charAt(out.length() - 1) == '\n' ? "" : "\n";
  }

  private static String paragraphBefore(StringBuilder out) {
    if (out.length() == 0 || out.toString().endsWith("\n\n")) {
      return "";
    }
    return out.charAt(out.length() - 1) == '\n' ? "\n" : "\n\n";
  }
}
