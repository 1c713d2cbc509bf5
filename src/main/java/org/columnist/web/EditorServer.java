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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.PrivacyCheck;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.mail.MailLog;
import org.columnist.mail.Outbox;
import org.columnist.queue.Mask;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
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
  private final Map<String, Map<String, String>> rescued = new ConcurrentHashMap<>();
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
    this.app = Javalin.create(c -> c.showJavalinBanner = false);
    app.before(this::guard);
    app.get(
        "/login",
        ctx -> page(ctx, "login", Map.of("next", safeNext(ctx.queryParam("next")), "error", "")));
    app.post("/login", this::login);
    app.get(
        "/editor.css",
        ctx -> ctx.contentType("text/css").result(templates.render("editor/editor.css", Map.of())));
    app.get(
        "/editor.js",
        ctx ->
            ctx.contentType("text/javascript")
                .result(templates.render("editor/editor.js", Map.of())));
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
        ctx -> ctx.redirect("/drafts/" + queue.draftNew(required(ctx, "title"), user(ctx))));
    app.get("/drafts/{id}", this::draftPage);
    app.post("/drafts/{id}", this::saveDraft);
    app.post(
        "/drafts/{id}/preview",
        ctx -> ctx.html(preview.render(column(ctx, queue.draft(id(ctx)).text()))));
    app.post("/drafts/{id}/autosave", this::autosave);
    app.get("/drafts/{id}/history", this::historyPage);
    app.get("/published", ctx -> page(ctx, "published", Map.of("items", queue.list("published"))));
    app.get("/mail", this::mailPage);
    app.post(
        "/outbox/{id}/retry",
        ctx -> {
          store.inTransaction(
              db ->
                  Sql.update(
                      db,
                      "UPDATE outbox SET state = 'queued', next_attempt_at = '1970-01-01T00:00:00Z' WHERE id = ? AND state IN ('queued', 'failed')",
                      Long.parseLong(ctx.pathParam("id"))));
          flash(ctx, "Mail #" + ctx.pathParam("id") + " will be sent on the next round.");
          ctx.redirect("/mail");
        });
    app.exception(ColumnistException.class, (e, ctx) -> problem(ctx, e.getMessage()));
    app.exception(NumberFormatException.class, (e, ctx) -> problem(ctx, "That is not a number."));
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
    Sessions.Session session = sessions.find(ctx.cookie(COOKIE));
    if (session == null) {
      if (ctx.method().name().equals("POST") && path.matches("/drafts/\\d+")) {
        // The session ran out while the coach was typing: keep what was sent for after login.
        String rescue = java.util.UUID.randomUUID().toString();
        rescued.put(rescue, new HashMap<>(flatten(ctx.formParamMap())));
        ctx.redirect("/login?next=" + path + "%3Frescue%3D" + rescue);
      } else if (ctx.method().name().equals("GET")) {
        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8));
      } else {
        ctx.status(HttpStatus.UNAUTHORIZED).result("Log in first.");
      }
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute("session", session);
    if (ctx.method().name().equals("POST")) {
      String sent = ctx.formParam("csrf");
      if (sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8),
              session.csrf().getBytes(StandardCharsets.UTF_8))) {
        throw new io.javalin.http.ForbiddenResponse(
            "This form has expired or did not come from the editor: reload the page and try again.");
      }
    }
  }

  private void login(Context ctx) {
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String next = safeNext(ctx.formParam("next"));
    Duration wait = throttle.wait(name, clientAddress(ctx));
    if (!wait.isZero()) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      page(
          ctx,
          "login",
          Map.of(
              "next",
              next,
              "error",
              "Too many failed attempts; try again in "
                  + Math.max(1, wait.toMinutes())
                  + " minutes."));
      return;
    }
    if (!accounts.verify(name, password)) {
      throttle.failed(name, clientAddress(ctx));
      LOG.log(
          System.Logger.Level.WARNING,
          "failed login for '" + name + "' from " + clientAddress(ctx));
      ctx.status(HttpStatus.UNAUTHORIZED);
      page(ctx, "login", Map.of("next", next, "error", "Wrong name or password."));
      return;
    }
    throttle.succeeded(name);
    Sessions.Session session = sessions.start(name);
    Cookie cookie = new Cookie(COOKIE, session.id());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure(
        "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
    ctx.cookie(cookie);
    LOG.log(System.Logger.Level.INFO, name + " logged in from " + clientAddress(ctx));
    ctx.redirect(next);
  }

  private void queuePage(Context ctx) {
    String state = ctx.queryParam("state");
    String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : Queue.STATES) {
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
      if (state == null
          && !List.of("new", "accepted", "in_review", "scheduled").contains(e.state())) {
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
    String note = blankToNull(ctx.formParam("note"));
    String override = blankToNull(ctx.formParam("override"));
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
        boolean tell = "on".equals(required(ctx, "tell"));
        queue.tellReader(id, tell, user);
        message =
            "The reader "
                + (tell ? "will" : "will not")
                + " be told when question "
                + id
                + " is published.";
      }
      case "merge" -> {
        queue.merge(id, Long.parseLong(required(ctx, "into")), user);
        message = "Question " + id + " merged.";
      }
      case "schedule" -> {
        LocalDateTime at;
        try {
          at = LocalDateTime.parse(required(ctx, "at"));
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
      default -> throw new io.javalin.http.NotFoundResponse("no such action: " + action);
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
    Queue.Draft draft = queue.draft(id);
    Column column =
        ColumnCodec.read(
            Path.of("draft-" + id + ".md"), draft.text().getBytes(StandardCharsets.UTF_8));
    Map<String, String> form = form(column);
    String rescue = ctx.queryParam("rescue");
    boolean restored = rescue != null && rescued.containsKey(rescue);
    if (restored) {
      form.putAll(rescued.remove(rescue));
    }
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
          PrivacyCheck.findings(column(form), d.senderAddress(), d.senderName()).stream()
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
    Map<String, String> form = flatten(ctx.formParamMap());
    int version = Integer.parseInt(required(ctx, "version"));
    try {
      int saved = queue.saveDraft(id, ColumnCodec.write(column(form)), user(ctx), version);
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

  private void autosave(Context ctx) {
    long id = id(ctx);
    try {
      int saved =
          queue.saveDraft(
              id,
              ColumnCodec.write(column(flatten(ctx.formParamMap()))),
              user(ctx),
              Integer.parseInt(required(ctx, "version")));
      ctx.json(Map.of("version", saved));
    } catch (InvalidFileException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .json(Map.of("problems", e.problems().stream().map(p -> p.message()).toList()));
    }
  }

  private void historyPage(Context ctx) {
    long id = id(ctx);
    List<Queue.Draft> versions = queue.history(id);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Queue.Draft v : versions) {
      items.add(
          Map.of(
              "version",
              v.version(),
              "saved_by",
              v.savedBy(),
              "saved_at",
              v.savedAt(),
              "diff",
              v.version() > 1 ? queue.diff(id, v.version() - 1, v.version()) : ""));
    }
    java.util.Collections.reverse(items);
    page(ctx, "history", Map.of("id", id, "versions", items));
  }

  private void mailPage(Context ctx) {
    List<MailLog.Entry> log = new MailLog(store).list(50);
    List<Outbox.Entry> outbox =
        new Outbox(store, config.column().address(), 8, Clock.systemUTC()).list();
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

  /** The draft form's fields for {@code c}. */
  private static Map<String, String> form(Column c) {
    Map<String, String> f = new HashMap<>();
    f.put("title", c.title());
    f.put("slug", c.slug());
    f.put("date", c.date().toString());
    f.put("corrected", c.corrected() == null ? "" : c.corrected().toString());
    ClientProfile p = c.client();
    f.put("name", nz(p.name()));
    f.put("age", p.age() == null ? "" : p.age().toString());
    f.put("job", nz(p.title()));
    f.put("years_at_company", p.yearsAtCompany() == null ? "" : p.yearsAtCompany().toString());
    f.put("years_in_role", p.yearsInRole() == null ? "" : p.yearsInRole().toString());
    f.put("industry", nz(p.industry()));
    f.put("issue", nz(p.issue()));
    f.put("tags", String.join(", ", c.tags()));
    f.put("question", c.question());
    f.put("answer", c.answer());
    f.put("inner_game", c.innerGame());
    f.put("outer_game", c.outerGame());
    f.put("last_word", c.lastWord());
    return f;
  }

  /** The column the form describes; bad numbers and dates are reported like archive problems. */
  private static Column column(Map<String, String> f) {
    List<org.columnist.Problem> problems = new ArrayList<>();
    Path where = Path.of("the form");
    LocalDate date = LocalDate.now();
    try {
      date = LocalDate.parse(nz(f.get("date")).strip());
    } catch (DateTimeParseException e) {
      problems.add(new org.columnist.Problem(where, 0, "the date must look like 2026-11-23"));
    }
    Integer[] numbers = new Integer[3];
    String[] keys = {"age", "years_at_company", "years_in_role"};
    for (int i = 0; i < keys.length; i++) {
      String v = nz(f.get(keys[i])).strip();
      if (!v.isEmpty()) {
        if (v.matches("\\d{1,3}")) {
          numbers[i] = Integer.parseInt(v);
        } else {
          problems.add(
              new org.columnist.Problem(
                  where, 0, keys[i].replace('_', ' ') + " must be a whole number"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFileException(problems);
    }
    LocalDate corrected =
        nz(f.get("corrected")).isBlank() ? null : LocalDate.parse(f.get("corrected").strip());
    List<String> tags =
        Arrays.stream(nz(f.get("tags")).split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .toList();
    ClientProfile client =
        new ClientProfile(
            f.get("name"),
            numbers[0],
            f.get("job"),
            numbers[1],
            numbers[2],
            f.get("industry"),
            f.get("issue"));
    return new Column(
        nz(f.get("title")),
        date,
        corrected,
        nz(f.get("slug")).strip(),
        client,
        tags,
        f.get("question"),
        f.get("answer"),
        f.get("inner_game"),
        f.get("outer_game"),
        f.get("last_word"));
  }

  private Column column(Context ctx, String fallback) {
    Map<String, String> form = flatten(ctx.formParamMap());
    return form.containsKey("title")
        ? column(form)
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
      return hops[hops.length - 1].strip();
    }
    return ctx.ip();
  }

  private static String user(Context ctx) {
    Sessions.Session session = ctx.attribute("session");
    return "web:" + session.user();
  }

  private static long id(Context ctx) {
    return Long.parseLong(ctx.pathParam("id"));
  }

  private static String required(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null || value.isBlank()) {
      throw new ColumnistException("Please fill in '" + name + "'.");
    }
    return value.strip();
  }

  private static Map<String, String> flatten(Map<String, List<String>> params) {
    Map<String, String> flat = new HashMap<>();
    params.forEach((k, v) -> flat.put(k, v.isEmpty() ? "" : v.get(0)));
    return flat;
  }

  // Only paths of this editor: never an absolute URL that would send the coach elsewhere.
  private static String safeNext(String next) {
    return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
        ? next
        : "/";
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public void close() {
    app.stop();
  }
}
