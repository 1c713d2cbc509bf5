package org.columnist.importer;

import java.util.List;
import org.columnist.column.Column;

/** What {@link Layout} made of one {@link Found}: a column, or the reason there is none. */
sealed interface Reading {

  /**
   * The column as read, its slug from its title (the importer makes it unique), and what a coach
   * should look at: a guessed part, a loose import, an author who is not the coach.
   *
   * @param author the byline, or null when the input names none
   */
  record Recognised(Column column, String author, List<Note> warnings) implements Reading {
    public Recognised {
      warnings = List.copyOf(warnings);
    }
  }

  /** Why the text is not a column this importer can bring in. */
  record Unrecognised(Note reason) implements Reading {}
}
