package org.columnist.web;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.columnist.ColumnistException;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.mail.MailLog;
import org.columnist.newsletter.Roster;
import org.columnist.newsletter.Sends;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Queue;
import org.columnist.responses.Helpfulness;
import org.columnist.responses.Moderation;
import org.columnist.site.ColumnPreview;
import org.columnist.store.Store;

/**
 * The coach's web editor: the queue, a question, the draft editor with a live preview drawn by the
 * site's templates, history, mail status. Every route but the login page needs a session; every
 * form carries the session's CSRF token; logins are throttled ({@link EditorSecurity}). This class
 * only wires the routes to the pages that answer them.
 */
public final class EditorServer implements AutoCloseable {
  /** Every route, for the server and for the test that checks that none is open to anyone. */
  static final List<String> ROUTES =
      List.of(
          "GET /",
          "GET /questions/{id}",
          "POST /questions/{id}/{action}",
          "POST /drafts/new",
          "GET /drafts/{id}",
          "POST /drafts/{id}",
          "POST /drafts/{id}/preview",
          "POST /drafts/{id}/autosave",
          "GET /drafts/{id}/history",
          "GET /published",
          "POST /published/correct",
          "GET /mail",
          "POST /outbox/{id}/retry",
          "GET /newsletter",
          "GET /subscribers/{id}",
          "POST /subscribers/{id}/reactivate",
          "GET /helpful",
          "GET /responses",
          "POST /responses/{id}/{action}",
          "POST /logout");

  /**
   * The largest request the editor takes: a draft form with every section at its longest, in the
   * worst URL encoding (up to 6 bytes for a character), and a little more.
   */
  static final long MAX_REQUEST = 5L * DraftForm.SECTION * 6 + 64 * 1024;

  private final Javalin app;

  /**
   * The editor over {@code queue}, {@code outbox} (whose mail it lists and retries) and the
   * newsletter's {@code subscribers}; {@code afterPublish} runs after each publication from the
   * editor, with the archive file it wrote, and after each moderation of a response, with none.
   */
  public EditorServer(
      Config config,
      Store store,
      Queue queue,
      Outbox outbox,
      Subscribers subscribers,
      Accounts accounts,
      Consumer<List<Path>> afterPublish,
      Clock clock) {
    this(config, store, queue, outbox, subscribers, accounts, afterPublish, clock, null);
  }

  /** With {@code health} (or null), which {@code GET /healthz} reports. */
  public EditorServer(
      Config config,
      Store store,
      Queue queue,
      Outbox outbox,
      Subscribers subscribers,
      Accounts accounts,
      Consumer<List<Path>> afterPublish,
      Clock clock,
      Health health) {
    EditorView view = new EditorView(config, clock);
    EditorSecurity security = new EditorSecurity(accounts, view, clock);
    ZoneId zone = config.site().timeZone();
    MailLog mailLog = new MailLog(store);
    this.app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.http.maxRequestSize = MAX_REQUEST;
            });
    app.before(security::guard);
    app.get("/login", security::loginPage);
    app.post("/login", security::login);
    app.get("/editor.css", ctx -> view.asset(ctx, "editor.css", "text/css; charset=utf-8"));
    app.get("/editor.js", ctx -> view.asset(ctx, "editor.js", "text/javascript; charset=utf-8"));
    app.get("/healthz", ctx -> ctx.json(health == null ? Map.of("status", "ok") : health.report()));
    app.post("/logout", security::logout);
    QuestionActions actions = new QuestionActions(queue, view, zone, afterPublish);
    routeQuestions(new QueuePages(queue, mailLog, view), actions);
    ColumnPreview preview = new ColumnPreview(config);
    DraftPages drafts = new DraftPages(queue, view, security, preview, zone, actions, clock);
    routeDrafts(drafts);
    // The preview is framed sandboxed, so without the session's cookie: the public stylesheet is
    // open to all, as it is on the site.
    app.get(preview.stylesheetPath(), drafts::stylesheet);
    security.openToAll(preview.stylesheetPath());
    PublishedPages published = new PublishedPages(queue, view);
    app.get("/published", published::publishedPage);
    app.post("/published/correct", published::correct);
    MailPages mail = new MailPages(mailLog, outbox, view);
    app.get("/mail", mail::mailPage);
    app.post("/outbox/{id}/retry", mail::retry);
    NewsletterPages newsletter =
        new NewsletterPages(new Roster(store, subscribers), new Sends(store, clock), view);
    app.get("/newsletter", newsletter::newsletterPage);
    app.get("/subscribers/{id}", newsletter::subscriberPage);
    app.post("/subscribers/{id}/reactivate", newsletter::reactivate);
    app.get("/helpful", new HelpfulPages(new Helpfulness(store), view)::helpfulPage);
    // A response's change shows on its column's page: afterPublish brings the site up to date.
    ResponsesPages responses =
        new ResponsesPages(
            new Moderation(
                config,
                store,
                outbox,
                new MailTemplates(new Templates(config.paths().templates()), config),
                slug -> afterPublish.accept(List.of()),
                clock),
            view);
    app.get("/responses", responses::responsesPage);
    app.post("/responses/{id}/{action}", responses::act);
    app.exception(
        BadInput.class,
        (e, ctx) -> {
          ctx.status(HttpStatus.BAD_REQUEST);
          view.problem(ctx, e.getMessage());
        });
    app.exception(ColumnistException.class, (e, ctx) -> view.problem(ctx, e.getMessage()));
  }

  private void routeQuestions(QueuePages pages, QuestionActions actions) {
    app.get("/", pages::queuePage);
    app.get("/questions/{id}", pages::questionPage);
    app.post("/questions/{id}/{action}", actions::act);
  }

  private void routeDrafts(DraftPages drafts) {
    app.post("/drafts/new", drafts::draftNew);
    app.get("/drafts/{id}", drafts::draftPage);
    app.post("/drafts/{id}", drafts::saveDraft);
    app.post("/drafts/{id}/preview", drafts::preview);
    app.post("/drafts/{id}/autosave", drafts::autosave);
    app.get("/drafts/{id}/history", drafts::historyPage);
  }

  public EditorServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
