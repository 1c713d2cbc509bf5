package org.columnist.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.columnist.config.Config;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Column sections rendered as CommonMark: raw HTML is escaped (shown as text, never passed through)
 * and only http, https and mailto links survive. Images come only from the site itself unless the
 * site allows remote ones: an image elsewhere would be fetched by every reader's browser, which
 * tells that host who reads what (a tracking pixel). Such an image becomes a link to it instead.
 */
final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(Set.of("http", "https", "mailto")))
          .build();
  // A reader's text: no images at all (each becomes its alt text), and every link marked as the
  // reader's, so that search engines give it no weight and spam gains nothing.
  private static final HtmlRenderer READER_HTML =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(Set.of("http", "https", "mailto")))
          .attributeProviderFactory(
              context ->
                  (node, tag, attributes) -> {
                    if (node instanceof Link) {
                      attributes.put("rel", "nofollow ugc");
                    }
                  })
          .build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
  // Compiled once: String.replaceAll compiles its pattern on every call.
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern CUT_END = Pattern.compile("[\\s,;:.]+$");

  private final URI site;
  private final boolean remoteImages;

  Markdown(Config.Site site) {
    this.site = site.baseUrl();
    this.remoteImages = site.remoteImages();
  }

  String html(String markdown) {
    return html(parse(markdown));
  }

  static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /** A parsed {@code document} as HTML; it changes the document (a remote image becomes a link). */
  String html(Node document) {
    if (!remoteImages) {
      remoteImages(document).forEach(Markdown::showAsLink);
    }
    return HTML.render(document);
  }

  /** What a reader wrote (a response, the coach's reply to it) as HTML that can do no harm. */
  static String readerHtml(String markdown) {
    Node document = PARSER.parse(markdown);
    List<Image> images = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            images.add(image);
            visitChildren(image);
          }
        });
    for (Image image : images) {
      Node child = image.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        image.insertBefore(child);
        child = next;
      }
      image.unlink();
    }
    return READER_HTML.render(document);
  }

  private List<Image> remoteImages(Node document) {
    List<Image> found = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            if (!onSite(image.getDestination())) {
              found.add(image);
            }
            visitChildren(image);
          }
        });
    return found;
  }

  /** Whether {@code url} is relative to the site or on its origin (scheme, host and port). */
  private boolean onSite(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null && uri.getRawAuthority() == null) {
        return true;
      }
      return site.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
          && site.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
          && port(site) == port(uri);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /**
   * Puts a link to the image where it stood, its alt text (or address) as the link's text; inside a
   * link, which cannot hold another, only the alt text.
   */
  private static void showAsLink(Image image) {
    Node replacement =
        insideLink(image) ? null : new Link(image.getDestination(), image.getTitle());
    List<Node> alt = new ArrayList<>();
    for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
      alt.add(child);
    }
    if (alt.isEmpty()) {
      alt.add(new Text(image.getDestination()));
    }
    for (Node child : alt) {
      if (replacement == null) {
        image.insertBefore(child);
      } else {
        replacement.appendChild(child);
      }
    }
    if (replacement != null) {
      image.insertBefore(replacement);
    }
    image.unlink();
  }

  private static boolean insideLink(Node node) {
    for (Node up = node.getParent(); up != null; up = up.getParent()) {
      if (up instanceof Link) {
        return true;
      }
    }
    return false;
  }

  /** The first words of {@code markdown} as plain text, cut at a word within {@code max}. */
  static String excerpt(String markdown, int max) {
    return excerpt(parse(markdown), max);
  }

  /**
   * The excerpt of a parsed {@code document}, which it leaves as it is. Only as many of its first
   * blocks as the excerpt needs are rendered, the others set aside meanwhile: a question is several
   * times longer than its excerpt. Rendered together, the first blocks read as the start of the
   * whole document.
   */
  static String excerpt(Node document, int max) {
    List<Node> blocks = new ArrayList<>();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      blocks.add(block);
    }
    String text = "";
    for (int shown = Math.min(2, blocks.size()); ; shown = Math.min(2 * shown, blocks.size())) {
      for (Node block : blocks.subList(shown, blocks.size())) {
        block.unlink();
      }
      try {
        text = SPACES.matcher(TEXT.render(document)).replaceAll(" ").strip();
      } finally {
        for (Node block : blocks.subList(shown, blocks.size())) {
          document.appendChild(block);
        }
      }
      if (text.length() > max || shown == blocks.size()) {
        break;
      }
    }
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return CUT_END.matcher(text.substring(0, cut > max / 2 ? cut : max)).replaceAll("") + "…";
  }
}
