package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.column.PrivacyCheck;
import org.columnist.queue.Draft;
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

  DraftPages(
      Queue queue,
      EditorView view,
      EditorSecurity security,
      ColumnPreview preview,
      ZoneId timeZone) {
    this.queue = queue;
    this.view = view;
    this.security = security;
    this.preview = preview;
    this.timeZone = timeZone;
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
        rescued.isPresent() ? "Your unsaved text is back; save it when you are ready." : "");
  }

  private void draftView(
      Context ctx,
      long id,
      int version,
      Map<String, String> form,
      List<String> problems,
      String notice) {
    Queue.Details d = queue.show(id);
    Map<String, Object> model = new HashMap<>();
    model.put("id", id);
    model.put("version", version);
    model.put("state", d.state());
    model.put("state_word", State.wordFor(d.state()));
    model.put("f", form);
    model.put("problems", problems);
    model.put("findings", findings(form, d));
    model.put("notice", notice);
    model.put("allowed", Transition.allowedVerbs(d.state()));
    model.put("time_zone", timeZone.toString());
    view.page(ctx, "draft", model);
  }

  private static List<String> findings(Map<String, String> form, Queue.Details d) {
    try {
      return PrivacyCheck.findings(DraftForm.column(form), d.senderAddress(), d.senderName())
          .stream()
          .map(PrivacyCheck.Finding::toString)
          .toList();
    } catch (RuntimeException e) {
      // an invalid form has no findings to show yet; its problems are shown instead
      return List.of();
    }
  }

  void saveDraft(Context ctx) {
    long id = Input.id(ctx, "id");
    Map<String, String> form = DraftForm.fieldsOf(Input.fields(ctx));
    int version = Input.version(ctx);
    try {
      int saved = queue.drafts().save(id, DraftForm.text(form), EditorSecurity.actor(ctx), version);
      EditorView.flash(
          ctx, saved == version ? "No changes to save." : "Saved as version " + saved + ".");
      ctx.redirect("/drafts/" + id);
    } catch (InvalidFileException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      draftView(ctx, id, version, form, messages(e), "");
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT);
      draftView(ctx, id, version, form, List.of(e.getMessage()), "");
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
      ctx.json(Map.of("version", saved));
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
