package org.columnist.importer;

import java.net.URI;
import java.net.URISyntaxException;
import org.jsoup.nodes.Element;

/**
 * Links in a saved page's column as they must be in the archive: absolute on the old site when the
 * page says where it lived, and plain text when they pointed into the saved page's own folder
 * ({@code Name_files/}) or nowhere a reader can follow.
 */
final class SavedLinks {
  /** The folder a browser's "complete" save puts beside {@code Name.html}. */
  static final String ASSETS_SUFFIX = "_files";

  private SavedLinks() {}

  /** Makes {@code article}'s links followable; relative ones resolve against its base URI. */
  static void settle(Element article) {
    // Images, frames and media are the old site's, and no part of a column's text.
    article.select("img, picture, svg, video, audio, iframe, object, embed").remove();
    for (Element link : article.select("a")) {
      String href = link.absUrl("href");
      if (!href.matches("(?i)(https?|mailto):.+") || href.contains(ASSETS_SUFFIX + "/")) {
        link.unwrap();
      } else {
        link.attr("href", normalised(href));
      }
    }
  }

  private static String normalised(String href) {
    try {
      return new URI(href).normalize().toString();
    } catch (URISyntaxException e) {
      return href;
    }
  }
}
