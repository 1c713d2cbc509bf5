package org.columnist.site;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A page of a list of columns (the home page, a year, a month, a topic, an industry): its front for
 * {@code number} 0, else its numbered page {@code number}, counted from the oldest (see {@link
 * Catalog.Listing}). "Newer" leads towards the front, "older" towards page 1.
 */
record ListPage(Catalog.Listing listing, int number) implements PageKind {
  @Override
  public String path() {
    return listing.file(number);
  }

  @Override
  public String template() {
    return home() ? "site/home.ftlh" : "site/list.ftlh";
  }

  @Override
  public Content content(Site site) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", listing.kind());
    m.put("heading", heading(site));
    m.put("items", listing.page(number).stream().map(site::item).toList());
    m.put("front", number == 0);
    m.put("number", number);
    int newest = listing.numbered();
    m.put("newer_url", number == 0 ? "" : site.link(folder(number == newest ? 0 : number + 1)));
    int older = number == 0 ? newest : number - 1;
    m.put("older_url", older > 0 ? site.link(folder(older)) : "");
    m.put(
        "feed_url",
        listing.kind().equals("topic") ? site.link(listing.feed()) : site.link("feed.xml"));
    return Content.titled(heading(site), "list", m);
  }

  private boolean home() {
    return listing.kind().equals("home");
  }

  private String folder(int n) {
    return listing.file(n).replace("index.html", "");
  }

  private String heading(Site site) {
    return switch (listing.kind()) {
      case "home" -> site.config.site().title();
      case "year" -> "Columns from " + listing.name();
      case "month" ->
          "Columns from " + site.dates.monthOfYear(LocalDate.parse(listing.name() + "-01"));
      case "topic" -> "Topic: " + listing.name();
      default -> "Industry: " + listing.name();
    };
  }
}
