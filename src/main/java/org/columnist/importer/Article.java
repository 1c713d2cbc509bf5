package org.columnist.importer;

import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * The column in a saved page, found by Readability4J among the site's navigation, sidebars and
 * footers, then corrected by {@link ColumnRules}; with the page's line where it starts.
 *
 * @param content the column's HTML, detached from the page
 * @param line the page's line of the column's first element, 1 when the parse did not say
 */
record Article(Element content, int line) {

  /**
   * The article of {@code page}, which Readability takes apart: read its metadata first. Throws
   * {@link Refusal} when the page holds no article text.
   */
  static Article of(Document page, String title) {
    Element profile = ColumnRules.profileIn(page);
    // Readability4J works on the Document it is given, so the page is parsed once.
    Element content = new Readability4JExtended(page.location(), page).parse().getArticleContent();
    if (content == null || content.text().isBlank()) {
      throw new Refusal(1, "holds no article text: is it a saved web page with a column?");
    }
    ColumnRules.apply(content, profile, title);
    SavedLinks.settle(content);
    return new Article(content, firstLine(content));
  }

  private static int firstLine(Element content) {
    for (Element e : content.getAllElements()) {
      Range range = e.sourceRange();
      if (range.isTracked() && range.start().lineNumber() > 0) {
        return range.start().lineNumber();
      }
    }
    return 1;
  }
}
