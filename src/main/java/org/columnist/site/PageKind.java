package org.columnist.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;

/**
 * One kind of page the site has: where it goes, which template draws it, and what the template
 * gets. To add a page, add a kind here (and to {@link #FIXED} if there is one of it per site); the
 * build, the incremental plan and the preview find it from there.
 */
sealed interface PageKind
    permits ColumnPage,
        ListPage,
        FeedPage,
        SearchResults,
        FormAnswer,
        AskAgain,
        VoteAnswer,
        ResponseCheck,
        RedirectPage,
        RedirectsFile,
        PageKind.ArchivePage,
        PageKind.TermsPage,
        PageKind.AboutPage,
        PageKind.SitemapPage,
        PageKind.TitledPage,
        PageKind.Stylesheet {

  /** The pages of which a site has one, whatever its columns. */
  List<PageKind> FIXED =
      List.of(
          new ArchivePage(),
          new TermsPage("topic"),
          new TermsPage("industry"),
          new AboutPage(),
          new TitledPage("ask/index.html", "site/ask.ftlh", "Ask a question"),
          new TitledPage("404.html", "site/404.ftlh", "Page not found"),
          new SitemapPage(),
          new TitledPage("robots.txt", "site/robots.ftl", ""),
          new Stylesheet());

  /** The output file, relative to {@code public/}. */
  String path();

  /** The template that draws it, relative to {@code templates/}. */
  String template();

  /** The page's title, description and model (besides {@code site} and {@code meta}). */
  Content content(Site site);

  /** Whether the page lists every column by date, topic or industry (and so changes with them). */
  default boolean indexesTheArchive() {
    return false;
  }

  /** Whether the template is a file copied as written rather than rendered. */
  default boolean copied() {
    return false;
  }

  /** The page, as an error message names it. */
  default String describe() {
    return path();
  }

  /**
   * What a page shows. {@code description} is null for the site's own (the coach's bio).
   *
   * @param title the page's title ("" for none)
   */
  record Content(String title, String description, Map<String, Object> model) {
    static Content titled(String title) {
      return new Content(title, null, Map.of());
    }

    static Content titled(String title, String key, Object value) {
      return new Content(title, null, Map.of(key, value));
    }
  }

  /** Every column by year and month. */
  record ArchivePage() implements PageKind {
    @Override
    public String path() {
      return "archive/index.html";
    }

    @Override
    public String template() {
      return "site/archive.ftlh";
    }

    @Override
    public boolean indexesTheArchive() {
      return true;
    }

    @Override
    public Content content(Site site) {
      List<Map<String, Object>> years = new ArrayList<>();
      for (Catalog.Listing year : site.catalog.of("year")) {
        List<Map<String, Object>> months =
            site.catalog.of("month").stream()
                .filter(m -> m.name().startsWith(year.name()))
                .map(
                    m ->
                        Map.<String, Object>of(
                            "name",
                            site.dates.month(LocalDate.parse(m.name() + "-01")),
                            "url",
                            site.link(m.base()),
                            "count",
                            m.items().size()))
                .toList();
        years.add(
            Map.of(
                "year",
                year.name(),
                "url",
                site.link(year.base()),
                "count",
                year.items().size(),
                "months",
                months));
      }
      return Content.titled("Archive", "years", years);
    }
  }

  /** Every topic ({@code kind} "topic") or industry ("industry") with its count of columns. */
  record TermsPage(String kind) implements PageKind {
    @Override
    public String path() {
      return kind.equals("topic") ? "topics/index.html" : "industries/index.html";
    }

    @Override
    public String template() {
      return "site/terms.ftlh";
    }

    @Override
    public boolean indexesTheArchive() {
      return true;
    }

    @Override
    public Content content(Site site) {
      String heading = kind.equals("topic") ? "Topics" : "Industries";
      List<Map<String, Object>> terms =
          site.catalog.of(kind).stream()
              .map(
                  l ->
                      Map.<String, Object>of(
                          "name", l.name(), "url", site.link(l.base()), "count", l.items().size()))
              .toList();
      return new Content(heading, null, Map.of("heading", heading, "terms", terms));
    }
  }

  /** The coach's page, from {@code archive/about.md} when there is one. */
  record AboutPage() implements PageKind {
    @Override
    public String path() {
      return "about/index.html";
    }

    @Override
    public String template() {
      return "site/about.ftlh";
    }

    @Override
    public Content content(Site site) {
      Path about = site.archive().root().resolve("about.md");
      String html = Files.isRegularFile(about) ? site.markdown.html(read(about)) : "";
      return Content.titled("About " + site.config.coach().name(), "aboutHtml", html);
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Every page for search engines, columns with the day they last changed. */
  record SitemapPage() implements PageKind {
    @Override
    public String path() {
      return "sitemap.xml";
    }

    @Override
    public String template() {
      return "site/sitemap.ftlx";
    }

    @Override
    public boolean indexesTheArchive() {
      return true;
    }

    @Override
    public Content content(Site site) {
      List<Map<String, String>> urls = new ArrayList<>();
      List<Summary> columns = site.catalog.columns;
      // A column's path is plain (digits, a slug, slashes): resolved against the base URL, it is
      // the base's folder and the path, so that folder is resolved once, not for every column.
      String folder = site.url(path()).substring(0, site.url(path()).length() - path().length());
      urls.add(
          Map.of(
              "loc",
              site.config.site().baseUrl().toString(),
              "lastmod",
              columns.isEmpty() ? "" : columns.get(0).date()));
      for (Summary s : columns) {
        urls.add(
            Map.of(
                "loc",
                folder + s.path(),
                "lastmod",
                s.corrected() == null ? s.date() : s.corrected()));
      }
      for (String page : List.of("archive/", "topics/", "industries/", "about/", "ask/")) {
        urls.add(Map.of("loc", site.url(page), "lastmod", ""));
      }
      return Content.titled("", "urls", urls);
    }
  }

  /**
   * A page whose template needs nothing but the site and the page's title: how to ask a question,
   * what a web server shows for a page that is not there, what crawlers may read.
   */
  record TitledPage(String path, String template, String title) implements PageKind {
    @Override
    public Content content(Site site) {
      return Content.titled(title);
    }
  }

  /** The site's stylesheet, copied as written: CSS is not a template. */
  record Stylesheet() implements PageKind {
    @Override
    public String path() {
      return "style.css";
    }

    @Override
    public String template() {
      return "site/style.css";
    }

    @Override
    public boolean copied() {
      return true;
    }

    @Override
    public Content content(Site site) {
      return Content.titled("");
    }
  }
}
