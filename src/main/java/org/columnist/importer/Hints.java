package org.columnist.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * What an input's metadata says about its column, apart from the text: a page's headline or {@code
 * <title>} (the site's name already cut), {@code <time>} or a meta tag's date, a mail's Subject, a
 * WordPress post's fields. Each is null (or empty) when the input does not say.
 *
 * @param title the headline, which {@link Layout} takes over a first line of the text
 * @param date the publication date the metadata states (WordPress, {@code <time>}, a meta tag),
 *     which wins over a dateline in the text
 * @param sent when a mail was sent: the date only when the text has no dateline
 * @param aliases old paths of the page on its site ({@code /2008/04/caught.html}), from a canonical
 *     link, a permalink or the saved location
 */
record Hints(
    String title,
    LocalDate date,
    LocalDate sent,
    String author,
    List<String> tags,
    List<String> aliases) {

  static final Hints NONE = new Hints(null, null, null, null, List.of(), List.of());

  Hints {
    tags = tags == null ? List.of() : List.copyOf(tags);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}
