package org.columnist.site;

import java.util.Map;

/** The search page for one request, drawn when a visitor searches: {@code search} is its model. */
record SearchResults(Map<String, Object> search) implements PageKind {
  @Override
  public String path() {
    return "search";
  }

  @Override
  public String template() {
    return "site/search.ftlh";
  }

  @Override
  public Content content(Site site) {
    return new Content("Search", "", Map.of("search", search));
  }
}
