package org.columnist.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.columnist.column.Alias;

/**
 * A WordPress export (WXR, {@code .xml}): one column per published post; drafts, pages and
 * attachments are not columns and are passed over. The post's fields are its hints: title, date
 * ({@code wp:post_date}, else {@code pubDate}), author (the {@code wp:author}'s display name for
 * {@code dc:creator}), tags and categories, and the permalink's path as an alias.
 *
 * <p>Read with the JDK's StAX parser, DTDs and external entities off: an export is untrusted input
 * and must not make the parser read files or the network (XXE).
 */
final class WordPressInput {
  private static final String WP = "http://wordpress.org/export/";

  private WordPressInput() {}

  static List<Found> read(Path file) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        return posts(file, xml);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new Refusal(Math.max(line, 0), "is not well-formed XML: " + reason(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Found> posts(Path file, XMLStreamReader xml) throws XMLStreamException {
    // Past the prolog: comments, and a DOCTYPE, which is read but never acted on.
    while (xml.next() != XMLStreamConstants.START_ELEMENT) {}
    if (!xml.getLocalName().equals("rss") || !declaresWordPress(xml)) {
      throw new Refusal(xml.getLocation().getLineNumber(), "is not a WordPress export (WXR)");
    }
    Map<String, String> authors = new HashMap<>();
    List<Found> found = new ArrayList<>();
    while (xml.hasNext()) {
      if (xml.next() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      if (xml.getLocalName().equals("author") && isWordPress(xml)) {
        Map<String, String> author = fields(xml).text();
        authors.put(author.get("author_login"), author.get("author_display_name"));
      } else if (xml.getLocalName().equals("item")) {
        int line = xml.getLocation().getLineNumber();
        Item item = fields(xml);
        if ("post".equals(item.text().get("post_type"))
            && "publish".equals(item.text().get("status"))) {
          found.add(found(file, line, item, authors));
        }
      }
    }
    return found;
  }

  private static boolean declaresWordPress(XMLStreamReader xml) {
    for (int i = 0; i < xml.getNamespaceCount(); i++) {
      String uri = xml.getNamespaceURI(i);
      if (uri != null && uri.startsWith(WP)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordPress(XMLStreamReader xml) {
    return xml.getNamespaceURI() != null && xml.getNamespaceURI().startsWith(WP);
  }

  /** An item's (or author's) fields: its children's text by local name, and its categories. */
  private record Item(Map<String, String> text, List<String> categories) {}

  private static Item fields(XMLStreamReader xml) throws XMLStreamException {
    Map<String, String> text = new HashMap<>();
    List<String> categories = new ArrayList<>();
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = xml.getLocalName();
      String domain = xml.getAttributeValue(null, "domain");
      if (hasChildren(name)) {
        skip(xml);
        continue;
      }
      String value = xml.getElementText().strip();
      if (name.equals("category")) {
        if (("post_tag".equals(domain) || "category".equals(domain))
            && !value.isEmpty()
            && !value.equalsIgnoreCase("Uncategorized")) {
          categories.add(value);
        }
      } else {
        text.putIfAbsent(name, value);
      }
    }
    return new Item(text, categories);
  }

  // A post's comments and custom fields hold elements of their own, never a post's field.
  private static boolean hasChildren(String name) {
    return name.equals("comment") || name.equals("postmeta");
  }

  private static void skip(XMLStreamReader xml) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static Found found(Path file, int line, Item item, Map<String, String> authors) {
    Map<String, String> text = item.text();
    String creator = text.get("creator");
    String author = authors.getOrDefault(creator, creator);
    Set<String> aliases = new LinkedHashSet<>();
    path(text.get("link")).ifPresent(aliases::add);
    // A guid is the permalink or "?p=123", which has a query and is not a page of its own.
    path(text.get("guid")).ifPresent(aliases::add);
    String title = text.get("title");
    Hints hints =
        new Hints(
            title == null || title.isBlank() ? null : Typography.normalised(title),
            date(text),
            null,
            author == null || author.isBlank() ? null : author,
            List.copyOf(new LinkedHashSet<>(item.categories())),
            List.copyOf(aliases));
    String html = WordPressParagraphs.of(text.getOrDefault("encoded", ""));
    return new Found(file, line, false, HtmlMarkdown.of(html).strip(), hints);
  }

  private static LocalDate date(Map<String, String> text) {
    String posted = text.getOrDefault("post_date", "");
    if (posted.matches("\\d{4}-\\d{2}-\\d{2}.*") && !posted.startsWith("0000")) {
      try {
        return LocalDate.parse(posted.substring(0, 10));
      } catch (DateTimeParseException e) {
        // fall through to pubDate
      }
    }
    try {
      return OffsetDateTime.parse(
              text.getOrDefault("pubDate", ""), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The path of a permalink, when it is one a redirect page can stand at (no {@code ?p=123}). */
  private static Optional<String> path(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String path = uri.getRawPath();
      if (uri.getRawQuery() != null || path == null || Alias.problem(path).isPresent()) {
        return Optional.empty();
      }
      return Optional.of(path);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String reason(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int at = message.indexOf("Message: ");
    return (at < 0 ? message : message.substring(at + "Message: ".length())).strip();
  }
}
