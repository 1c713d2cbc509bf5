package org.columnist.site;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.column.Slug;
import org.columnist.config.Config;
import org.commonmark.node.Node;

/**
 * What every page kind draws on while one build renders: the settings, the catalog of columns, the
 * columns already read, and the pieces of model that several pages show alike (a link to a column,
 * a list item, topic links, dates, addresses on the site). Those pieces are made once per build and
 * shared: a column's list item shows on five or more list pages, a topic's link on every page of a
 * column that has the topic.
 */
final class Site {
  private static final Map<Section, String> SECTION_IDS = new EnumMap<>(Section.class);

  static {
    for (Section section : Section.values()) {
      SECTION_IDS.put(section, Slug.fromTitle(section.heading()));
    }
  }

  final Config config;
  final Catalog catalog;
  final DateDisplay dates;
  final Markdown markdown;
  final Function<String, List<SiteBuilder.Related>> related;
  final ReaderSide readers;
  private final Archive archive;
  private final Map<String, Column> parsed;

  /** The sections of the columns read in this build, rendered as they were read. */
  private final Map<Column, List<Map<String, String>>> rendered = new IdentityHashMap<>();

  private final String basePath;
  private final Map<String, Object> model;
  private final Map<String, Map<String, String>> topics = new ConcurrentHashMap<>();

  /** The list item of each column, by its source: templates only read them. */
  private final Map<String, Map<String, Object>> items = new ConcurrentHashMap<>();

  Site(
      Config config,
      Archive archive,
      Function<String, List<SiteBuilder.Related>> related,
      ReaderSide readers,
      Catalog catalog,
      Map<String, Column> parsed,
      Map<String, List<Map<String, String>>> sections) {
    this.config = config;
    this.archive = archive;
    this.related = related;
    this.readers = readers;
    this.catalog = catalog;
    this.parsed = parsed;
    this.dates = new DateDisplay(config.site().language());
    this.markdown = new Markdown(config.site());
    this.basePath = basePath(config);
    this.model = siteModel();
    // Filled here and only read while pages render: an IdentityHashMap is safe to share then.
    sections.forEach((source, html) -> rendered.put(parsed.get(source), html));
  }

  /** A column's sections as {@link #sections(Column)} has them, and its question's excerpt. */
  record Read(List<Map<String, String>> sections, String excerpt) {}

  /** What a build makes of {@code c} as it reads it: the question is parsed once for both. */
  static Read read(Markdown markdown, Column c) {
    Node question = Markdown.parse(c.question());
    String excerpt = Markdown.excerpt(question, Summary.EXCERPT); // before html changes it
    return new Read(sections(markdown, c, question), excerpt);
  }

  /** The path of the site's root on its host: "/" or, say, "/column/". */
  static String basePath(Config config) {
    return config.site().baseUrl().getPath().isEmpty() ? "/" : config.site().baseUrl().getPath();
  }

  /** {@code path} (relative to the site's root) as a link on the site. */
  String link(String path) {
    return basePath + path;
  }

  /** {@code path} (relative to the site's root) as a full URL. */
  String url(String path) {
    return config.site().baseUrl().resolve(path).toString();
  }

  /** The column {@code s} summarizes: read in this build already, or from the archive now. */
  Column column(Summary s) {
    Column column = parsed.get(s.source());
    return column != null ? column : archive.read(archive.root().resolve(s.source()));
  }

  Archive archive() {
    return archive;
  }

  /** What the templates know of the site itself, as {@code site}. */
  Map<String, Object> model() {
    return model;
  }

  private Map<String, Object> siteModel() {
    Map<String, Object> site = new HashMap<>();
    site.put("title", config.site().title());
    site.put("base_url", config.site().baseUrl().toString());
    site.put("base_path", basePath);
    site.put("language", config.site().language());
    site.put("address", config.column().address());
    site.put("coach", Map.of("name", config.coach().name(), "bio", config.coach().bio()));
    // The tokens of the forms on every page; "" in a site built without a database.
    site.put(
        "forms",
        Map.of("subscribe", readers.pageToken("subscribe"), "ask", readers.pageToken("ask")));
    return site;
  }

  /** A link to the column {@code s} (null for none): its title, address and date. */
  Map<String, Object> linkTo(Summary s) {
    return s == null
        ? null
        : Map.of(
            "title",
            s.title(),
            "url",
            link(s.path()),
            "date_display",
            dates.day(LocalDate.parse(s.date())));
  }

  /** The column {@code s} as an item of a list page. */
  Map<String, Object> item(Summary s) {
    return items.computeIfAbsent(s.source(), source -> newItem(s));
  }

  private Map<String, Object> newItem(Summary s) {
    Map<String, Object> m = new HashMap<>(linkTo(s));
    m.put("excerpt", s.excerpt());
    m.put("issue", nz(s.issue()));
    m.put("date", s.date());
    m.put("tags", tags(s.tags()));
    return m;
  }

  /** Each topic with the link to its page. */
  List<Map<String, String>> tags(List<String> tags) {
    List<Map<String, String>> links = new ArrayList<>(tags.size());
    for (String tag : tags) {
      links.add(
          topics.computeIfAbsent(
              tag, t -> Map.of("name", t, "url", link("topics/" + Slug.fromTitle(t) + "/"))));
    }
    return links;
  }

  /** The non-empty sections of {@code c} with their headings, as HTML. */
  List<Map<String, String>> sections(Column c) {
    List<Map<String, String>> known = rendered.get(c);
    return known != null ? known : sections(markdown, c, null);
  }

  /** The same with {@code question}, when not null, the parsed question of {@code c}. */
  private static List<Map<String, String>> sections(Markdown markdown, Column c, Node question) {
    List<Map<String, String>> sections = new ArrayList<>();
    for (Section section : Section.values()) {
      String text = c.section(section);
      if (!text.isBlank()) {
        sections.add(
            Map.of(
                "heading",
                section.heading(),
                "id",
                SECTION_IDS.get(section),
                "html",
                section == Section.QUESTION && question != null
                    ? markdown.html(question)
                    : markdown.html(text)));
      }
    }
    return sections;
  }

  /** The start of {@code date} in the site's time zone, as feeds want it. */
  String timestamp(LocalDate date) {
    return ZonedDateTime.of(date.atStartOfDay(), config.site().timeZone())
        .toOffsetDateTime()
        .toString();
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
