package org.columnist.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article's HTML as Markdown, keeping paragraphs, emphasis, lists and links (flexmark's
 * converter does the work), then {@link Typography#normalised}. Scripts, styles, forms and images
 * are not part of a column and do not survive.
 */
final class HtmlMarkdown {
  // Thread-safe once built: the converter keeps no state between calls.
  private static final FlexmarkHtmlConverter CONVERTER =
      FlexmarkHtmlConverter.builder(
              new MutableDataSet()
                  // "## The inner game", not an underline: the layout reads headings by their '#'.
                  .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                  // Characters as they are ("—", "“"), not "---" or "&ldquo;": Typography decides.
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false))
          .build();

  private HtmlMarkdown() {}

  static String of(String html) {
    return Typography.normalised(CONVERTER.convert(html));
  }

  /** {@code html} as Markdown, from the tree a page's parse already built (no second parse). */
  static String of(Element html) {
    // The converter looks at a node's parent; a detached article gets a page of its own.
    Document shell = Document.createShell(html.baseUri());
    shell.body().appendChild(html);
    return Typography.normalised(CONVERTER.convert(shell));
  }
}
