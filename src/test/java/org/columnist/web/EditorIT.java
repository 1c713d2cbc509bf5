package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.columnist.archive.Archive;
import org.columnist.browser.Browser;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.config.TestConfig;
import org.columnist.search.SearchIndex;
import org.columnist.search.SearchRequest;
import org.columnist.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The editor over HTTP and in a real browser, on an instance fed by GreenMail. */
class EditorIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  Config config;
  Wiring wiring;
  Store store;
  SearchIndex index;
  EditorServer editor;
  String base;

  @BeforeEach
  void start() throws Exception {
    greenMail.setUser(TestConfig.ADDRESS, TestConfig.ADDRESS, TestConfig.PASSWORD);
    InstanceSkeleton.copyTo(dir);
    config =
        TestConfig.extending(dir.resolve("config/columnist.yml"))
            .withMailbox("imap", greenMail.getImap().getPort())
            .loadIn(dir);
    wiring = new Wiring(config, Clock.systemUTC());
    store = wiring.store;
    Archive archive = new Archive(config.paths().archive());
    Accounts accounts = new Accounts(store, wiring.clock);
    accounts.add("pat", "correct horse battery".toCharArray());
    index = wiring.searchIndex();
    java.util.function.Consumer<java.util.List<java.nio.file.Path>> afterPublish =
        files -> {
          index.update(archive);
          wiring.siteBuilder(archive, index).build(false);
        };
    editor =
        new EditorServer(
                config,
                store,
                wiring.queue(),
                wiring.outbox(),
                wiring.subscribers(),
                accounts,
                afterPublish,
                wiring.clock)
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + editor.port();
    GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "Dana Reader <dana@example.com>",
        "<script>alert('x')</script> My manager books meetings over lunch",
        "Age: 38\n\nMy manager keeps booking meetings over lunch. <b>How</b> do I push back?",
        greenMail.getSmtp().getServerSetup());
    wiring.intake().pollOnce();
  }

  @AfterEach
  void stop() {
    editor.close();
    index.close();
  }

  static HttpClient client() {
    return EditorInstance.client();
  }

  HttpResponse<String> send(HttpClient http, String method, String path, Map<String, String> form)
      throws Exception {
    return EditorInstance.send(http, method, URI.create(base + path), form);
  }

  @Test
  void everyRouteButLoginRefusesAnAnonymousRequest() throws Exception {
    for (String route : EditorServer.ROUTES) {
      String method = route.split(" ")[0];
      String path = route.split(" ")[1].replace("{id}", "1").replace("{action}", "accept");
      HttpResponse<String> r = send(client(), method, path, Map.of("title", "x", "version", "1"));
      assertThat(r.statusCode()).as(route).isIn(302, 401);
      if (r.statusCode() == 302) {
        assertThat(r.headers().firstValue("location").orElse("")).as(route).startsWith("/login");
      }
    }
    assertThat(send(client(), "GET", "/login", Map.of()).statusCode()).isEqualTo(200);
    assertThat(stateOfTheQuestion()).isEqualTo("new");
  }

  String stateOfTheQuestion() {
    return store.inTransaction(
        db ->
            org.columnist.store.Sql.one(db, "SELECT state FROM questions", rs -> rs.getString(1))
                .orElseThrow());
  }

  @Test
  void showsTheOriginalHtmlCleanedOfScriptsAndImages() throws Exception {
    GreenMailUtil.sendMessageBody(
        "ask@column.example",
        "Lee <lee@example.com>",
        "HTML only",
        "<p>My <b>boss</b> shouts.</p><script>alert(1)</script><img src=\"https://tracker.example/p.gif\">",
        "text/html; charset=UTF-8",
        greenMail.getSmtp().getServerSetup());
    wiring.intake().pollOnce();
    HttpClient http = client();
    send(http, "POST", "/login", Map.of("name", "pat", "password", "correct horse battery"));
    String page = send(http, "GET", "/questions/2", Map.of()).body();
    assertThat(page)
        .contains("<details>")
        .contains("<b>boss</b>")
        .doesNotContain("<script>alert")
        .doesNotContain("<img")
        .doesNotContain("tracker.example");
  }

  @Test
  void theMailPageMasksReadersAsTheQueueDoesUntilTheCoachRevealsThem() throws Exception {
    HttpClient http = client();
    send(http, "POST", "/login", Map.of("name", "pat", "password", "correct horse battery"));
    String page = send(http, "GET", "/mail", Map.of()).body();
    assertThat(page)
        .contains("d***@e******.com")
        .doesNotContain("dana@example.com")
        .contains("href=\"/mail?reveal=1\"");
    assertThat(send(http, "GET", "/mail?reveal=1", Map.of()).body()).contains("dana@example.com");
  }

  @Test
  void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() throws Exception {
    HttpClient http = client();
    HttpResponse<String> wrong =
        send(http, "POST", "/login", Map.of("name", "pat", "password", "wrong password!"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong name or password.");
    for (int i = 0; i < 4; i++) {
      send(http, "POST", "/login", Map.of("name", "pat", "password", "wrong password!"));
    }
    HttpResponse<String> throttled =
        send(http, "POST", "/login", Map.of("name", "pat", "password", "correct horse battery"));
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Too many failed attempts");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndFormsNeedTheirToken() throws Exception {
    HttpClient http = client();
    HttpResponse<String> login =
        send(
            http,
            "POST",
            "/login",
            Map.of(
                "name",
                "pat",
                "password",
                "correct horse battery",
                "next",
                "https://evil.example/"));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("location").orElse("")).isEqualTo("/");
    String cookie =
        login.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("columnist_editor="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    HttpResponse<String> forged = send(http, "POST", "/questions/1/accept", Map.of());
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken =
        send(http, "POST", "/questions/1/spam", Map.of("csrf", "guess"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(stateOfTheQuestion()).isEqualTo("new");
    assertThat(send(http, "GET", "/", Map.of()).headers().firstValue("x-frame-options"))
        .contains("DENY");
  }

  @Test
  void theCoachRecordsThatTheReaderAskedNotToBeTold() throws Exception {
    HttpClient http = client();
    send(http, "POST", "/login", Map.of("name", "pat", "password", "correct horse battery"));
    String page = send(http, "GET", "/questions/1", Map.of()).body();
    assertThat(page).contains("The reader <strong>will</strong> be told");
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).isTrue();
    HttpResponse<String> off =
        send(http, "POST", "/questions/1/notice", Map.of("csrf", token.group(1), "tell", "off"));
    assertThat(off.statusCode()).isEqualTo(302);
    assertThat(send(http, "GET", "/questions/1", Map.of()).body())
        .contains("The reader <strong>will not</strong> be told")
        .contains("the reader will not be told when it is published");
    Integer notify =
        store.inTransaction(
            db ->
                org.columnist.store.Sql.one(
                        db, "SELECT notify_reader FROM questions WHERE id = 1", rs -> rs.getInt(1))
                    .orElseThrow());
    assertThat(notify).isZero();
  }

  @Test
  void aCoachAcceptsWritesPreviewsAndPublishesInTheBrowser() throws Exception {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      ConditionFactory page = untilThePageIsThere();
      browser.screenshot(base + "/login", "editor-login", 1280, 900);
      d.findElement(By.id("name")).sendKeys("pat");
      d.findElement(By.id("password")).sendKeys("wrong password!");
      d.findElement(By.cssSelector("form button")).click();
      // The click returns before the answer to the post has loaded: wait for it.
      page.untilAsserted(
          () ->
              assertThat(d.findElement(By.cssSelector(".error")).getText())
                  .contains("Wrong name or password"));
      d.findElement(By.id("name")).clear();
      d.findElement(By.id("name")).sendKeys("pat");
      d.findElement(By.id("password")).sendKeys("correct horse battery");
      d.findElement(By.cssSelector("form button")).click();
      page.until(() -> d.getCurrentUrl().equals(base + "/"));
      browser.save("editor-queue");
      WebElement link = d.findElement(By.cssSelector("table a"));
      assertThat(link.getText()).contains("<script>alert('x')</script>");
      link.click();
      page.until(() -> d.getCurrentUrl().contains("/questions/"));
      browser.save("editor-question");
      assertThat(d.findElement(By.cssSelector("h1")).getText()).startsWith("<script>");
      assertThat(d.findElement(By.cssSelector(".text")).getText()).contains("<b>How</b>");
      d.findElement(By.xpath("//button[text()='Accept and start the draft']")).click();
      page.until(() -> d.getCurrentUrl().contains("/drafts/"));
      WebElement title = d.findElement(By.id("title"));
      title.clear();
      title.sendKeys("Lunch is yours");
      // The issue starts empty with a prompt, not as a second copy of the subject.
      WebElement issue = d.findElement(By.id("issue"));
      assertThat(issue.getAttribute("value")).isEmpty();
      assertThat(issue.getAttribute("required")).isNull();
      assertThat(issue.getAttribute("placeholder"))
          .isEqualTo("What this column is about, in a few words");
      issue.sendKeys("Meetings over lunch");
      d.findElement(By.id("answer")).sendKeys("Protect your lunch hour.");
      d.findElement(By.id("inner_game")).sendKeys("You are allowed a break.");
      d.findElement(By.id("outer_game")).sendKeys("Propose a meeting-free hour.");
      d.findElement(By.id("last_word")).sendKeys("Ask once, clearly.");
      d.findElement(By.xpath("//button[text()='Preview']")).click();
      d.switchTo().frame(d.findElement(By.cssSelector("iframe[name=preview]")));
      page.until(() -> d.findElement(By.cssSelector("h1")).getText().equals("Lunch is yours"));
      d.switchTo().defaultContent();
      browser.save("editor-draft-preview");
      d.findElement(By.xpath("//button[text()='Save']")).click();
      page.until(
          () -> d.findElement(By.cssSelector(".flash")).getText().startsWith("Saved as version 2"));
      d.findElement(By.xpath("//button[text()='Submit for review']")).click();
      page.until(() -> d.findElement(By.cssSelector(".flash")).getText().contains("in review"));
      d.findElement(By.xpath("//button[text()='Publish now']")).click();
      page.until(() -> d.findElement(By.cssSelector(".flash")).getText().startsWith("Published:"));
      browser.save("editor-published");
      String url =
          d.findElement(By.cssSelector(".flash")).getText().replace("Published: ", "").strip();
      String path = URI.create(url).getPath();
      assertThat(config.paths().publicDir().resolve(path.substring(1) + "index.html"))
          .content()
          .contains("Protect your lunch hour.");
      assertThat(index.search(SearchRequest.of("meeting-free hour")).hits())
          .extracting(h -> h.title())
          .contains("Lunch is yours");
      browser.screenshot(base + "/", "editor-queue-phone", 390, 900);
      browser.screenshot(base + "/mail", "editor-mail", 1280, 900);
    }
  }

  // A page still loading has no such element yet, and one replaced while a condition reads it
  // leaves a stale element: ask again until the page is there.
  private static ConditionFactory untilThePageIsThere() {
    return await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsMatching(
            e -> e instanceof NotFoundException || e instanceof StaleElementReferenceException);
  }

  @Test
  void theDraftPageFlagsTheReadersEmployerAndWhatTheirSignatureSays() throws Exception {
    GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "Jane Doe <jane.doe@northfield-grain.example>",
        "Credit for my work",
        "My manager presents my analyses as his own. Should I tell HR?\n\nBest regards,\n"
            + "Jane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142",
        greenMail.getSmtp().getServerSetup());
    wiring.intake().pollOnce();
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      ConditionFactory page = untilThePageIsThere();
      d.get(base + "/login");
      d.findElement(By.id("name")).sendKeys("pat");
      d.findElement(By.id("password")).sendKeys("correct horse battery");
      d.findElement(By.cssSelector("form button")).click();
      page.until(() -> d.getCurrentUrl().equals(base + "/"));
      d.get(base + "/questions/2");
      assertThat(d.findElement(By.cssSelector(".text")).getText()).doesNotContain("Senior Analyst");
      d.findElement(By.xpath("//button[text()='Accept and start the draft']")).click();
      page.until(() -> d.getCurrentUrl().contains("/drafts/"));
      d.findElement(By.id("answer"))
          .sendKeys("As a senior analyst at NorthfieldGrain, keep copies of what you send.");
      d.findElement(By.xpath("//button[text()='Save']")).click();
      page.untilAsserted(
          () ->
              assertThat(d.findElement(By.cssSelector(".findings")).getText())
                  .contains("the reader's employer \"NorthfieldGrain\" in 'Answer'")
                  .contains(
                      "the reader's job title from their signature \"senior analyst\" in 'Answer'"));
      browser.save("editor-draft-privacy");
    }
  }
}
