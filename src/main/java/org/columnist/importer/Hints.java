package org.columnist.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * What an input's metadata says about its column, apart from the text: a page's headline or {@code
 * <title>} (the site's name already cut), {@code <time>} or a meta tag's date, a mail's Subject and
 * Date, a WordPress post's fields. Each is null (or empty) when the input does not say; the text's
 * own dateline and headline come first where they exist.
 *
 * @param aliases old paths of the page on its site ({@code /2008/04/caught.html}), from a canonical
 *     link, a permalink or the saved location
 */
record Hints(String title, LocalDate date, String author, List<String> tags, List<String> aliases) {

  static final Hints NONE = new Hints(null, null, null, List.of(), List.of());

  Hints {
    tags = tags == null ? List.of() : List.copyOf(tags);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }
}
