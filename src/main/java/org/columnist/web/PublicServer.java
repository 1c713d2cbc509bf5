package org.columnist.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.columnist.Blank;
import org.columnist.config.Config;
import org.columnist.mail.SiteQuestions;
import org.columnist.newsletter.Subscribers;
import org.columnist.responses.Responses;
import org.columnist.responses.Votes;
import org.columnist.search.Results;
import org.columnist.search.SearchIndex;
import org.columnist.search.SearchRequest;
import org.columnist.site.AnswerPage;
import org.columnist.site.FormTokens;
import org.columnist.site.ReaderSide;
import org.columnist.site.SearchPage;
import org.columnist.site.VotePage;

/**
 * The public web server: the static site in {@code public/}, {@code GET /search} (an HTML page) and
 * {@code GET /api/search} (JSON). No login. Bad input gets a page or a 400 that says what is wrong,
 * never a 500.
 */
public final class PublicServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("web");
  private static final int MAX_FILTER = 100;
  private static final int MAX_PAGE = 1000;
  // A person sends a few forms a minute at most (a question or a response is two posts: its
  // check page and its Send); the clients remembered are bounded.
  static final int FORMS_PER_MINUTE = 10;
  private static final int CLIENTS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Config config;
  private final SearchIndex index;
  private final SearchPage searchPage;
  private final Javalin app;
  private final Map<String, byte[]> cache = lruCache();

  public PublicServer(Config config, SearchIndex index) {
    this(config, index, null);
  }

  /** With {@code health} (or null), which {@code GET /healthz} reports. */
  public PublicServer(Config config, SearchIndex index, Health health) {
    this(config, index, health, null);
  }

  /**
   * What the readers' forms need: the newsletter's subscribers, the questions asked on the site,
   * the responses to columns, the votes, the forms' signed tokens, what the pages drawn here carry
   * ({@code readers}: the site-wide forms' tokens), the clock a form's fill time is measured on,
   * and what to run when readers changed what a column's page shows ({@code readersChanged}: the
   * caller coalesces it into a site build).
   */
  public record Forms(
      Subscribers subscribers,
      SiteQuestions questions,
      Responses responses,
      Votes votes,
      FormTokens tokens,
      ReaderSide readers,
      Clock clock,
      Runnable readersChanged) {
    /** These forms, running {@code hook} when readers changed what a column's page shows. */
    public Forms whenReadersChange(Runnable hook) {
      return new Forms(subscribers, questions, responses, votes, tokens, readers, clock, hook);
    }
  }

  /**
   * With the readers' forms and links too ({@code POST /subscribe}, {@code /newsletter/…}, {@code
   * POST /ask}, {@code /ask/confirm}) when {@code forms} is not null.
   */
  public PublicServer(Config config, SearchIndex index, Health health, Forms forms) {
    this.config = config;
    this.index = index;
    this.searchPage =
        forms == null ? new SearchPage(config) : new SearchPage(config, forms.readers());
    Path publicDir = config.paths().publicDir().toAbsolutePath();
    this.app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.http.maxRequestSize = 16_384;
              // A redirect's Location stays as written: Jetty would otherwise make it absolute
              // with the host the request names, which anyone can set.
              c.jetty.modifyHttpConfiguration(h -> h.setRelativeRedirectAllowed(true));
              if (Files.isDirectory(publicDir)) {
                c.staticFiles.add(
                    s -> {
                      s.hostedPath = "/";
                      s.directory = publicDir.toString();
                      s.location = Location.EXTERNAL;
                    });
              }
            });
    SecurityHeaders headers = new SecurityHeaders(config.site());
    app.before(
        ctx -> {
          headers.addTo(ctx);
          guard(ctx, publicDir);
        });
    app.get("/search", this::searchPage);
    app.get("/api/search", this::searchApi);
    app.get("/healthz", ctx -> ctx.json(health == null ? Map.of("status", "ok") : health.report()));
    if (forms != null) {
      addForms(forms);
    }
    app.error(404, ctx -> notFound(ctx, publicDir));
    app.exception(Exception.class, PublicServer::failed);
  }

  /** The readers' forms, behind one per-client limit and one {@link FormGuard}. */
  private void addForms(Forms forms) {
    FormLimits perClient = new FormLimits(FORMS_PER_MINUTE, CLIENTS);
    AnswerPage pages = new AnswerPage(config, forms.readers());
    FormGuard guard = new FormGuard(config, forms.tokens(), perClient, pages, forms.clock());
    new NewsletterForms(config, forms.subscribers(), perClient, guard, pages).addRoutes(app);
    new AskForm(forms.questions(), guard, pages).addRoutes(app);
    new ResponseForms(
            config, forms.responses(), guard, pages, forms.readers(), forms.readersChanged())
        .addRoutes(app);
    new VoteForms(
            guard,
            forms.votes(),
            index::pathOf,
            forms.readersChanged(),
            new VotePage(config, forms.readers()))
        .addRoutes(app);
  }

  /**
   * A request that failed where nothing expected it: a bug, logged with its stack trace for the
   * coach, and a short page (or JSON) for the visitor, who is told nothing of the code.
   */
  private static void failed(Exception e, Context ctx) {
    LOG.log(
        System.Logger.Level.ERROR,
        "bug: " + ctx.method() + " " + Input.shorten(ctx.path()) + " failed; please report it",
        e);
    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
    if (ctx.path().startsWith("/api/")) {
      ctx.json(Map.of("error", "something went wrong on the server; please try again later"));
      return;
    }
    ctx.contentType("text/html; charset=utf-8")
        .result(
            "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Something went"
                + " wrong</title><h1>Something went wrong</h1><p>This went wrong on our side, not"
                + " yours. Please try again later.</p></html>");
  }

  /** Starts listening on {@code host:port} (port 0: any free port). */
  public PublicServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private void searchPage(Context ctx) {
    Parsed parsed = parse(ctx);
    ctx.contentType("text/html; charset=utf-8");
    if (parsed.problem() != null) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .result(searchPage.render(parsed.request(), null, parsed.problem()));
      return;
    }
    ctx.result(
        cached(
            ctx,
            "page",
            () ->
                searchPage
                    .render(parsed.request(), index.search(parsed.request()), null)
                    .getBytes(StandardCharsets.UTF_8)));
  }

  private void searchApi(Context ctx) {
    Parsed parsed = parse(ctx);
    if (parsed.problem() != null) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", parsed.problem()));
      return;
    }
    ctx.contentType(ContentType.APPLICATION_JSON)
        .result(cached(ctx, "api", () -> json(apiBody(index.search(parsed.request())))));
  }

  /** {@code body} as JSON, in UTF-8: made once, where Javalin made a string, then its bytes. */
  private static byte[] json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a bug: the search API's answer is not JSON", e);
    }
  }

  private Map<String, Object> apiBody(Results r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", r.query());
    body.put("shownFor", r.shownFor());
    body.put("didYouMean", r.didYouMean());
    body.put("total", r.total());
    body.put("page", r.page());
    body.put("pages", r.pages());
    body.put(
        "hits",
        r.hits().stream()
            .map(
                h ->
                    Map.of(
                        "title",
                        h.title(),
                        "url",
                        config.site().baseUrl().resolve(h.path()).toString(),
                        "date",
                        h.date(),
                        "issue",
                        h.issue() == null ? "" : h.issue(),
                        "tags",
                        h.tags(),
                        "snippet",
                        h.snippet()))
            .toList());
    body.put("facets", r.facets());
    return body;
  }

  // Popular searches repeat: their answers, as the bytes sent, are kept until the index changes
  // (its version is part of the key), at most CACHED of them.
  private static final int CACHED = 2048;

  private byte[] cached(Context ctx, String kind, java.util.function.Supplier<byte[]> compute) {
    String key = index.version() + "|" + kind + "|" + new java.util.TreeMap<>(ctx.queryParamMap());
    synchronized (cache) {
      byte[] hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    byte[] value = compute.get();
    synchronized (cache) {
      cache.put(key, value);
    }
    return value;
  }

  private static Map<String, byte[]> lruCache() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
        return size() > CACHED;
      }
    };
  }

  private record Parsed(SearchRequest request, String problem) {}

  /** Reads and checks the query parameters; a problem is said in words a visitor understands. */
  private static Parsed parse(Context ctx) {
    String q = ctx.queryParam("q");
    String tag = Blank.toNull(ctx.queryParam("tag"));
    String industry = Blank.toNull(ctx.queryParam("industry"));
    String problem = null;
    if (q != null && q.length() > SearchRequest.MAX_QUERY) {
      problem =
          "Your search is "
              + q.length()
              + " characters long; please use at most "
              + SearchRequest.MAX_QUERY
              + ".";
      q = q.substring(0, SearchRequest.MAX_QUERY);
    }
    if ((tag != null && tag.length() > MAX_FILTER)
        || (industry != null && industry.length() > MAX_FILTER)) {
      problem = "That topic or industry name is too long.";
      tag = null;
      industry = null;
    }
    Integer year = number(ctx.queryParam("year"), 1000, 9999);
    if (ctx.queryParam("year") != null && !ctx.queryParam("year").isBlank() && year == null) {
      problem = "The year must be a number like 2008.";
    }
    Integer page = number(ctx.queryParam("page"), 1, MAX_PAGE);
    if (ctx.queryParam("page") != null && !ctx.queryParam("page").isBlank() && page == null) {
      problem = "The page must be a number from 1 to " + MAX_PAGE + ".";
    }
    boolean byDate = "date".equals(ctx.queryParam("sort"));
    return new Parsed(
        new SearchRequest(q == null ? "" : q, tag, industry, year, byDate, page == null ? 1 : page),
        problem);
  }

  private static Integer number(String text, int min, int max) {
    if (text == null || text.isBlank() || !text.strip().matches("\\d{1,9}")) {
      return null;
    }
    int n = Integer.parseInt(text.strip());
    return n >= min && n <= max ? n : null;
  }

  /**
   * Refuses hidden and backup-like paths with a 404, and sends a folder named without its final
   * slash to the folder with one, by a relative address (never built from the request's Host).
   */
  private static void guard(Context ctx, Path publicDir) {
    String path = decodedPath(ctx);
    if (path == null || HiddenPaths.hidden(path)) {
      throw new NotFoundResponse();
    }
    // Only a page is sent on: a form posts to its own path (POST /ask beside the folder ask/).
    if (!path.endsWith("/")
        && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)) {
      Path file = publicDir.resolve(path.substring(1)).normalize();
      if (file.startsWith(publicDir) && !file.equals(publicDir) && Files.isDirectory(file)) {
        // The last segment as the request wrote it: still escaped, fit for a header.
        String raw = ctx.path().substring(ctx.path().lastIndexOf('/') + 1);
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        ctx.redirect(raw + "/" + query, HttpStatus.MOVED_PERMANENTLY);
        ctx.skipRemainingHandlers();
      }
    }
  }

  /** The request's path with %-escapes decoded, or null if they are broken. */
  private static String decodedPath(Context ctx) {
    try {
      return URLDecoder.decode(ctx.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void notFound(Context ctx, Path publicDir) {
    if (ctx.path().startsWith("/api/")) {
      ctx.json(Map.of("error", "no such API: " + ctx.path()));
      return;
    }
    Path page = publicDir.resolve("404.html");
    try {
      ctx.contentType("text/html; charset=utf-8")
          .result(
              Files.isRegularFile(page)
                  ? Files.readString(page)
                  : "<!DOCTYPE html><title>Not found</title><p>Not found.</p>");
    } catch (IOException e) {
      ctx.result("Not found.");
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
