package org.columnist.importer;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A saved page's headline: the article's {@code <h1>}, else {@code og:title}, else the {@code
 * <title>}; the site's name cut from either ("Caught between ... | Coach's Corner").
 */
final class PageTitle {
  // The separators sites put between a headline and their name, with spaces around them so that a
  // hyphenated word in a headline is not one.
  private static final Pattern SEPARATOR =
      Pattern.compile("\\s+[|\u2013\u2014:\u00BB-]\\s+|\\s+::\\s+");

  private PageTitle() {}

  static String of(Document page) {
    String site = page.select("meta[property=og:site_name]").attr("content").strip();
    for (Element h1 : page.select("article h1, main h1, h1")) {
      // A site's logo is often an <h1> in its header.
      if (h1.closest("header:not(article header), nav, aside, footer") == null
          && !h1.text().isBlank()
          && !h1.text().strip().equalsIgnoreCase(site)) {
        return Typography.normalised(h1.text().strip());
      }
    }
    String og = page.select("meta[property=og:title]").attr("content");
    String title = og.isBlank() ? page.title() : og;
    return title.isBlank() ? null : Typography.normalised(withoutSite(title.strip(), site));
  }

  /** {@code title} without the site's name: the part named {@code site}, else the longest. */
  static String withoutSite(String title, String site) {
    String[] parts = SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    String best = null;
    for (String part : parts) {
      String name = part.strip();
      if (!name.equalsIgnoreCase(site) && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best == null || best.isEmpty() ? title : best;
  }
}
