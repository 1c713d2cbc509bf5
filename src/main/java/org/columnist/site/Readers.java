package org.columnist.site;

import java.util.List;

/**
 * What readers added to one column's page, from the database: the approved responses (each with the
 * coach's reply, if any), whether the column still takes responses, how many readers found it
 * helpful (0 when fewer than {@code votes.show_from} did, so the page says nothing), and the tokens
 * its forms carry.
 *
 * @param responseToken the token of the response form, or "" where the column takes none
 * @param voteToken the token of the "Was this helpful?" buttons
 */
public record Readers(
    List<Response> responses, boolean open, long helpful, String responseToken, String voteToken) {

  /** An approved response: the name shown, when, the Markdown as written, and the coach's reply. */
  public record Response(long id, String name, String at, String markdown, String reply) {}

  /** A page with nothing from readers and no forms (a site built without a database). */
  public static final Readers NONE = new Readers(List.of(), false, 0, "", "");
}
