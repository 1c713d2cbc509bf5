package org.columnist.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Slug;

/**
 * The page of one column, the {@code index}th in site order: all of it, its neighbours, related.
 */
record ColumnPage(int index, Summary summary) implements PageKind {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The output file of the page of the column {@code s} summarizes. */
  static String file(Summary s) {
    return s.path() + "index.html";
  }

  @Override
  public String path() {
    return file(summary);
  }

  @Override
  public String template() {
    return "site/column.ftlh";
  }

  @Override
  public String describe() {
    return path() + " (column " + summary.source() + ")";
  }

  @Override
  public Content content(Site site) {
    Column column = site.column(summary);
    Map<String, Object> model = new HashMap<>();
    model.put("column", column(site, column));
    model.put("newer", site.linkTo(site.catalog.newer(index)));
    model.put("older", site.linkTo(site.catalog.older(index)));
    model.put("jsonLd", jsonLd(site, column));
    model.put(
        "related",
        site.related.apply(column.slug()).stream()
            .map(r -> Map.of("title", r.title(), "url", site.link(r.path())))
            .toList());
    model.put("readers", readers(site, column));
    return new Content(column.title(), summary.excerpt(), model);
  }

  private Map<String, Object> column(Site site, Column c) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", c.title());
    m.put("slug", c.slug());
    m.put("date", c.date().toString());
    m.put("date_display", site.dates.day(c.date()));
    m.put("corrected", c.corrected() == null ? "" : c.corrected().toString());
    m.put("corrected_display", c.corrected() == null ? "" : site.dates.day(c.corrected()));
    m.put("url", site.url(summary.path()));
    m.put("client", client(site, c.client()));
    m.put("tags", site.tags(c.tags()));
    m.put("sections", site.sections(c));
    return m;
  }

  /** What readers added: the approved responses as safe HTML, and the form's state. */
  private static Map<String, Object> readers(Site site, Column c) {
    Readers r = site.readers.column(c.slug(), c.date());
    Map<String, Object> m = new HashMap<>();
    // A site built without a database has no responses to show and no form to offer.
    m.put("shown", !r.equals(Readers.NONE));
    m.put("open", r.open());
    m.put("slug", c.slug());
    m.put("responseToken", r.responseToken());
    m.put("voteToken", r.voteToken());
    m.put("helpful", r.helpful());
    m.put(
        "responses",
        r.responses().stream()
            .map(
                x ->
                    Map.of(
                        "id", x.id(),
                        "name", x.name(),
                        "date", x.at(),
                        "date_display", site.dates.day(LocalDate.parse(x.at())),
                        "html", Markdown.readerHtml(x.markdown()),
                        "reply_html", x.reply() == null ? "" : Markdown.readerHtml(x.reply())))
            .toList());
    return m;
  }

  private static Map<String, Object> client(Site site, ClientProfile p) {
    Map<String, Object> client = new HashMap<>();
    client.put("name", Site.nz(p.name()));
    client.put("age", p.age() == null ? "" : p.age().toString());
    client.put("title", Site.nz(p.title()));
    client.put("years_at_company", p.yearsAtCompany() == null ? "" : p.yearsAtCompany().toString());
    client.put("years_in_role", p.yearsInRole() == null ? "" : p.yearsInRole().toString());
    client.put("industry", Site.nz(p.industry()));
    client.put(
        "industry_url",
        p.industry() == null ? "" : site.link("industries/" + Slug.fromTitle(p.industry()) + "/"));
    client.put("issue", Site.nz(p.issue()));
    return client;
  }

  /** The schema.org Article that search engines read. */
  private String jsonLd(Site site, Column c) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Article");
    ld.put("headline", c.title());
    ld.put("description", summary.excerpt());
    ld.put("datePublished", c.date().toString());
    ld.put("dateModified", (c.corrected() == null ? c.date() : c.corrected()).toString());
    ld.put("author", ordered("@type", "Person", "name", site.config.coach().name()));
    ld.put(
        "publisher",
        ordered(
            "@type",
            "Organization",
            "name",
            site.config.site().title(),
            "url",
            site.config.site().baseUrl().toString()));
    ld.put("mainEntityOfPage", site.url(summary.path()));
    ld.put("keywords", String.join(", ", c.tags()));
    ld.put("inLanguage", site.config.site().language());
    try {
      // Inside <script>, "</" would end the element: escape every "<".
      return JSON.writeValueAsString(ld).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A map that keeps the order of its {@code keysAndValues}: {@code Map.of} iterates in an order
   * that changes from one run to the next, which made the same page differ between builds.
   */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
