package org.columnist.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a saved page's markup says about its column, apart from the text: the headline, the date it
 * was published, the author, the tags and its old paths on the site. Read from the page before the
 * article is extracted, because the extraction takes the page apart.
 */
final class PageMetadata {
  private static final String[] DATE_METAS = {
    "meta[property=article:published_time]",
    "meta[itemprop=datePublished]",
    "meta[name=date]",
    "meta[name=DC.date.issued]",
    "meta[name=DC.date]",
    "meta[name=dcterms.date]",
    "meta[name=pubdate]",
    "meta[name=publish-date]",
  };
  private static final Pattern JSON_LD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");
  // Where a <time> or a byline belongs to something other than the column.
  private static final String ELSEWHERE =
      "aside, nav, footer, [id~=(?i)comment|sidebar|related], "
          + "[class~=(?i)comment|sidebar|related|most-read]";
  private static final Pattern BY = Pattern.compile("(?i)^\\s*(?:posted\\s+)?by\\s+");

  private PageMetadata() {}

  /**
   * The page's hints. {@code location} is where the page lived (an mhtml's Content-Location or the
   * browser's "saved from" note), or null.
   */
  static Hints of(Document page, String location, List<String> dropped) {
    return new Hints(
        PageTitle.of(page),
        date(page),
        null,
        author(page),
        tags(page),
        OldPaths.of(page, location, dropped));
  }

  private static LocalDate date(Document page) {
    for (String query : DATE_METAS) {
      LocalDate date = PageDate.parse(page.select(query).attr("content"));
      if (date != null) {
        return date;
      }
    }
    for (Element script : page.select("script[type=application/ld+json]")) {
      Matcher m = JSON_LD_DATE.matcher(script.data());
      if (m.find() && PageDate.parse(m.group(1)) != null) {
        return PageDate.parse(m.group(1));
      }
    }
    for (Element time : page.select("time[datetime]")) {
      LocalDate date = PageDate.parse(time.attr("datetime"));
      if (date != null && (time.hasAttr("pubdate") || time.closest(ELSEWHERE) == null)) {
        return date;
      }
    }
    return null;
  }

  private static String author(Document page) {
    String meta = page.select("meta[name=author]").attr("content").strip();
    if (!meta.isEmpty()) {
      return meta;
    }
    for (Element byline :
        page.select("[rel=author], [itemprop=author], .byline, .author, p:matches(^By [A-Z])")) {
      String name = BY.matcher(byline.text()).replaceFirst("").replaceFirst(",.*", "").strip();
      if (!name.isEmpty() && name.length() < 80 && byline.closest(ELSEWHERE) == null) {
        return name;
      }
    }
    return null;
  }

  private static List<String> tags(Document page) {
    Set<String> tags = new LinkedHashSet<>();
    for (String keyword : page.select("meta[name=keywords]").attr("content").split(",")) {
      tags.add(keyword.strip().toLowerCase(Locale.ROOT));
    }
    for (Element tag : page.select("meta[property=article:tag]")) {
      tags.add(tag.attr("content").strip().toLowerCase(Locale.ROOT));
    }
    tags.remove("");
    return new ArrayList<>(tags);
  }
}
