package org.columnist.site;

import java.util.List;
import org.columnist.column.Column;

/**
 * What list pages, feeds and the sitemap need of a column, kept between builds so that an unchanged
 * archive file need not be read again.
 *
 * @param path the column's page, relative to the site root: {@code 2008/04/<slug>/}
 * @param aliases the column's old addresses, each a redirect page of the site
 * @param source the archive file, relative to the archive folder
 */
public record Summary(
    String title,
    String date,
    String corrected,
    String slug,
    String path,
    List<String> tags,
    List<String> aliases,
    String industry,
    String issue,
    String excerpt,
    String source,
    long size,
    long modified) {

  /** The length of an excerpt, cut at a word. */
  static final int EXCERPT = 220;

  /** The summary of {@code c}, read from {@code source} ({@code size} bytes, {@code modified}). */
  static Summary of(Column c, String source, long size, long modified) {
    return of(c, Markdown.excerpt(c.question(), EXCERPT), source, size, modified);
  }

  /** The same with the {@code excerpt} of {@code c}'s question already made. */
  static Summary of(Column c, String excerpt, String source, long size, long modified) {
    return new Summary(
        c.title(),
        c.date().toString(),
        c.corrected() == null ? null : c.corrected().toString(),
        c.slug(),
        c.path(),
        c.tags(),
        c.aliases(),
        c.client().industry(),
        c.client().issue(),
        excerpt,
        source,
        size,
        modified);
  }
}
