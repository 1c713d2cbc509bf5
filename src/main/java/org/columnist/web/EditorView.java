package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.queue.State;

/**
 * How the editor answers with a page: the template {@code editor/NAME.ftlh} with what every page
 * shows (the user, the form's CSRF token, the site, the note a previous action left, {@code times}
 * to show a stored instant with and {@code states} to name a state), a problem as the message page,
 * and the editor's own stylesheet and script.
 */
final class EditorView {
  private static final String FLASH = "columnist_flash";

  /** Each state's word by its id, for the pages' {@code states[id]}. */
  private static final Map<String, String> STATE_WORDS =
      Arrays.stream(State.values()).collect(Collectors.toMap(State::id, State::word));

  private final Config config;
  private final Templates templates;
  private final Times times;

  EditorView(Config config, Clock clock) {
    this.config = config;
    this.templates = new Templates(config.paths().templates());
    this.times = new Times(config.site().timeZone(), clock);
  }

  /** The times of these pages: in the site's zone, in words. */
  Times times() {
    return times;
  }

  void page(Context ctx, String name, Map<String, ?> model) {
    Map<String, Object> all = new HashMap<>(model);
    Sessions.Session session = EditorSecurity.session(ctx);
    all.put("user", session == null ? "" : session.user());
    all.put("csrf", session == null ? "" : session.csrf());
    all.put("site_title", config.site().title());
    all.put("site_url", config.site().baseUrl().toString());
    all.put("times", times);
    all.put("states", STATE_WORDS);
    String flash = ctx.cookie(FLASH);
    all.put("flash", flash == null ? "" : URLDecoder.decode(flash, StandardCharsets.UTF_8));
    if (flash != null) {
      ctx.removeCookie(FLASH, "/");
    }
    ctx.html(templates.render("editor/" + name + ".ftlh", all));
  }

  /** The message page with {@code message}, as a conflict unless a status is set already. */
  void problem(Context ctx, String message) {
    if (ctx.status() == HttpStatus.OK) {
      ctx.status(HttpStatus.CONFLICT);
    }
    page(ctx, "message", Map.of("message", message));
  }

  /**
   * The file {@code editor/NAME} served as written, not rendered: '${' in a stylesheet or a script
   * means itself.
   */
  void asset(Context ctx, String name, String contentType) {
    ctx.contentType(contentType).result(templates.file("editor/" + name));
  }

  /** Leaves {@code message} for the next page this browser sees. */
  static void flash(Context ctx, String message) {
    Cookie cookie = new Cookie(FLASH, URLEncoder.encode(message, StandardCharsets.UTF_8));
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    ctx.cookie(cookie);
  }
}
