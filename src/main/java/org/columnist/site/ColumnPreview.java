package org.columnist.site;

import java.util.List;
import java.util.Map;
import org.columnist.column.Column;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * A draft drawn as its published page would be, by the site's own templates, and the stylesheet
 * that page asks for, which whoever shows the preview serves beside it.
 */
public final class ColumnPreview {
  private final Pages pages;
  private final Templates templates;
  private final String stylesheetPath;
  private final PageKind.Stylesheet stylesheet = new PageKind.Stylesheet();

  public ColumnPreview(Config config) {
    this.templates = new Templates(config.paths().templates());
    this.stylesheetPath = Site.basePath(config) + stylesheet.path();
    this.pages = Pages.outsideBuild(config, templates, ReaderSide.NONE);
  }

  public String render(Column column) {
    Summary summary = Summary.of(column, "draft.md", 0, 0);
    Catalog catalog = new Catalog(List.of(summary));
    return pages.text(new ColumnPage(0, summary), pages.site(catalog, Map.of("draft.md", column)));
  }

  /** Where the preview's page links its stylesheet: the site's own address for it. */
  public String stylesheetPath() {
    return stylesheetPath;
  }

  /** The site's stylesheet, as written (the instance's own if it has one). */
  public byte[] stylesheet() {
    return templates.file(stylesheet.template());
  }
}
