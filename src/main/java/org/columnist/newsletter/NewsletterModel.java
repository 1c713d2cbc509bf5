package org.columnist.newsletter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.site.SectionHtml;

/**
 * What {@code templates/mail/column.ftl} and {@code column.ftlh} see besides site, coach and
 * column: {@code published} (the whole column: title, url, date, tags, client, sections) and {@code
 * unsubscribe_url}.
 */
final class NewsletterModel {
  private NewsletterModel() {}

  static Map<String, Object> of(
      Column column, String url, String unsubscribeUrl, SectionHtml html) {
    List<Map<String, String>> sections = new ArrayList<>();
    Map<String, Object> published = new HashMap<>();
    for (Section section : Section.values()) {
      String text = column.section(section);
      Map<String, String> part =
          Map.of("heading", section.heading(), "text", text, "html", html.of(text));
      published.put(section.name().toLowerCase(java.util.Locale.ROOT), part);
      if (!text.isEmpty()) {
        sections.add(part);
      }
    }
    published.put("title", column.title());
    published.put("url", url);
    published.put("date", column.date().toString());
    published.put("tags", column.tags());
    published.put("client", client(column.client()));
    published.put("sections", sections);
    return Map.of("published", published, "unsubscribe_url", unsubscribeUrl);
  }

  /** The client's profile; a field the column leaves out is absent. */
  private static Map<String, Object> client(ClientProfile c) {
    Map<String, Object> m = new HashMap<>();
    put(m, "name", c.name());
    put(m, "age", c.age());
    put(m, "title", c.title());
    put(m, "years_at_company", c.yearsAtCompany());
    put(m, "years_in_role", c.yearsInRole());
    put(m, "industry", c.industry());
    put(m, "issue", c.issue());
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
