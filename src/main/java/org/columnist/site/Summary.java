package org.columnist.site;

import java.util.List;

/**
 * What list pages, feeds and the sitemap need of a column, kept between builds so that an unchanged
 * archive file need not be read again.
 *
 * @param path the column's page, relative to the site root: {@code 2008/04/<slug>/}
 * @param source the archive file, relative to the archive folder
 */
public record Summary(
    String title,
    String date,
    String corrected,
    String slug,
    String path,
    List<String> tags,
    String industry,
    String issue,
    String excerpt,
    String source,
    long size,
    long modified) {}
