package org.columnist.web;

import io.javalin.http.Context;
import java.util.Map;
import org.columnist.responses.Helpfulness;

/**
 * The editor's "Helpful" page: the columns by how many readers found them helpful (yes, no and the
 * share of yes), and what readers who said "no" thought was missing, newest first.
 */
final class HelpfulPages {
  private final Helpfulness helpfulness;
  private final EditorView view;

  HelpfulPages(Helpfulness helpfulness, EditorView view) {
    this.helpfulness = helpfulness;
    this.view = view;
  }

  void helpfulPage(Context ctx) {
    view.page(
        ctx, "helpful", Map.of("columns", helpfulness.columns(), "missing", helpfulness.missing()));
  }
}
