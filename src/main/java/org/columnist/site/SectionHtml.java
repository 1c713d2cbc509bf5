package org.columnist.site;

import org.columnist.config.Config;

/**
 * A column's Markdown section as the HTML the site renders it to (raw HTML escaped, only http,
 * https and mailto links, remote images as links), for mail that shows a column outside the site.
 */
public final class SectionHtml {
  private final Markdown markdown;

  public SectionHtml(Config.Site site) {
    this.markdown = new Markdown(site);
  }

  /** The HTML of {@code markdown}. */
  public String of(String markdown) {
    return this.markdown.html(markdown);
  }
}
