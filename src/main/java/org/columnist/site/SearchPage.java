package org.columnist.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.search.Hit;
import org.columnist.search.Results;
import org.columnist.search.SearchRequest;

/**
 * The search page, drawn by {@code templates/site/search.ftlh} in the site's own layout: results
 * with highlighted passages, facets as plain links, pagination, all without JavaScript.
 */
public final class SearchPage {
  private final Config config;
  private final Templates templates;
  private final Pages pages;
  private final String basePath;
  private final DateDisplay dates;

  public SearchPage(Config config) {
    this(config, ReaderSide.NONE);
  }

  /** The page, its site-wide forms carrying the tokens of {@code readers}. */
  public SearchPage(Config config, ReaderSide readers) {
    this.config = config;
    this.templates = new Templates(config.paths().templates());
    this.pages = Pages.outsideBuild(config, templates, readers);
    this.basePath = Site.basePath(config);
    this.dates = new DateDisplay(config.site().language());
  }

  /**
   * The page for {@code request}: its {@code results}, or {@code problem} (a bad request) instead.
   */
  public String render(SearchRequest request, Results results, String problem) {
    Map<String, Object> search = new HashMap<>();
    search.put("query", request.query());
    search.put("problem", problem == null ? "" : problem);
    search.put("filters", filters(request));
    if (results != null) {
      search.put("total", results.total());
      search.put("shown_for", results.shownFor() == null ? "" : results.shownFor());
      search.put("did_you_mean", results.didYouMean() == null ? "" : results.didYouMean());
      search.put(
          "did_you_mean_url",
          results.didYouMean() == null
              ? ""
              : url(results.didYouMean(), request.tag(), request.industry(), request.year(), 1));
      search.put("hits", results.hits().stream().map(this::hit).toList());
      search.put("page", results.page());
      search.put("pages", results.pages());
      search.put(
          "newer_url",
          results.page() > 1
              ? url(
                  request.query(),
                  request.tag(),
                  request.industry(),
                  request.year(),
                  results.page() - 1)
              : "");
      search.put(
          "older_url",
          results.page() < results.pages()
              ? url(
                  request.query(),
                  request.tag(),
                  request.industry(),
                  request.year(),
                  results.page() + 1)
              : "");
      search.put("facets", facets(request, results));
    }
    return pages.text(new SearchResults(search), pages.site(new Catalog(List.of()), Map.of()));
  }

  private Map<String, Object> hit(Hit h) {
    return Map.of(
        "title",
        h.title(),
        "url",
        basePath + h.path(),
        "date",
        h.date(),
        "date_display",
        dates.day(LocalDate.parse(h.date())),
        "issue",
        h.issue() == null ? "" : h.issue(),
        "snippet",
        h.snippet());
  }

  private List<Map<String, Object>> filters(SearchRequest r) {
    List<Map<String, Object>> active = new ArrayList<>();
    if (r.tag() != null) {
      active.add(
          Map.of(
              "label",
              "Topic: " + r.tag(),
              "remove_url",
              url(r.query(), null, r.industry(), r.year(), 1)));
    }
    if (r.industry() != null) {
      active.add(
          Map.of(
              "label",
              "Industry: " + r.industry(),
              "remove_url",
              url(r.query(), r.tag(), null, r.year(), 1)));
    }
    if (r.year() != null) {
      active.add(
          Map.of(
              "label",
              "Year: " + r.year(),
              "remove_url",
              url(r.query(), r.tag(), r.industry(), null, 1)));
    }
    return active;
  }

  private Map<String, List<Map<String, Object>>> facets(SearchRequest r, Results results) {
    Map<String, List<Map<String, Object>>> facets = new LinkedHashMap<>();
    facets.put(
        "Topics",
        results.facets().getOrDefault("tags", List.of()).stream()
            .map(f -> facet(f, url(r.query(), f.value(), r.industry(), r.year(), 1)))
            .toList());
    facets.put(
        "Industries",
        results.facets().getOrDefault("industry", List.of()).stream()
            .map(f -> facet(f, url(r.query(), r.tag(), f.value(), r.year(), 1)))
            .toList());
    facets.put(
        "Years",
        results.facets().getOrDefault("year", List.of()).stream()
            .map(
                f -> facet(f, url(r.query(), r.tag(), r.industry(), Integer.valueOf(f.value()), 1)))
            .toList());
    return facets;
  }

  private static Map<String, Object> facet(Results.FacetCount f, String url) {
    return Map.of("value", f.value(), "count", f.count(), "url", url);
  }

  private String url(String q, String tag, String industry, Integer year, int page) {
    StringBuilder url = new StringBuilder(basePath).append("search?q=").append(encode(q));
    if (tag != null) {
      url.append("&tag=").append(encode(tag));
    }
    if (industry != null) {
      url.append("&industry=").append(encode(industry));
    }
    if (year != null) {
      url.append("&year=").append(year);
    }
    if (page > 1) {
      url.append("&page=").append(page);
    }
    return url.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
