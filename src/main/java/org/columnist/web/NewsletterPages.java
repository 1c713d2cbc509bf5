package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.newsletter.Roster;
import org.columnist.newsletter.Sends;
import org.columnist.newsletter.Subscribers.State;
import org.columnist.newsletter.Subscribers.Subscriber;
import org.columnist.queue.Mask;

/**
 * The editor's newsletter page: subscribers counted by state, each send with its progress, the
 * subscribers (masked as in the queue) and, on its own page, one subscriber's history with a button
 * to reactivate it.
 */
final class NewsletterPages {
  /** The most subscribers the page lists; {@code subscribers export} has them all. */
  private static final int SHOWN = 200;

  private final Roster roster;
  private final Sends sends;
  private final EditorView view;

  NewsletterPages(Roster roster, Sends sends, EditorView view) {
    this.roster = roster;
    this.sends = sends;
    this.view = view;
  }

  /**
   * A subscriber as a page shows it, the address masked unless revealed: a map, since the template
   * engine reads only public types.
   */
  static Map<String, Object> shown(Subscriber s, boolean reveal) {
    Map<String, Object> shown = new HashMap<>();
    shown.put("id", s.id());
    shown.put("address", reveal ? s.address() : Mask.address(s.address()));
    shown.put("state", s.state().id());
    shown.put("source", s.source());
    shown.put("since", s.confirmedAt() != null ? s.confirmedAt() : s.createdAt());
    if (s.suppressedReason() != null) {
      shown.put("why", reveal ? s.suppressedReason() : Mask.addressesIn(s.suppressedReason()));
    }
    shown.put("reactivatable", s.state() == State.SUPPRESSED);
    return shown;
  }

  void newsletterPage(Context ctx) {
    boolean reveal = "1".equals(ctx.queryParam("reveal"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    roster.counts().forEach((state, n) -> counts.put(state.id(), n));
    List<Map<String, Object>> subscribers =
        roster.list(Optional.empty(), SHOWN).stream().map(s -> shown(s, reveal)).toList();
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    view.page(
        ctx,
        "newsletter",
        Map.of(
            "counts", counts,
            "sends", sends.all(),
            "subscribers", subscribers,
            "more", Math.max(0, total - subscribers.size()),
            "reveal", reveal));
  }

  void subscriberPage(Context ctx) {
    Optional<Subscriber> found = subscriber(ctx);
    if (found.isEmpty()) {
      return;
    }
    long id = found.get().id();
    boolean reveal = "1".equals(ctx.queryParam("reveal"));
    view.page(
        ctx,
        "subscriber",
        Map.of(
            "subscriber", shown(found.get(), reveal),
            "history", roster.history(id),
            "reveal", reveal));
  }

  void reactivate(Context ctx) {
    Optional<Subscriber> found = subscriber(ctx);
    if (found.isEmpty()) {
      return;
    }
    long id = found.get().id();
    String reason = Input.required(ctx, "reason", Input.NOTE);
    try {
      roster.reactivate(found.get().address(), reason);
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT);
      view.problem(ctx, "Subscriber #" + id + " was not reactivated: " + e.getMessage());
      return;
    }
    EditorView.flash(ctx, "Subscriber #" + id + " is confirmed again.");
    ctx.redirect("/subscribers/" + id);
  }

  /** The subscriber of the path's {@code id}; when there is none, the page says so (404). */
  private Optional<Subscriber> subscriber(Context ctx) {
    long id = Input.id(ctx, "id");
    Optional<Subscriber> found = roster.byId(id);
    if (found.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      view.problem(ctx, "There is no subscriber #" + id + ".");
    }
    return found;
  }
}
