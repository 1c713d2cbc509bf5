package org.columnist.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * A saved web page ({@code .html}, {@code .htm}, also saved "complete" beside its {@code
 * Name_files/} folder): one column, found among the site's furniture, as Markdown with the page's
 * metadata as hints. {@link Mhtml} hands its page to {@link #found} too.
 */
final class HtmlInput {
  /** Far deeper than any real page nests its elements (a few dozen). */
  static final int MAX_DEPTH = 400;

  /** Far above any page with a column; a larger file is not one. */
  static final int MAX_BYTES = 10 << 20;

  // The "mark of the web" browsers write into a saved page: <!-- saved from url=(0047)https://… -->
  private static final Pattern SAVED_FROM =
      Pattern.compile("<!--\\s*saved from url=\\(\\d+\\)(\\S+?)\\s*-->");
  private static final int SAVED_FROM_WITHIN = 2048;

  private HtmlInput() {}

  static List<Found> read(Path file) {
    String html = PageCharset.decoded(TextInput.bytes(file, MAX_BYTES), null);
    Matcher savedFrom =
        SAVED_FROM.matcher(html).region(0, Math.min(html.length(), SAVED_FROM_WITHIN));
    return List.of(found(file, html, savedFrom.find() ? savedFrom.group(1) : null));
  }

  /**
   * The column in {@code html}; {@code location} is the page's address on its old site, or null.
   */
  static Found found(Path file, String html, String location) {
    String base =
        location != null && location.matches("(?i)https?://.*")
            ? location
            : file.toUri().toString();
    Document page = Jsoup.parse(html, base, Parser.htmlParser().setTrackPosition(true));
    int depth = depth(page);
    if (depth > MAX_DEPTH) {
      // Readability walks the tree recursively: a hostile nesting would overflow its stack.
      throw new Refusal(
          1,
          "nests its HTML "
              + depth
              + " elements deep; a page with a column needs far fewer than "
              + MAX_DEPTH);
    }
    List<String> dropped = new ArrayList<>();
    Hints hints = PageMetadata.of(page, location, dropped);
    Article article = Article.of(page, hints.title());
    return new Found(file, article.line(), false, HtmlMarkdown.of(article.content()), hints);
  }

  private static int depth(Document page) {
    int[] deepest = {0};
    NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), page);
    return deepest[0];
  }
}
