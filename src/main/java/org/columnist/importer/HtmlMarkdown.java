package org.columnist.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * An article's HTML as Markdown, keeping paragraphs, emphasis, lists and links (flexmark's
 * converter does the work), then {@link Typography#normalised}. Scripts, styles, forms and images
 * are not part of a column and do not survive.
 */
final class HtmlMarkdown {
  // Thread-safe once built: the converter keeps no state between calls. Its "smarts" would write
  // an em dash as "---" and curly quotes as entities; Typography decides those, so they pass as is.
  private static final FlexmarkHtmlConverter CONVERTER =
      FlexmarkHtmlConverter.builder(
              new MutableDataSet()
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false))
          .build();

  private HtmlMarkdown() {}

  static String of(String html) {
    return Typography.normalised(CONVERTER.convert(html));
  }
}
