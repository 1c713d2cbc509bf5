package org.columnist.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.columnist.column.Column;

/** The Atom feed of a list (the home page's or a topic's): its newest {@link #SIZE} columns. */
record FeedPage(Catalog.Listing listing) implements PageKind {
  static final int SIZE = 20;

  /** Whether a list has a feed. */
  static boolean of(Catalog.Listing listing) {
    return listing.kind().equals("home") || listing.kind().equals("topic");
  }

  /** The day the list last changed: its latest date or correction; null for an empty list. */
  static String updated(Catalog.Listing listing) {
    return listing.items().stream()
        .map(s -> s.corrected() == null ? s.date() : s.corrected())
        .max(String::compareTo)
        .orElse(null);
  }

  @Override
  public String path() {
    return listing.feed();
  }

  @Override
  public String template() {
    return "site/feed.ftlx";
  }

  @Override
  public Content content(Site site) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Summary s : listing.items().subList(0, Math.min(SIZE, listing.items().size()))) {
      entries.add(entry(site, s));
    }
    String updated =
        site.timestamp(
            updated(listing) == null
                ? LocalDate.of(2000, 1, 1)
                : LocalDate.parse(updated(listing)));
    String title = site.config.site().title();
    Map<String, Object> feed =
        Map.of(
            "title",
            listing.kind().equals("home") ? title : title + ": " + listing.name(),
            "self",
            site.url(listing.feed()),
            "alternate",
            site.url(listing.base()),
            "updated",
            updated,
            "entries",
            entries);
    return Content.titled("", "feed", feed);
  }

  private static Map<String, Object> entry(Site site, Summary s) {
    Column c = site.column(s);
    StringBuilder html = new StringBuilder();
    for (Map<String, String> section : site.sections(c)) {
      html.append("<h2>")
          .append(section.get("heading"))
          .append("</h2>\n")
          .append(section.get("html"));
    }
    return Map.of(
        "title",
        c.title(),
        "url",
        site.url(s.path()),
        "published",
        site.timestamp(c.date()),
        "updated",
        site.timestamp(c.corrected() == null ? c.date() : c.corrected()),
        "summary",
        s.excerpt(),
        "content",
        html.toString());
  }
}
