package org.columnist.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.column.Slug;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/** Every page of the site: where it goes, which template draws it, and the model it gets. */
final class Pages {
  static final int FEED_SIZE = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Config config;
  private final Templates templates;
  private final Archive archive;
  private final String basePath;
  private final DateDisplay dates;
  private final Markdown markdown;

  private final java.util.function.Function<String, List<SiteBuilder.Related>> related;

  Pages(
      Config config,
      Templates templates,
      Archive archive,
      java.util.function.Function<String, List<SiteBuilder.Related>> related) {
    this.related = related;
    this.config = config;
    this.templates = templates;
    this.archive = archive;
    this.basePath =
        config.site().baseUrl().getPath().isEmpty() ? "/" : config.site().baseUrl().getPath();
    this.markdown = new Markdown(config.site());
    this.dates = new DateDisplay(config.site().language());
  }

  /**
   * One output file: {@code listing} and {@code number} for list pages, {@code index} for columns.
   */
  record Page(String path, String template, Catalog.Listing listing, int number, int index) {}

  static Summary summary(Column c, String source, long size, long modified) {
    return new Summary(
        c.title(),
        c.date().toString(),
        c.corrected() == null ? null : c.corrected().toString(),
        c.slug(),
        c.path(),
        c.tags(),
        c.client().industry(),
        c.client().issue(),
        Markdown.excerpt(c.question(), 220),
        source,
        size,
        modified);
  }

  /** Every page the site has for {@code catalog}, by output path. */
  Map<String, Page> all(Catalog catalog) {
    Map<String, Page> pages = new LinkedHashMap<>();
    for (int i = 0; i < catalog.columns.size(); i++) {
      String path = catalog.columns.get(i).path() + "index.html";
      pages.put(path, new Page(path, "site/column.ftlh", null, 0, i));
    }
    for (Catalog.Listing listing : catalog.listings.values()) {
      String template = listing.kind().equals("home") ? "site/home.ftlh" : "site/list.ftlh";
      for (int n = 1; n <= listing.pages(); n++) {
        pages.put(listing.file(n), new Page(listing.file(n), template, listing, n, -1));
      }
      if (listing.kind().equals("home") || listing.kind().equals("topic")) {
        pages.put(
            listing.base() + "feed.xml",
            new Page(listing.base() + "feed.xml", "site/feed.ftlx", listing, 1, -1));
      }
    }
    for (String[] fixed :
        new String[][] {
          {"archive/index.html", "site/archive.ftlh"},
          {"topics/index.html", "site/terms.ftlh"},
          {"industries/index.html", "site/terms.ftlh"},
          {"about/index.html", "site/about.ftlh"},
          {"ask/index.html", "site/ask.ftlh"},
          {"404.html", "site/404.ftlh"},
          {"sitemap.xml", "site/sitemap.ftlx"},
          {"robots.txt", "site/robots.ftl"},
          {"style.css", "site/style.css"}
        }) {
      pages.put(fixed[0], new Page(fixed[0], fixed[1], null, 0, -1));
    }
    return pages;
  }

  byte[] render(Page page, Catalog catalog, Map<String, Column> parsed) {
    if (page.template().endsWith(".css")) {
      return templates.file(page.template()); // a stylesheet, copied as written
    }
    Map<String, Object> model = new HashMap<>();
    model.put("site", site());
    String title;
    String description = config.coach().bio();
    switch (page.template()) {
      case "site/column.ftlh" -> {
        Summary s = catalog.columns.get(page.index());
        Column column = parsed.get(s.source());
        if (column == null) {
          column = archive.read(archive.root().resolve(s.source()));
        }
        model.put("column", column(column, s));
        model.put("newer", link(catalog.newer(page.index())));
        model.put("older", link(catalog.older(page.index())));
        model.put("jsonLd", jsonLd(column, s));
        model.put(
            "related",
            related.apply(column.slug()).stream()
                .map(r -> Map.of("title", r.title(), "url", basePath + r.path()))
                .toList());
        title = column.title();
        description = s.excerpt();
      }
      case "site/home.ftlh", "site/list.ftlh" -> {
        model.put("list", listModel(page.listing(), page.number()));
        title =
            page.listing().kind().equals("home") ? config.site().title() : heading(page.listing());
      }
      case "site/feed.ftlx" -> {
        model.put("feed", feed(page.listing(), catalog, parsed));
        title = "";
      }
      case "site/archive.ftlh" -> {
        model.put("years", years(catalog));
        title = "Archive";
      }
      case "site/terms.ftlh" -> {
        String kind = page.path().startsWith("topics") ? "topic" : "industry";
        model.put("heading", kind.equals("topic") ? "Topics" : "Industries");
        model.put(
            "terms",
            catalog.of(kind).stream()
                .map(
                    l ->
                        Map.of(
                            "name",
                            l.name(),
                            "url",
                            basePath + l.base(),
                            "count",
                            l.items().size()))
                .toList());
        title = kind.equals("topic") ? "Topics" : "Industries";
      }
      case "site/about.ftlh" -> {
        Path about = archive.root().resolve("about.md");
        model.put("aboutHtml", Files.isRegularFile(about) ? markdown.html(read(about)) : "");
        title = "About " + config.coach().name();
      }
      case "site/ask.ftlh" -> title = "Ask a question";
      case "site/404.ftlh" -> title = "Page not found";
      case "site/sitemap.ftlx" -> {
        model.put("urls", sitemap(catalog));
        title = "";
      }
      default -> title = "";
    }
    String path =
        page.path().endsWith("index.html")
            ? page.path().substring(0, page.path().length() - "index.html".length())
            : page.path();
    model.put(
        "meta",
        Map.of(
            "title",
            title,
            "description",
            description == null ? "" : description,
            "canonical",
            config.site().baseUrl().resolve(path).toString(),
            "path",
            basePath + path));
    try {
      return templates.render(page.template(), model).getBytes(StandardCharsets.UTF_8);
    } catch (ColumnistException e) {
      String column =
          page.index() >= 0 ? " (column " + catalog.columns.get(page.index()).source() + ")" : "";
      throw new ColumnistException(
          "cannot render " + page.path() + column + ": " + e.getMessage(), e);
    }
  }

