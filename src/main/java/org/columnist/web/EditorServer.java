package org.columnist.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.PrivacyCheck;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.mail.MailLog;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Draft;
import org.columnist.queue.Mask;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
import org.columnist.queue.State;
import org.columnist.queue.Transition;
import org.columnist.site.ColumnPreview;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The coach's web editor: the queue, a question, the draft editor with a live preview drawn by the
 * site's templates, history, mail status. Every route but the login page needs a session; every
 * form carries the session's CSRF token; logins are throttled.
 */
public final class EditorServer implements AutoCloseable {
  /** Every route, for the server and for the test that checks that none is open to anyone. */
  public static final List<String> ROUTES =
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
          "GET /mail",
          "POST /outbox/{id}/retry",
          "POST /logout");

  private static final String COOKIE = "columnist_editor";

  /**
   * The largest request the editor takes: a draft form with every section at its longest, in the
   * worst URL encoding (up to 6 bytes for a character), and a little more.
   */
  static final long MAX_REQUEST = 5L * DraftForm.SECTION * 6 + 64 * 1024;

  private static final System.Logger LOG = System.getLogger("editor");

  private final Config config;
  private final Store store;
  private final Queue queue;
  private final Accounts accounts;
  private final Templates templates;
  private final ColumnPreview preview;
  private final Runnable afterPublish;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Rescues rescues;
  private final Javalin app;

  public EditorServer(
      Config config,
      Store store,
      Queue queue,
      Accounts accounts,
      Runnable afterPublish,
      Clock clock) {
    this(config, store, queue, accounts, afterPublish, clock, null);
  }

  /** With {@code health} (or null), which {@code GET /healthz} reports. */
  public EditorServer(
      Config config,
      Store store,
      Queue queue,
      Accounts accounts,
      Runnable afterPublish,
      Clock clock,
      Health health) {
    this.config = config;
    this.store = store;
    this.queue = queue;
    this.accounts = accounts;
    this.templates = new Templates(config.paths().templates());
    this.preview = new ColumnPreview(config);
    this.afterPublish = afterPublish;
    this.sessions = new Sessions(clock);
    this.throttle = new LoginThrottle(clock);
    this.rescues = new Rescues(clock);
    this.app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.http.maxRequestSize = MAX_REQUEST;
            });
    app.before(this::guard);
    app.get(
        "/login",
        ctx ->
            page(ctx, "login", Map.of("next", NextPath.of(ctx.queryParam("next")), "error", "")));
    app.post("/login", this::login);
    // Served as written, not rendered: '${' in a stylesheet or a script means itself.
    app.get(
        "/editor.css",
        ctx ->
            ctx.contentType("text/css; charset=utf-8").result(templates.file("editor/editor.css")));
    app.get(
        "/editor.js",
        ctx ->
            ctx.contentType("text/javascript; charset=utf-8")
                .result(templates.file("editor/editor.js")));
    app.get("/healthz", ctx -> ctx.json(health == null ? Map.of("status", "ok") : health.report()));
    app.post(
        "/logout",
        ctx -> {
          sessions.end(ctx.cookie(COOKIE));
          ctx.removeCookie(COOKIE, "/");
          ctx.redirect("/login");
        });
    app.get("/", this::queuePage);
    app.get("/questions/{id}", this::questionPage);
    app.post("/questions/{id}/{action}", this::act);
    app.post(
        "/drafts/new",
        ctx ->
            ctx.redirect(
                "/drafts/"
                    + queue
                        .drafts()
                        .start(Input.required(ctx, "title", DraftForm.LINE), user(ctx))));
    app.get("/drafts/{id}", this::draftPage);
    app.post("/drafts/{id}", this::saveDraft);
    app.post(
        "/drafts/{id}/preview",
        ctx -> ctx.html(preview.render(column(ctx, queue.drafts().latest(id(ctx)).text()))));
    app.post("/drafts/{id}/autosave", this::autosave);
    app.get("/drafts/{id}/history", this::historyPage);
    app.get("/published", ctx -> page(ctx, "published", Map.of("items", queue.list("published"))));
    app.get("/mail", this::mailPage);
    app.post("/outbox/{id}/retry", this::retry);
    app.exception(
        BadInput.class,
        (e, ctx) -> {
          ctx.status(HttpStatus.BAD_REQUEST);
          problem(ctx, e.getMessage());
        });
    app.exception(ColumnistException.class, (e, ctx) -> problem(ctx, e.getMessage()));
  }

  public EditorServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  // Security headers on everything; a session for everything but the login page and the style.
  private void guard(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self'; form-action 'self'");
    String path = ctx.path();
    if (path.equals("/login")
        || path.equals("/editor.css")
        || path.equals("/editor.js")
        || path.equals("/healthz")) {
      return;
    }
    String cookie = ctx.cookie(COOKIE);
    Sessions.Session session = sessions.find(cookie);
    if (session != null && !current(session.user(), session.stamp())) {
      // The account went or its password changed (maybe in another process): the session ends.
      sessions.end(session.id());
      LOG.log(
          System.Logger.Level.INFO,
          "ended a session of "
              + session.user()
              + ": the account was removed or its password changed");
      session = null;
    }
    if (session == null) {
      if (ctx.method().name().equals("POST") && path.matches("/drafts/\\d{1,18}")) {
        rescue(ctx, cookie, path);
      } else if (ctx.method().name().equals("GET")) {
        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8));
      } else {
        ctx.status(HttpStatus.UNAUTHORIZED).result("Log in first.");
      }
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute("session", session);
    if (ctx.method().name().equals("POST") && !sameToken(ctx.formParam("csrf"), session.csrf())) {
      throw new io.javalin.http.ForbiddenResponse(
          "This form has expired or did not come from the editor: reload the page and try again.");
    }
  }

  /**
   * The session ran out while the coach was typing: keeps what was sent for after login, but only
   * when the request proves it came from that session (its cookie and its form's CSRF token), so
   * that no other page can plant text in a draft.
   */
  private void rescue(Context ctx, String cookie, String path) {
    long draft = Long.parseLong(path.substring("/drafts/".length()));
    Optional<String> token =
        sessions
            .retired(cookie)
            .filter(r -> sameToken(ctx.formParam("csrf"), r.csrf()))
            .filter(r -> current(r.user(), r.stamp()))
            .flatMap(r -> rescues.keep(r, draft, flatten(ctx.formParamMap())));
    if (token.isPresent()) {
      ctx.redirect(
          "/login?next="
              + java.net.URLEncoder.encode(
                  path + "?rescue=" + token.get(), StandardCharsets.UTF_8));
      return;
    }
    ctx.status(HttpStatus.UNAUTHORIZED);
    page(
        ctx,
        "message",
        Map.of(
            "message",
            "Your session has ended and what this form sent could not be kept: log in, open the"
                + " draft and type it again."));
  }

  /** Whether {@code stamp} is still the stamp of {@code user}'s password. */
  private boolean current(String user, String stamp) {
    return accounts.stamp(user).map(stamp::equals).orElse(false);
  }

  private static boolean sameToken(String sent, String expected) {
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private void login(Context ctx) {
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String next = NextPath.of(ctx.formParam("next"));
    String address = clientAddress(ctx);
    // Names no account can have share one count, so that they cannot fill the throttle's table.
    boolean valid = Accounts.validName(name);
    LoginThrottle.Attempt attempt = throttle.attempt(valid ? name : "(not a name)", address);
    if (!attempt.allowed()) {
      refuse(
          ctx,
          HttpStatus.TOO_MANY_REQUESTS,
          next,
          "refused login for '" + shorten(name) + "' from " + address + ": too many failures",
          "Too many failed attempts; try again in "
              + Math.max(1, attempt.delay().toMinutes())
              + " minutes.");
      return;
    }
    Optional<String> stamp = valid ? accounts.verify(name, password) : Optional.empty();
    if (stamp.isEmpty()) {
      boolean tooLong =
          password.getBytes(StandardCharsets.UTF_8).length > Accounts.MAX_PASSWORD_BYTES;
      String over = " longer than " + Accounts.MAX_PASSWORD_BYTES + " bytes";
      refuse(
          ctx,
          HttpStatus.UNAUTHORIZED,
          next,
          "failed login for '"
              + shorten(name)
              + "' from "
              + address
              + (tooLong ? ": a password" + over : ""),
          "Wrong name or password." + (tooLong ? " No editor password is" + over + "." : ""));
      return;
    }
    throttle.succeeded(attempt);
    Sessions.Session session = sessions.start(name, stamp.get());
    Cookie cookie = new Cookie(COOKIE, session.id());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure(
        "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
    ctx.cookie(cookie);
    LOG.log(System.Logger.Level.INFO, name + " logged in from " + address);
    ctx.redirect(next);
  }

  private void refuse(Context ctx, HttpStatus status, String next, String logged, String shown) {
    LOG.log(System.Logger.Level.WARNING, logged);
    ctx.status(status);
    page(ctx, "login", Map.of("next", next, "error", shown));
  }

  private void queuePage(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null && !state.isBlank() && State.of(state).isEmpty()) {
      throw new BadInput(
          "There is no state '"
              + shorten(state)
              + "'; the states are "
              + String.join(", ", State.ids())
              + ".");
    }
    String search = ctx.queryParam("q") == null ? "" : shorten(ctx.queryParam("q").strip());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : State.ids()) {
      counts.put(s, 0);
    }
    store.inTransaction(
        db ->
            Sql.list(
                db,
                "SELECT state, count(*) FROM questions GROUP BY state",
                rs -> counts.put(rs.getString(1), rs.getInt(2))));
    List<Queue.Entry> entries = queue.list(state == null || state.isBlank() ? null : state);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Queue.Entry e : entries) {
      if (state == null && !State.isOpen(e.state())) {
        continue;
      }
      if (!search.isEmpty()
          && !(nz(e.subject()) + " " + nz(e.sender()))
              .toLowerCase()
              .contains(search.toLowerCase())) {
        continue;
      }
      items.add(
          Map.of(
              "id",
              e.id(),
              "state",
              e.state(),
              "subject",
              nz(e.subject()),
              "sender",
              nz(Mask.address(e.sender())),
              "age",
              age(e.received())));
    }
    page(
        ctx,
        "queue",
        Map.of("counts", counts, "state", state == null ? "" : state, "items", items, "q", search));
  }

  private void questionPage(Context ctx) {
    Queue.Details d = queue.show(id(ctx));
    boolean reveal = "1".equals(ctx.queryParam("reveal"));
    Map<String, Object> q = new HashMap<>();
    q.put("id", d.id());
    q.put("state", d.state());
    q.put("subject", nz(d.subject()));
    q.put("text", nz(d.text()));
    q.put("sender", reveal ? nz(d.senderAddress()) : nz(Mask.address(d.senderAddress())));
    q.put("name", reveal ? nz(d.senderName()) : nz(Mask.name(d.senderName())));
    q.put("received", d.received());
    q.put("url", nz(d.url()));
    q.put("has_draft", d.draft() != null);
    q.put("html", new MailLog(store).originalHtml(d.id()));
    q.put("attachments", d.attachments());
    q.put("follow_ups", d.followUps());
    q.put("history", d.history());
    q.put("allowed", Transition.allowedVerbs(d.state()));
    q.put("notice_to_come", Queue.noticeToCome(d.origin(), d.state()));
    q.put("notice", d.notifyReader());
    page(ctx, "question", Map.of("q", q, "reveal", reveal));
  }

  private void act(Context ctx) {
    long id = id(ctx);
    String action = ctx.pathParam("action");
    String user = user(ctx);
    String note = Input.optional(ctx, "note", Input.NOTE);
    String override = Input.optional(ctx, "override", Input.NOTE);
    String message;
    switch (action) {
      case "accept" -> {
        queue.accept(id, user);
        ctx.redirect("/drafts/" + id);
        return;
      }
      case "decline" -> {
        queue.decline(id, user, note, "on".equals(ctx.formParam("reply")));
        message = "Question " + id + " declined.";
      }
      case "spam", "withdraw", "review" -> {
        queue.move(id, Transition.valueOf(action.toUpperCase(java.util.Locale.ROOT)), user, note);
        message =
            "Question "
                + id
                + " is now "
                + Transition.valueOf(action.toUpperCase(java.util.Locale.ROOT)).to()
                + ".";
      }
      case "notice" -> {
        boolean tell = "on".equals(Input.choice(ctx, "tell", List.of("on", "off")));
        queue.tellReader(id, tell, user);
        message =
            "The reader "
                + (tell ? "will" : "will not")
                + " be told when question "
                + id
                + " is published.";
      }
      case "merge" -> {
        queue.merge(id, Input.number(ctx, "into"), user);
        message = "Question " + id + " merged.";
      }
      case "schedule" -> {
        LocalDateTime at;
        try {
          at = LocalDateTime.parse(Input.required(ctx, "at", 40));
        } catch (DateTimeParseException e) {
          throw new ColumnistException("Give the time as a date and time, like 2026-12-01T07:00.");
        }
        queue.schedule(id, at, user, override);
        message =
            "Scheduled for "
                + at.toString().replace('T', ' ')
                + " ("
                + config.site().timeZone()
                + ").";
      }
      case "publish", "republish" -> {
        Publisher.Published p =
            action.equals("publish")
                ? queue.publish(id, user, override)
                : queue.republish(id, user, override);
        afterPublish.run();
        message = "Published: " + p.url();
      }
      default -> {
        ctx.status(HttpStatus.NOT_FOUND);
        problem(ctx, "There is no action '" + shorten(action) + "' for a question.");
        return;
      }
    }
    flash(ctx, message);
    ctx.redirect(
        action.equals("review")
                || action.equals("schedule")
                || action.startsWith("publish")
                || action.equals("republish")
            ? "/drafts/" + id
            : "/questions/" + id);
  }

  private void draftPage(Context ctx) {
    long id = id(ctx);
    Draft draft = queue.drafts().latest(id);
    Column column =
        ColumnCodec.read(
            Path.of("draft-" + id + ".md"), draft.text().getBytes(StandardCharsets.UTF_8));
    Map<String, String> form = DraftForm.fields(column);
    Sessions.Session session = ctx.attribute("session");
    Optional<Map<String, String>> rescued =
        rescues.take(ctx.queryParam("rescue"), session.user(), id);
    rescued.ifPresent(form::putAll);
    boolean restored = rescued.isPresent();
    draftView(
        ctx,
        id,
        draft.version(),
        form,
        List.of(),
        restored ? "Your unsaved text is back; save it when you are ready." : "");
  }

  private void draftView(
      Context ctx,
      long id,
      int version,
      Map<String, String> form,
      List<String> problems,
      String notice) {
    Queue.Details d = queue.show(id);
    List<String> findings = List.of();
    try {
      findings =
          PrivacyCheck.findings(DraftForm.column(form), d.senderAddress(), d.senderName()).stream()
              .map(PrivacyCheck.Finding::toString)
              .toList();
    } catch (RuntimeException e) {
      // an invalid form has no findings to show yet; its problems are shown instead
    }
    Map<String, Object> model = new HashMap<>();
    model.put("id", id);
    model.put("version", version);
    model.put("state", d.state());
    model.put("f", form);
    model.put("problems", problems);
    model.put("findings", findings);
    model.put("notice", notice);
    model.put("allowed", Transition.allowedVerbs(d.state()));
    model.put("time_zone", config.site().timeZone().toString());
    page(ctx, "draft", model);
  }

  private void saveDraft(Context ctx) {
    long id = id(ctx);
    Map<String, String> form = DraftForm.fieldsOf(flatten(ctx.formParamMap()));
    int version = Input.version(ctx);
    try {
      int saved =
          queue.drafts().save(id, ColumnCodec.write(DraftForm.column(form)), user(ctx), version);
      flash(ctx, saved == version ? "No changes to save." : "Saved as version " + saved + ".");
      ctx.redirect("/drafts/" + id);
    } catch (InvalidFileException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      draftView(ctx, id, version, form, e.problems().stream().map(p -> p.message()).toList(), "");
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT);
      draftView(ctx, id, version, form, List.of(e.getMessage()), "");
    }
  }

  // Answers in JSON, problems included, for the page's script.
  private void autosave(Context ctx) {
    long id = id(ctx);
    try {
      int saved =
          queue
              .drafts()
              .save(
                  id,
                  ColumnCodec.write(DraftForm.column(flatten(ctx.formParamMap()))),
                  user(ctx),
                  Input.version(ctx));
      ctx.json(Map.of("version", saved));
    } catch (InvalidFileException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .json(Map.of("problems", e.problems().stream().map(p -> p.message()).toList()));
    } catch (BadInput e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("problems", List.of(e.getMessage())));
    } catch (ColumnistException e) {
      ctx.status(HttpStatus.CONFLICT).json(Map.of("problems", List.of(e.getMessage())));
    }
  }

  private void historyPage(Context ctx) {
    long id = id(ctx);
    queue.drafts().latest(id); // says so when there is no draft
    List<Draft> versions = queue.drafts().history(id);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Draft v : versions) {
      items.add(
          Map.of(
              "version",
              v.version(),
              "saved_by",
              v.savedBy(),
              "saved_at",
              v.savedAt(),
              "diff",
              v.version() > 1 ? queue.drafts().diff(id, v.version() - 1, v.version()) : ""));
    }
    java.util.Collections.reverse(items);
    page(ctx, "history", Map.of("id", id, "versions", items));
  }

  private void mailPage(Context ctx) {
    List<MailLog.Entry> log = new MailLog(store).list(50);
    List<Outbox.Entry> outbox = outbox().list();
    String lastPoll = log.isEmpty() ? "never" : log.get(0).fetchedAt();
    page(
        ctx,
        "mail",
        Map.of(
            "log",
            log,
            "outbox",
            outbox.subList(0, Math.min(50, outbox.size())),
            "last_poll",
            lastPoll));
  }

  private Outbox outbox() {
    return new Outbox(store, config.column().address(), 8, Clock.systemUTC());
  }

  private void retry(Context ctx) {
    long id = id(ctx);
    if (!outbox().retryNow(id)) {
      ctx.status(HttpStatus.NOT_FOUND);
      problem(ctx, "There is no mail #" + id + " waiting to be sent.");
      return;
    }
    flash(ctx, "Mail #" + id + " will be sent on the next round.");
    ctx.redirect("/mail");
  }

  private Column column(Context ctx, String fallback) {
    Map<String, String> form = flatten(ctx.formParamMap());
    return form.containsKey("title")
        ? DraftForm.column(form)
        : ColumnCodec.read(Path.of("draft.md"), fallback.getBytes(StandardCharsets.UTF_8));
  }

  private void page(Context ctx, String name, Map<String, ?> model) {
    Map<String, Object> all = new HashMap<>(model);
    Sessions.Session session = ctx.attribute("session");
    all.put("user", session == null ? "" : session.user());
    all.put("csrf", session == null ? "" : session.csrf());
    all.put("site_title", config.site().title());
    all.put("site_url", config.site().baseUrl().toString());
    String flash = ctx.cookie("columnist_flash");
    all.put(
        "flash", flash == null ? "" : java.net.URLDecoder.decode(flash, StandardCharsets.UTF_8));
    if (flash != null) {
      ctx.removeCookie("columnist_flash", "/");
    }
    ctx.html(templates.render("editor/" + name + ".ftlh", all));
  }

  private void problem(Context ctx, String message) {
    if (ctx.status() == HttpStatus.OK) {
      ctx.status(HttpStatus.CONFLICT);
    }
    page(ctx, "message", Map.of("message", message));
  }

  private static void flash(Context ctx, String message) {
    Cookie cookie =
        new Cookie("columnist_flash", java.net.URLEncoder.encode(message, StandardCharsets.UTF_8));
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    ctx.cookie(cookie);
  }

  /**
   * The client's address: behind a reverse proxy on this machine, the one it forwards
   * (X-Forwarded-For), so that throttling counts people, not the proxy.
   */
  private static String clientAddress(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-For");
    boolean fromLoopback =
        ctx.ip().startsWith("127.") || ctx.ip().equals("0:0:0:0:0:0:0:1") || ctx.ip().equals("::1");
    if (fromLoopback && forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      return shorten(hops[hops.length - 1].strip());
    }
    return ctx.ip();
  }

  private static String user(Context ctx) {
    Sessions.Session session = ctx.attribute("session");
    return "web:" + session.user();
  }

  private static long id(Context ctx) {
    return Input.id(ctx, "id");
  }

  private static Map<String, String> flatten(Map<String, List<String>> params) {
    Map<String, String> flat = new HashMap<>();
    params.forEach((k, v) -> flat.put(k, v.isEmpty() ? "" : v.get(0)));
    return flat;
  }

  // A value from outside, short enough for a log line or a message.
  private static String shorten(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }

  private static String age(String instant) {
    Duration age = Duration.between(java.time.Instant.parse(instant), java.time.Instant.now());
    return age.toDays() > 0
        ? age.toDays() + " d"
        : age.toHours() > 0 ? age.toHours() + " h" : Math.max(0, age.toMinutes()) + " min";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  @Override
  public void close() {
    app.stop();
  }
}
