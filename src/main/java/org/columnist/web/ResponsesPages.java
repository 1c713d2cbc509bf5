package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.ColumnistException;
import org.columnist.column.PrivacyCheck;
import org.columnist.queue.Mask;
import org.columnist.responses.Moderation;
import org.columnist.responses.ResponseRow;
import org.columnist.responses.Responses;

/**
 * The editor's Responses page: the confirmed responses, waiting ones first, each with its column,
 * the writer's name and masked address, what the privacy check finds in it, and the buttons that
 * decide it, fix a typo in it or reply to it. Every change goes through {@link Moderation}.
 */
final class ResponsesPages {
  private static final List<String> ACTIONS = List.of("approve", "reject", "spam", "edit", "reply");

  private final Moderation moderation;
  private final EditorView view;

  ResponsesPages(Moderation moderation, EditorView view) {
    this.moderation = moderation;
    this.view = view;
  }

  void responsesPage(Context ctx) {
    List<Map<String, Object>> shown =
        moderation.list().stream().map(ResponsesPages::shown).toList();
    long pending = shown.stream().filter(r -> r.get("state").equals("pending")).count();
    view.page(ctx, "responses", Map.of("responses", shown, "pending", pending));
  }

  /** A response as the page shows it: a map, since the template engine reads only public types. */
  private static Map<String, Object> shown(ResponseRow r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("slug", r.slug());
    m.put("state", r.state());
    m.put("name", r.name());
    m.put("address", Mask.address(r.address()));
    m.put("body", r.body());
    m.put("notify", r.mailReply());
    m.put("at", r.confirmedAt());
    m.put("decided_by", r.decidedBy() == null ? "" : r.decidedBy());
    m.put("reply", r.reply() == null ? "" : r.reply());
    m.put(
        "findings",
        PrivacyCheck.inText(
                "the response", r.body(), new PrivacyCheck.Writer(r.address(), r.name()))
            .stream()
            .map(PrivacyCheck.Finding::toString)
            .toList());
    return m;
  }

  void act(Context ctx) {
    long id = Input.id(ctx, "id");
    String action = ctx.pathParam("action");
    if (!ACTIONS.contains(action)) {
      ctx.status(HttpStatus.NOT_FOUND);
      view.problem(ctx, "There is no action '" + Input.shorten(action) + "' for a response.");
      return;
    }
    String actor = EditorSecurity.actor(ctx);
    try {
      switch (action) {
        case "approve" -> moderation.decide(id, Moderation.Decision.APPROVE, actor);
        case "reject" -> moderation.decide(id, Moderation.Decision.REJECT, actor);
        case "spam" -> moderation.decide(id, Moderation.Decision.SPAM, actor);
        case "edit" -> moderation.edit(id, Input.required(ctx, "body", Responses.MAX_TEXT));
        default -> moderation.reply(id, reply(ctx), actor);
      }
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT);
      view.problem(ctx, "Response #" + id + " was not changed: " + e.getMessage());
      return;
    }
    EditorView.flash(ctx, "Response #" + id + ": " + DONE.get(action) + ".");
    ctx.redirect("/responses#response-" + id);
  }

  private static final Map<String, String> DONE =
      Map.of(
          "approve", "approved, the column's page is updated",
          "reject", "rejected",
          "spam", "marked as spam",
          "edit", "text saved",
          "reply", "reply saved");

  private static String reply(Context ctx) {
    String reply = Input.optional(ctx, "reply", Moderation.MAX_REPLY);
    return reply == null ? "" : reply;
  }
}
