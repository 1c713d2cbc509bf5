package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.columnist.ColumnistException;
import org.columnist.column.PrivacyCheck;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
import org.columnist.queue.State;
import org.columnist.queue.Transition;

/**
 * What the coach does to a question from the editor ({@code POST /questions/{id}/{action}}): each
 * action is the queue's, which says what is allowed; this says what the coach sees next.
 */
final class QuestionActions {
  /** After these the coach goes on working on the draft; after the others, on the question. */
  private static final Set<String> TO_THE_DRAFT =
      Set.of("review", "schedule", "publish", "republish");

  /** The actions that cannot be undone, which the coach confirms. */
  private static final Set<String> CONFIRMED = Set.of("decline", "spam");

  /** The actions other than accept, which starts the draft. */
  static final Set<String> MOVES =
      Set.of(
          "decline",
          "spam",
          "withdraw",
          "review",
          "notice",
          "merge",
          "schedule",
          "publish",
          "republish");

  private final Queue queue;
  private final EditorView view;
  private final ZoneId timeZone;
  private final Consumer<List<Path>> afterPublish;

  QuestionActions(
      Queue queue, EditorView view, ZoneId timeZone, Consumer<List<Path>> afterPublish) {
    this.queue = queue;
    this.view = view;
    this.timeZone = timeZone;
    this.afterPublish = afterPublish;
  }

  /** The action, with what a form sends with it (read before the action, so checked for all). */
  private record Act(long id, String actor, String note, String override) {}

  void act(Context ctx) {
    long id = Input.id(ctx, "id");
    String action = ctx.pathParam("action");
    if (action.equals("accept")) {
      queue.accept(id, EditorSecurity.actor(ctx));
      ctx.redirect("/drafts/" + id);
      return;
    }
    if (!MOVES.contains(action)) {
      ctx.status(HttpStatus.NOT_FOUND);
      view.problem(ctx, "There is no action '" + Input.shorten(action) + "' for a question.");
      return;
    }
    try {
      EditorView.flash(ctx, perform(ctx, id, action));
    } catch (Publisher.PrivacyBlockedException e) {
      refused(ctx, id, action, e);
      return;
    }
    ctx.redirect((TO_THE_DRAFT.contains(action) ? "/drafts/" : "/questions/") + id);
  }

  /**
   * Does {@code action} (one of {@link #MOVES}) to question {@code id} with what the form sent;
   * returns what to tell the coach. The draft page calls it too, once it has saved the text.
   */
  String perform(Context ctx, long id, String action) {
    Act act =
        new Act(
            id,
            EditorSecurity.actor(ctx),
            Input.optional(ctx, "note", Input.NOTE),
            Input.optional(ctx, "override", Input.NOTE));
    // Asked without a script: the form's box must be ticked, and is checked here too.
    if (CONFIRMED.contains(action) && !"on".equals(ctx.formParam("confirm"))) {
      throw new BadInput("Tick the box to confirm: " + action + " cannot be undone.");
    }
    return switch (action) {
      case "decline" -> {
        queue.decline(id, act.actor(), act.note(), "on".equals(ctx.formParam("reply")));
        yield "Question " + id + " declined.";
      }
      case "spam", "withdraw", "review" -> move(act, action);
      case "notice" -> notice(ctx, act);
      case "merge" -> {
        queue.merge(id, Input.number(ctx, "into"), act.actor());
        yield "Question " + id + " merged.";
      }
      case "schedule" -> schedule(ctx, act);
      case "publish", "republish" -> publish(act, action);
      default -> throw new IllegalArgumentException("no action " + action);
    };
  }

  private String move(Act act, String action) {
    Transition transition = Transition.valueOf(action.toUpperCase(Locale.ROOT));
    queue.move(act.id(), transition, act.actor(), act.note());
    return "Question " + act.id() + " is now " + State.wordFor(transition.to()) + ".";
  }

  private String notice(Context ctx, Act act) {
    boolean tell = "on".equals(Input.choice(ctx, "tell", List.of("on", "off")));
    queue.tellReader(act.id(), tell, act.actor());
    return "The reader "
        + (tell ? "will" : "will not")
        + " be told when question "
        + act.id()
        + " is published.";
  }

  private String schedule(Context ctx, Act act) {
    LocalDateTime at;
    try {
      at = LocalDateTime.parse(Input.required(ctx, "at", 40));
    } catch (DateTimeParseException e) {
      throw new ColumnistException("Give the time as a date and time, like 2026-12-01T07:00.");
    }
    Instant when = queue.schedule(act.id(), at, act.actor(), act.override());
    return "Scheduled for " + view.times().full(when) + " (" + timeZone + ").";
  }

  /**
   * The privacy check's refusal in the editor's terms: what it found, the way back to the draft,
   * and the same action again with the reason to go on (the CLI's message names its flag instead).
   */
  void refused(Context ctx, long id, String action, Publisher.PrivacyBlockedException e) {
    ctx.status(HttpStatus.CONFLICT);
    String at = action.equals("schedule") ? Input.optional(ctx, "at", 40) : null;
    view.page(
        ctx,
        "privacy",
        Map.of(
            "id",
            id,
            "action",
            action,
            "at",
            at == null ? "" : at,
            "findings",
            e.findings().stream().map(PrivacyCheck.Finding::toString).toList(),
            "heading",
            action.equals("schedule") ? "Not scheduled" : "Not published",
            "button",
            switch (action) {
              case "schedule" -> "Schedule with this reason";
              case "republish" -> "Publish the correction with this reason";
              default -> "Publish with this reason";
            }));
  }

  private String publish(Act act, String action) {
    Publisher.Published p =
        action.equals("publish")
            ? queue.publish(act.id(), act.actor(), act.override())
            : queue.republish(act.id(), act.actor(), act.override());
    afterPublish.accept(List.of(p.path()));
    return "Published: " + p.url();
  }
}
