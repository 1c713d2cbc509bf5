package org.columnist.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.columnist.column.Alias;
import org.jsoup.nodes.Document;

/**
 * The paths a page had on its old site, kept as the column's aliases so old links still arrive:
 * from {@code <link rel=canonical>}, {@code og:url} and where the page was saved from. Only the
 * path is kept (the host and query are the old site's); a path {@link Alias} refuses is left out
 * with the reason.
 */
final class OldPaths {
  private OldPaths() {}

  /** The aliases; each refused path's reason is added to {@code dropped}. */
  static List<String> of(Document page, String location, List<String> dropped) {
    Set<String> urls = new LinkedHashSet<>();
    urls.add(page.select("link[rel=canonical]").attr("href"));
    urls.add(page.select("meta[property=og:url]").attr("content"));
    urls.add(location == null ? "" : location);
    Set<String> paths = new LinkedHashSet<>();
    for (String url : urls) {
      if (url.isBlank()) {
        continue;
      }
      String path = pathOf(url.strip(), location);
      if (path == null) {
        dropped.add("old address '" + url.strip() + "' kept as no alias: it is not a web address");
        continue;
      }
      var problem = Alias.problem(path);
      if (problem.isPresent()) {
        dropped.add("old address '" + url.strip() + "' kept as no alias: it " + problem.get());
      } else {
        paths.add(path);
      }
    }
    return List.copyOf(paths);
  }

  /** The raw path of {@code url}, resolved against {@code base} when relative; null if none. */
  private static String pathOf(String url, String base) {
    try {
      URI uri = new URI(url);
      if (!uri.isAbsolute() && base != null && !base.isBlank()) {
        uri = new URI(base).resolve(uri);
      }
      boolean web = uri.getScheme() == null || uri.getScheme().matches("(?i)https?");
      String path = uri.getRawPath();
      return web && path != null && !path.isEmpty() ? path : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
