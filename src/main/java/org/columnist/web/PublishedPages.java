package org.columnist.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.columnist.Counted;
import org.columnist.queue.Corrections;
import org.columnist.queue.Queue;

/**
 * The editor's "Published" page: every column in the archive, newest first, found by title or slug,
 * a page at a time; and the way into a correction of any of them, published from the queue or not.
 */
final class PublishedPages {
  /** Columns on one page of the list. */
  static final int PER_PAGE = 50;

  private final Queue queue;
  private final EditorView view;

  PublishedPages(Queue queue, EditorView view) {
    this.queue = queue;
    this.view = view;
  }

  void publishedPage(Context ctx) {
    String search = ctx.queryParam("q") == null ? "" : Input.shorten(ctx.queryParam("q").strip());
    String needle = search.toLowerCase(Locale.ROOT);
    List<Corrections.Listed> found =
        queue.corrections().list().stream()
            .filter(c -> (c.title() + " " + c.slug()).toLowerCase(Locale.ROOT).contains(needle))
            .toList();
    int pages = Math.max(1, (found.size() + PER_PAGE - 1) / PER_PAGE);
    int page = Math.min(Input.page(ctx), pages);
    Map<String, Object> model = new HashMap<>();
    model.put(
        "items", found.subList((page - 1) * PER_PAGE, Math.min(found.size(), page * PER_PAGE)));
    model.put("total", found.size());
    model.put("found", Counted.of(found.size(), "column"));
    model.put("q", search);
    model.put("page", page);
    model.put("pages", pages);
    view.page(ctx, "published", model);
  }

  /** Opens the draft that corrects the column in the form's {@code file}, made if need be. */
  void correct(Context ctx) {
    String file = Input.required(ctx, "file", 300);
    ctx.redirect("/drafts/" + queue.corrections().correct(file, EditorSecurity.actor(ctx)));
  }
}
