package org.columnist.site;

import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * Every page of the site for a catalog of columns, and the rendering of any page: its kind's model,
 * plus what every template gets ({@code site}, and {@code meta}: title, description, addresses).
 */
final class Pages {
  private final Config config;
  private final Templates templates;
  private final Archive archive;
  private final Function<String, List<SiteBuilder.Related>> related;
  private final ReaderSide readers;

  Pages(
      Config config,
      Templates templates,
      Archive archive,
      Function<String, List<SiteBuilder.Related>> related,
      ReaderSide readers) {
    this.config = config;
    this.templates = templates;
    this.archive = archive;
    this.related = related;
    this.readers = readers;
  }

  /**
   * For a page drawn outside a build (a search, a form's answer, a preview): no related columns,
   * and the forms' tokens from {@code readers}.
   */
  static Pages outsideBuild(Config config, Templates templates, ReaderSide readers) {
    return new Pages(
        config, templates, new Archive(config.paths().archive()), slug -> List.of(), readers);
  }

  /**
   * Every page the site has for {@code catalog}, by output path: the real pages, then a redirect at
   * each alias that {@link Aliases} finds room for, and {@code _redirects} listing them.
   */
  static Map<String, PageKind> all(Catalog catalog) {
    Map<String, PageKind> pages = real(catalog);
    Aliases.Placement placement = Aliases.place(pages, catalog.columns);
    placement.placed().forEach(page -> add(pages, page));
    add(pages, new RedirectsFile(placement.placed()));
    return pages;
  }

  /** Where the aliases of {@code catalog} go, and which have no room. */
  static Aliases.Placement place(Catalog catalog) {
    return Aliases.place(real(catalog), catalog.columns);
  }

  private static Map<String, PageKind> real(Catalog catalog) {
    Map<String, PageKind> pages = new LinkedHashMap<>();
    for (int i = 0; i < catalog.columns.size(); i++) {
      add(pages, new ColumnPage(i, catalog.columns.get(i)));
    }
    for (Catalog.Listing listing : catalog.listings.values()) {
      for (int n = 0; n <= listing.numbered(); n++) {
        add(pages, new ListPage(listing, n));
      }
      if (FeedPage.of(listing)) {
        add(pages, new FeedPage(listing));
      }
    }
    PageKind.FIXED.forEach(page -> add(pages, page));
    return pages;
  }

  private static void add(Map<String, PageKind> pages, PageKind page) {
    pages.put(page.path(), page);
  }

  /** What pages draw on while rendering {@code catalog}, with {@code parsed} the columns read. */
  Site site(Catalog catalog, Map<String, Column> parsed) {
    return site(catalog, parsed, Map.of(), readers);
  }

  /**
   * The same with the {@code sections} of columns already rendered, by source as {@code parsed},
   * and what readers added read by {@code forPages}.
   */
  Site site(
      Catalog catalog,
      Map<String, Column> parsed,
      Map<String, List<Map<String, String>>> sections,
      ReaderSide forPages) {
    return new Site(config, archive, related, forPages, catalog, parsed, sections);
  }

  /** The bytes of {@code page}. */
  byte[] render(PageKind page, Site site) {
    if (page.copied()) {
      return templates.file(page.template());
    }
    // Encoded as the template writes: a page built as one String and then encoded was held in
    // UTF-16 whole (one non-Latin-1 character does that) and copied twice more.
    Utf8Writer out = new Utf8Writer();
    draw(page, site, out);
    return out.toByteArray();
  }

  /** The text of a rendered {@code page}. */
  String text(PageKind page, Site site) {
    StringWriter out = new StringWriter();
    draw(page, site, out);
    return out.toString();
  }

  private void draw(PageKind page, Site site, Writer out) {
    PageKind.Content content = page.content(site);
    Map<String, Object> model = new HashMap<>(content.model());
    model.put("site", site.model());
    model.put("meta", meta(site, page, content));
    try {
      templates.render(page.template(), model, out);
    } catch (ColumnistException e) {
      throw new ColumnistException("cannot render " + page.describe() + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> meta(Site site, PageKind page, PageKind.Content content) {
    String path =
        page.path().endsWith("index.html")
            ? page.path().substring(0, page.path().length() - "index.html".length())
            : page.path();
    String description =
        content.description() == null ? config.coach().bio() : content.description();
    return Map.of(
        "title",
        content.title(),
        "description",
        description == null ? "" : description,
        "canonical",
        site.url(path),
        "path",
        site.link(path));
  }
}