  Map<String, Object> site() {
    Map<String, Object> site = new HashMap<>();
    site.put("title", config.site().title());
    site.put("base_url", config.site().baseUrl().toString());
    site.put("base_path", basePath);
    site.put("language", config.site().language());
    site.put("address", config.column().address());
    site.put("coach", Map.of("name", config.coach().name(), "bio", config.coach().bio()));
    return site;
  }

  private Map<String, Object> column(Column c, Summary s) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", c.title());
    m.put("date", c.date().toString());
    m.put("date_display", dates.day(c.date()));
    m.put("corrected", c.corrected() == null ? "" : c.corrected().toString());
    m.put("corrected_display", c.corrected() == null ? "" : dates.day(c.corrected()));
    m.put("url", config.site().baseUrl().resolve(s.path()).toString());
    ClientProfile p = c.client();
    Map<String, Object> client = new HashMap<>();
    client.put("name", nz(p.name()));
    client.put("age", p.age() == null ? "" : p.age().toString());
    client.put("title", nz(p.title()));
    client.put("years_at_company", p.yearsAtCompany() == null ? "" : p.yearsAtCompany().toString());
    client.put("years_in_role", p.yearsInRole() == null ? "" : p.yearsInRole().toString());
    client.put("industry", nz(p.industry()));
    client.put(
        "industry_url",
        p.industry() == null ? "" : basePath + "industries/" + Slug.fromTitle(p.industry()) + "/");
    client.put("issue", nz(p.issue()));
    m.put("client", client);
    m.put(
        "tags",
        c.tags().stream()
            .map(t -> Map.of("name", t, "url", basePath + "topics/" + Slug.fromTitle(t) + "/"))
            .toList());
    List<Map<String, String>> sections = new ArrayList<>();
    for (Section section : Section.values()) {
      if (!c.section(section).isBlank()) {
        sections.add(
            Map.of(
                "heading",
                section.heading(),
                "id",
                Slug.fromTitle(section.heading()),
                "html",
                markdown.html(c.section(section))));
      }
    }
    m.put("sections", sections);
    return m;
  }

  private Map<String, Object> link(Summary s) {
    return s == null
        ? null
        : Map.of(
            "title",
            s.title(),
            "url",
            basePath + s.path(),
            "date_display",
            dates.day(LocalDate.parse(s.date())));
  }

  private Map<String, Object> item(Summary s) {
    Map<String, Object> m = new HashMap<>(link(s));
    m.put("excerpt", s.excerpt());
    m.put("issue", nz(s.issue()));
    m.put("date", s.date());
    m.put(
        "tags",
        s.tags().stream()
            .map(t -> Map.of("name", t, "url", basePath + "topics/" + Slug.fromTitle(t) + "/"))
            .toList());
    return m;
  }

  private Map<String, Object> listModel(Catalog.Listing listing, int n) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", listing.kind());
    m.put("heading", heading(listing));
    m.put("items", listing.page(n).stream().map(this::item).toList());
    m.put("number", n);
    m.put("pages", listing.pages());
    m.put("newer_url", n > 1 ? basePath + listing.file(n - 1).replace("index.html", "") : "");
    m.put(
        "older_url",
        n < listing.pages() ? basePath + listing.file(n + 1).replace("index.html", "") : "");
    m.put(
        "feed_url",
        listing.kind().equals("topic")
            ? basePath + listing.base() + "feed.xml"
            : basePath + "feed.xml");
    return m;
  }

  private String heading(Catalog.Listing listing) {
    return switch (listing.kind()) {
      case "home" -> config.site().title();
      case "year" -> "Columns from " + listing.name();
      case "month" -> "Columns from " + dates.monthOfYear(LocalDate.parse(listing.name() + "-01"));
      case "topic" -> "Topic: " + listing.name();
      default -> "Industry: " + listing.name();
    };
  }

  private Map<String, Object> feed(
      Catalog.Listing listing, Catalog catalog, Map<String, Column> parsed) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Summary s : listing.items().subList(0, Math.min(FEED_SIZE, listing.items().size()))) {
      Column c = parsed.get(s.source());
      if (c == null) {
        c = archive.read(archive.root().resolve(s.source()));
      }
      StringBuilder html = new StringBuilder();
      for (Section section : Section.values()) {
        if (!c.section(section).isBlank()) {
          html.append("<h2>")
              .append(section.heading())
              .append("</h2>\n")
              .append(markdown.html(c.section(section)));
        }
      }
      entries.add(
          Map.of(
              "title",
              c.title(),
              "url",
              config.site().baseUrl().resolve(s.path()).toString(),
              "published",
              timestamp(c.date()),
              "updated",
              timestamp(c.corrected() == null ? c.date() : c.corrected()),
              "summary",
              s.excerpt(),
              "content",
              html.toString()));
    }
    String self = config.site().baseUrl().resolve(listing.base() + "feed.xml").toString();
    String updated =
        listing.items().stream()
            .map(s -> s.corrected() == null ? s.date() : s.corrected())
            .max(String::compareTo)
            .map(d -> timestamp(LocalDate.parse(d)))
            .orElse(timestamp(LocalDate.of(2000, 1, 1)));
    return Map.of(
        "title",
        listing.kind().equals("home")
            ? config.site().title()
            : config.site().title() + ": " + listing.name(),
        "self",
        self,
        "alternate",
        config.site().baseUrl().resolve(listing.base()).toString(),
        "updated",
        updated,
        "entries",
        entries);
  }

  private List<Map<String, Object>> years(Catalog catalog) {
    List<Map<String, Object>> years = new ArrayList<>();
    for (Catalog.Listing year : catalog.of("year")) {
      List<Map<String, Object>> months =
          catalog.of("month").stream()
              .filter(m -> m.name().startsWith(year.name()))
              .map(
                  m ->
                      Map.<String, Object>of(
                          "name",
                          dates.month(LocalDate.parse(m.name() + "-01")),
                          "url",
                          basePath + m.base(),
                          "count",
                          m.items().size()))
              .toList();
      years.add(
          Map.of(
              "year",
              year.name(),
              "url",
              basePath + year.base(),
              "count",
              year.items().size(),
              "months",
              months));
    }
    return years;
  }

  private List<Map<String, String>> sitemap(Catalog catalog) {
    List<Map<String, String>> urls = new ArrayList<>();
    urls.add(
        Map.of(
            "loc",
            config.site().baseUrl().toString(),
            "lastmod",
            catalog.columns.isEmpty() ? "" : catalog.columns.get(0).date()));
    for (Summary s : catalog.columns) {
      urls.add(
          Map.of(
              "loc",
              config.site().baseUrl().resolve(s.path()).toString(),
              "lastmod",
              s.corrected() == null ? s.date() : s.corrected()));
    }
    for (String page : List.of("archive/", "topics/", "industries/", "about/", "ask/")) {
      urls.add(Map.of("loc", config.site().baseUrl().resolve(page).toString(), "lastmod", ""));
    }
    return urls;
  }

  private String jsonLd(Column c, Summary s) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Article");
    ld.put("headline", c.title());
    ld.put("description", s.excerpt());
    ld.put("datePublished", c.date().toString());
    ld.put("dateModified", (c.corrected() == null ? c.date() : c.corrected()).toString());
    ld.put("author", Map.of("@type", "Person", "name", config.coach().name()));
    ld.put(
        "publisher",
        Map.of(
            "@type",
            "Organization",
            "name",
            config.site().title(),
            "url",
            config.site().baseUrl().toString()));
    ld.put("mainEntityOfPage", config.site().baseUrl().resolve(s.path()).toString());
    ld.put("keywords", String.join(", ", c.tags()));
    ld.put("inLanguage", config.site().language());
    try {
      // Inside <script>, "</" would end the element: escape every "<".
      return JSON.writeValueAsString(ld).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String timestamp(LocalDate date) {
    return ZonedDateTime.of(date.atStartOfDay(), config.site().timeZone())
        .toOffsetDateTime()
        .toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
