package org.columnist.site;

import java.util.List;
import java.util.Map;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/** A draft drawn as its published page would be, by the site's own templates. */
public final class ColumnPreview {
  private final Pages pages;

  public ColumnPreview(Config config) {
    Templates templates = new Templates(config.paths().templates());
    this.pages =
        new Pages(config, templates, new Archive(config.paths().archive()), slug -> List.of());
  }

  public String render(Column column) {
    Summary summary = Summary.of(column, "draft.md", 0, 0);
    Catalog catalog = new Catalog(List.of(summary));
    return pages.text(new ColumnPage(0, summary), pages.site(catalog, Map.of("draft.md", column)));
  }
}
