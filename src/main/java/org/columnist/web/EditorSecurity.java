package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the editor: the login (throttled) and the logout, the session every other route
 * needs, the CSRF token every form carries, the security headers on every answer, and the hand-off
 * of a draft form sent just after its session ended to the same user once logged in again.
 */
final class EditorSecurity {
  private static final String COOKIE = "columnist_editor";
  private static final String SESSION = "session";
  private static final Set<String> OPEN = Set.of("/login", "/editor.css", "/editor.js", "/healthz");
  private static final System.Logger LOG = System.getLogger("editor");

  private final Accounts accounts;
  private final EditorView view;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Rescues rescues;
  private final Set<String> openToAll = ConcurrentHashMap.newKeySet();

  EditorSecurity(Accounts accounts, EditorView view, Clock clock) {
    this.accounts = accounts;
    this.view = view;
    this.sessions = new Sessions(clock);
    this.throttle = new LoginThrottle(clock);
    this.rescues = new Rescues(clock);
  }

  /** Lets anyone have {@code path}, like the login page: for what is public anyway. */
  void openToAll(String path) {
    openToAll.add(path);
  }

  /** The session of the request, once {@link #guard} let it through; null on the open routes. */
  static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** Who is acting, for the audit log. */
  static String actor(Context ctx) {
    return "web:" + session(ctx).user();
  }

  /** Security headers on everything; a session for everything but the login page and assets. */
  void guard(Context ctx) {
    headers(ctx);
    String path = ctx.path();
    if (OPEN.contains(path) || openToAll.contains(path)) {
      return;
    }
    String cookie = ctx.cookie(COOKIE);
    Sessions.Session session = live(sessions.find(cookie));
    if (session == null) {
      turnAway(ctx, cookie, path);
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute(SESSION, session);
    if (ctx.method().name().equals("POST") && !sameToken(ctx.formParam("csrf"), session.csrf())) {
      throw new ForbiddenResponse(
          "This form has expired or did not come from the editor: reload the page and try again.");
    }
  }

  private static void headers(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    framedBy(ctx, "DENY", "'none'");
  }

  /**
   * Lets the editor's own pages frame this answer (the draft's preview), and no other page: the
   * rest of the editor may not be framed at all.
   */
  static void framedByTheEditor(Context ctx) {
    framedBy(ctx, "SAMEORIGIN", "'self'");
  }

  // X-Frame-Options for browsers that predate CSP's frame-ancestors.
  private static void framedBy(Context ctx, String frameOptions, String frameAncestors) {
    ctx.header("X-Frame-Options", frameOptions);
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors "
            + frameAncestors);
  }

  /** {@code session}, unless its account went or its password changed (maybe elsewhere). */
  private Sessions.Session live(Sessions.Session session) {
    if (session == null || current(session.user(), session.stamp())) {
      return session;
    }
    sessions.end(session.id());
    LOG.log(
        System.Logger.Level.INFO,
        "ended a session of "
            + session.user()
            + ": the account was removed or its password changed");
    return null;
  }

  /** Answers a request without a session: to the login page, or kept for after it, or refused. */
  private void turnAway(Context ctx, String cookie, String path) {
    if (ctx.method().name().equals("POST") && path.matches("/drafts/\\d{1,18}")) {
      rescue(ctx, cookie, path);
    } else if (ctx.method().name().equals("GET")) {
      ctx.redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    } else {
      ctx.status(HttpStatus.UNAUTHORIZED).result("Log in first.");
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
            .flatMap(r -> rescues.keep(r, draft, Input.fields(ctx)));
    if (token.isPresent()) {
      ctx.redirect(
          "/login?next="
              + URLEncoder.encode(path + "?rescue=" + token.get(), StandardCharsets.UTF_8));
      return;
    }
    ctx.status(HttpStatus.UNAUTHORIZED);
    view.page(
        ctx,
        "message",
        Map.of(
            "message",
            "Your session has ended and what this form sent could not be kept: log in, open the"
                + " draft and type it again."));
  }

  /** The form a rescue kept for draft {@code draft} of this session's user, taken out once. */
  Optional<Map<String, String>> rescued(Context ctx, long draft) {
    return rescues.take(ctx.queryParam("rescue"), session(ctx).user(), draft);
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

  void loginPage(Context ctx) {
    view.page(ctx, "login", Map.of("next", NextPath.of(ctx.queryParam("next")), "error", ""));
  }

  void login(Context ctx) {
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String next = NextPath.of(ctx.formParam("next"));
    String address = ClientAddress.of(ctx);
    // Names no account can have share one count, so that they cannot fill the throttle's table.
    boolean valid = Accounts.validName(name);
    LoginThrottle.Attempt attempt = throttle.attempt(valid ? name : "(not a name)", address);
    if (!attempt.allowed()) {
      refuse(
          ctx,
          HttpStatus.TOO_MANY_REQUESTS,
          next,
          "refused login for '" + Input.shorten(name) + "' from " + address + ": too many failures",
          "Too many failed attempts; try again in "
              + Math.max(1, attempt.delay().toMinutes())
              + " minutes.");
      return;
    }
    Optional<String> stamp = valid ? accounts.verify(name, password) : Optional.empty();
    if (stamp.isEmpty()) {
      wrongPassword(ctx, name, password, next, address);
      return;
    }
    throttle.succeeded(attempt);
    ctx.cookie(sessionCookie(ctx, sessions.start(name, stamp.get())));
    LOG.log(System.Logger.Level.INFO, name + " logged in from " + address);
    ctx.redirect(next);
  }

  private void wrongPassword(
      Context ctx, String name, String password, String next, String address) {
    boolean tooLong =
        password.getBytes(StandardCharsets.UTF_8).length > Accounts.MAX_PASSWORD_BYTES;
    String over = " longer than " + Accounts.MAX_PASSWORD_BYTES + " bytes";
    refuse(
        ctx,
        HttpStatus.UNAUTHORIZED,
        next,
        "failed login for '"
            + Input.shorten(name)
            + "' from "
            + address
            + (tooLong ? ": a password" + over : ""),
        "Wrong name or password." + (tooLong ? " No editor password is" + over + "." : ""));
  }

  private void refuse(Context ctx, HttpStatus status, String next, String logged, String shown) {
    LOG.log(System.Logger.Level.WARNING, logged);
    ctx.status(status);
    view.page(ctx, "login", Map.of("next", next, "error", shown));
  }

  private static Cookie sessionCookie(Context ctx, Sessions.Session session) {
    Cookie cookie = new Cookie(COOKIE, session.id());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure(
        "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")));
    return cookie;
  }

  void logout(Context ctx) {
    sessions.end(ctx.cookie(COOKIE));
    ctx.removeCookie(COOKIE, "/");
    ctx.redirect("/login");
  }
}
