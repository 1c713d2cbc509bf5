package org.columnist.search;

import java.util.List;

/**
 * One matching column. {@code path} is relative to the site root ({@code 2008/04/slug/}); {@code
 * snippet} is HTML: the matching passage, escaped, with {@code <mark>} around the terms.
 */
public record Hit(
    String slug,
    String title,
    String path,
    String date,
    String issue,
    List<String> tags,
    String snippet) {}
