package org.columnist.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.columnist.TestClock;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.newsletter.Subscribers;
import org.columnist.queue.Queue;
import org.columnist.store.Store;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A real editor on a fresh instance (SQLite file, shipped templates), wired as the CLI wires it, on
 * a clock the test moves, with one account "pat" and one draft (question 1), driven over HTTP.
 * Register it as a field with {@code @RegisterExtension}: each test gets its own.
 */
final class EditorInstance implements BeforeEachCallback, AfterEachCallback {
  static final String PASSWORD = "correct horse battery";

  final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
  Path dir;
  Config config;
  Store store;
  Queue queue;
  Subscribers subscribers;
  Accounts accounts;
  EditorServer editor;
  String base;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("editor-instance");
    InstanceSkeleton.copyTo(dir);
    Wiring wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()), clock);
    config = wiring.config;
    store = wiring.store;
    queue = wiring.queue();
    subscribers = wiring.subscribers();
    accounts = new Accounts(store, clock);
    accounts.add("pat", PASSWORD.toCharArray());
    queue.drafts().start("A first draft", "test");
    wiring.votes().cast("the-nurse-manager-who-cannot-say-no", "198.51.100.1", true);
    wiring.votes().cast("when-a-colleague-takes-credit-for-your-work", "198.51.100.1", false);
    wiring
        .votes()
        .missing("when-a-colleague-takes-credit-for-your-work", "198.51.100.1", "More on credit");
    editor =
        new EditorServer(
                config, store, queue, wiring.outbox(), subscribers, accounts, files -> {}, clock)
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + editor.port();
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  HttpResponse<String> send(HttpClient http, String method, String path, Map<String, String> form)
      throws Exception {
    return send(http, method, URI.create(base + path), form);
  }

  /** {@code form} to {@code url}, URL-encoded as a browser sends a form. */
  static HttpResponse<String> send(
      HttpClient http, String method, URI url, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(url);
    b =
        method.equals("GET")
            ? b.GET()
            : b.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A client logged in as pat. */
  HttpClient loggedIn() throws Exception {
    return loggedInAs("pat", PASSWORD);
  }

  HttpClient loggedInAs(String name, String password) throws Exception {
    HttpClient http = client();
    HttpResponse<String> r =
        send(http, "POST", "/login", Map.of("name", name, "password", password));
    if (r.statusCode() != 302) {
      throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
    }
    return http;
  }

  /** Logs {@code browser} in as pat through the login page, and waits for the queue. */
  void logIn(WebDriver browser) {
    logIn(browser, base);
  }

  /** Logs {@code browser} in as pat at the editor at {@code base}. */
  static void logIn(WebDriver browser, String base) {
    browser.get(base + "/login");
    browser.findElement(By.id("name")).sendKeys("pat");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("main form button")).click();
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> browser.getCurrentUrl().equals(base + "/"));
  }

  /** The CSRF token of {@code http}'s session, read from a page as a browser would. */
  String csrf(HttpClient http) throws Exception {
    return org.jsoup.Jsoup.parse(send(http, "GET", "/drafts/1", Map.of()).body())
        .select("input[name=csrf]")
        .attr("value");
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    editor.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
