package org.columnist.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Whether {@code folder} is the assets folder of a page saved "complete" ({@code Name_files}
   * beside {@code Name.html} or {@code Name.htm}): the importer's walk does not read inside it.
   */
  static boolean isAssetsFolder(Path folder) {
    String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
    if (!name.endsWith(ASSETS_SUFFIX) || folder.getParent() == null) {
      return false;
    }
    String page = name.substring(0, name.length() - ASSETS_SUFFIX.length());
    return Files.exists(folder.resolveSibling(page + ".html"))
        || Files.exists(folder.resolveSibling(page + ".htm"));
  }
}
