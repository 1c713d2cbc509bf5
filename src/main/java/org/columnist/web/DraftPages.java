package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.column.PrivacyCheck;
import org.columnist.queue.Draft;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
import org.columnist.queue.State;
import org.columnist.queue.Transition;
import org.columnist.site.ColumnPreview;

/**
 * The draft editor: starting a column, its form with what the privacy check finds, saving (by the
 * form, or by the page's script as JSON), the live preview drawn by the site's templates, and the
 * history of its versions.
 */
final class DraftPages {
  private final Queue queue;
  private final EditorView view;
  private final EditorSecurity security;
  private final ColumnPreview preview;
  private final ZoneId timeZone;
  private final QuestionActions actions;
  private final Clock clock;

  /** What the draft form's buttons do, each once the text is saved. */
  private static final List<String> ACTIONS =
      List.of("save", "review", "schedule", "publish", "republish");

  DraftPages(
      Queue queue,
      EditorView view,
      EditorSecurity security,
      ColumnPreview preview,
      ZoneId timeZone,
      QuestionActions actions,
      Clock clock) {
    this.queue = queue;
    this.view = view;
    this.security = security;
    this.preview = preview;
    this.timeZone = timeZone;
    this.actions = actions;
    this.clock = clock;
  }

  void draftNew(Context ctx) {
    ctx.redirect(
        "/drafts/"
            + queue
                .drafts()
                .start(Input.required(ctx, "title", DraftForm.LINE), EditorSecurity.actor(ctx)));
  }

  void draftPage(Context ctx) {
    long id = Input.id(ctx, "id");
    Draft draft = queue.drafts().latest(id);
    Map<String, String> form = DraftForm.fieldsOfText(draft.text(), "draft-" + id + ".md");
    // A form kept when the session ended, given back once the same user is logged in again.
    Optional<Map<String, String>> rescued = security.rescued(ctx, id);
    rescued.ifPresent(form::putAll);
    draftView(
        ctx,
        id,
        draft.version(),
        form,
        List.of(),
        rescued.isPresent() ? "Your unsaved text is back; save it when you are ready." : "",
        "");
  }

  /** "Saved 09:11" in the site's time zone, with the day when it was not today. */
  private String savedAt(long id) {
    ZonedDateTime at = Instant.parse(queue.drafts().latest(id).savedAt()).atZone(timeZone);
    boolean today = at.toLocalDate().equals(LocalDate.now(clock.withZone(timeZone)));
    return "Saved "
        + at.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "EEE d MMM, HH:mm", Locale.UK));
  }

  private void draftView(
      Context ctx,
      long id,
      int version,
      Map<String, String> form,
      List<String> problems,
      String notice,
      String refused) {
    Queue.Details d = queue.show(id);
    Map<String, Object> model = new HashMap<>();
    model.put("id", id);
    model.put("version", version);
    model.put("state", d.state());
    model.put("state_word", State.wordFor(d.state()));
    model.put("f", form);
    model.put("problems", problems);
    model.put("findings", findings(form, d));
    model.put("notice", notice.isEmpty() ? savedAt(id) : notice);
    model.put("refused", refused);
    model.put("allowed", Transition.allowedVerbs(d.state()));
    model.put("time_zone", timeZone.toString());
    view.page(ctx, "draft", model);
  }

  private static List<String> findings(Map<String, String> form, Queue.Details d) {
    try {
      return PrivacyCheck.findings(DraftForm.column(form), d.writer()).stream()
          .map(PrivacyCheck.Finding::toString)
          .toList();
    } catch (RuntimeException e) {
      // an invalid form has no findings to show yet; its problems are shown instead
      return List.of();
    }
  }

  /**
   * Every button of the draft form comes here: the text is saved first (a new version only when it
   * changed), then the button's action is done, so that nothing typed is lost to a transition.
   */
  void saveDraft(Context ctx) {
    long id = Input.id(ctx, "id");
    Map<String, String> form = DraftForm.fieldsOf(Input.fields(ctx));
    int version = Input.version(ctx);
    String action = ctx.formParam("action") == null ? "save" : Input.choice(ctx, "action", ACTIONS);
    int saved;
    try {
      saved = queue.drafts().save(id, DraftForm.text(form), EditorSecurity.actor(ctx), version);
    } catch (InvalidFileException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      draftView(ctx, id, version, form, messages(e), "", "");
      return;
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT);
      draftView(ctx, id, version, form, List.of(e.getMessage()), "", "");
      return;
    }
    String save = saved == version ? "No changes to save." : "Saved as version " + saved + ".";
    if (action.equals("save")) {
      EditorView.flash(ctx, save);
      ctx.redirect("/drafts/" + id);
      return;
    }
    try {
      String done = actions.perform(ctx, id, action);
      EditorView.flash(ctx, saved == version ? done : save + " " + done);
      ctx.redirect("/drafts/" + id);
    } catch (Publisher.PrivacyBlockedException e) {
      actions.refused(ctx, id, action, e);
    } catch (ColumnistException e) {
      // The text is saved; only the action was refused, and the page says why beside the text.
      ctx.status(HttpStatus.CONFLICT);
      draftView(ctx, id, saved, form, List.of(), "", e.getMessage());
    }
  }

  // Answers in JSON, problems included, for the page's script.
  void autosave(Context ctx) {
    long id = Input.id(ctx, "id");
    try {
      int saved =
          queue
              .drafts()
              .save(
                  id,
                  DraftForm.text(Input.fields(ctx)),
                  EditorSecurity.actor(ctx),
                  Input.version(ctx));
      ctx.json(Map.of("version", saved, "saved", savedAt(id)));
    } catch (InvalidFileException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("problems", messages(e)));
    } catch (BadInput e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("problems", List.of(e.getMessage())));
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT).json(Map.of("problems", List.of(e.getMessage())));
    }
  }

  private static List<String> messages(InvalidFileException e) {
    return e.problems().stream().map(Problem::message).toList();
  }

  // Shown in the draft page's own (sandboxed) frame, also when a browser without script posts the
  // form into it.
  void preview(Context ctx) {
    String stored = queue.drafts().latest(Input.id(ctx, "id")).text();
    EditorSecurity.framedByTheEditor(ctx);
    ctx.html(preview.render(DraftForm.columnOr(Input.fields(ctx), stored)));
  }

  /** The site's stylesheet, which the preview's page asks for at the site's address for it. */
  void stylesheet(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").result(preview.stylesheet());
  }

  void historyPage(Context ctx) {
    long id = Input.id(ctx, "id");
    queue.drafts().latest(id); // says so when there is no draft
    List<Map<String, Object>> items = new ArrayList<>();
    for (Draft v : queue.drafts().history(id)) {
      items.add(
          Map.of(
              "version",
              v.version(),
              "saved_by",
              v.savedBy(),
              "saved_at",
              view.times().full(v.savedAt()),
              "diff",
              v.version() > 1 ? queue.drafts().diff(id, v.version() - 1, v.version()) : ""));
    }
    Collections.reverse(items);
    view.page(ctx, "history", Map.of("id", id, "versions", items));
  }
}
