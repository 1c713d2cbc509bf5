package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
import org.columnist.cli.Wiring;
import org.columnist.column.Column;
import org.columnist.column.Columns;
import org.columnist.config.Config;
import org.columnist.config.TestConfig;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;
import org.columnist.store.Sql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses under a column over real HTTP: the public form and its check page, the mailed link
 * (through GreenMail), the editor's Responses page, and the column page the build draws again.
 */
class ResponsesIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final HttpClient http = HttpClient.newHttpClient();
  static final String HOSTILE =
      "Thanks! <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))";
  static final String PASSWORD = "correct horse battery";

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  Wiring wiring;
  PublicServer site;
  EditorServer editor;
  SearchIndex index;
  String base;
  Column column;
  Column old;
  int client;

  /** An instance with one open column and one closed one, built, with both servers. */
  void start(boolean trustReturning) throws Exception {
    start(trustReturning, TestConfig.aConfig().withSmtp(greenMail.getSmtp().getPort()));
  }

  /** The same on {@code config} (a browser test's, with no relay: mail waits in the outbox). */
  void start(boolean trustReturning, TestConfig config) throws Exception {
    Path file = config.writeTo(dir);
    if (!trustReturning) {
      Files.writeString(file, Files.readString(file) + "responses:\n  trust_returning: false\n");
    }
    wiring = new Wiring(Config.load(file, Map.of()), clock);
    Archive archive = new Archive(wiring.config.paths().archive());
    column =
        Columns.aColumn()
            .withTitle("Leading a team")
            .withSlug("leading-a-team")
            .withDate(LocalDate.parse("2026-03-01"))
            .build();
    old =
        Columns.aColumn()
            .withTitle("An old one")
            .withSlug("an-old-one")
            .withDate(LocalDate.parse("2025-06-01"))
            .build();
    archive.write(column);
    archive.write(old);
    build();
    index = wiring.searchIndex();
    index.update(archive);
    site =
        new PublicServer(
                wiring.config, index, null, wiring.publicForms().whenReadersChange(this::build))
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + site.port();
    Accounts accounts = new Accounts(wiring.store, clock);
    accounts.add("pat", PASSWORD.toCharArray());
    editor =
        new EditorServer(
                wiring.config,
                wiring.store,
                wiring.queue(),
                wiring.outbox(),
                wiring.subscribers(),
                accounts,
                files -> build(),
                clock)
            .start("127.0.0.1", 0);
  }

  void build() {
    new SiteBuilder(
            wiring.config,
            new Archive(wiring.config.paths().archive()),
            slug -> List.of(),
            wiring.sitePart())
        .build(false);
  }

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
      editor.close();
      index.close();
    }
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", "203.0.113." + client++)
            .POST(HttpRequest.BodyPublishers.ofString(encoded(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String encoded(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  Document columnPage() throws Exception {
    HttpResponse<String> page = get("/" + column.path());
    assertThat(page.statusCode()).isEqualTo(200);
    return Jsoup.parse(page.body());
  }

  static Map<String, String> fields(Document page) {
    Map<String, String> form = new java.util.HashMap<>();
    for (var input : page.select("form.respond input, form.respond textarea")) {
      if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
        form.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
      }
    }
    return form;
  }

  /** Fills the column page's form, then presses Send on the check page a little later. */
  HttpResponse<String> respond(String name, String email, String text, boolean notify)
      throws Exception {
    Map<String, String> form = fields(columnPage());
    form.put("name", name);
    form.put("email", email);
    form.put("text", text);
    if (notify) {
      form.put("notify", "1");
    }
    HttpResponse<String> check = post("/responses/" + column.slug(), form);
    assertThat(check.statusCode()).isEqualTo(200);
    assertThat(h1(check)).isEqualTo("Check your response and send");
    clock.advance(Duration.ofSeconds(5));
    return post("/responses/" + column.slug(), fields(Jsoup.parse(check.body())));
  }

  static String h1(HttpResponse<String> response) {
    return Jsoup.parse(response.body()).select("h1").text();
  }

  List<String> select(String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  /** Sends what the outbox holds; returns the newest mail GreenMail got. */
  MimeMessage newestMail() {
    wiring.outbox().sendDue(wiring.config.smtp());
    MimeMessage[] mails = greenMail.getReceivedMessages();
    return mails[mails.length - 1];
  }

  static String link(MimeMessage mail) {
    Matcher m =
        Pattern.compile("https://column\\.example/responses/confirm\\?t=(\\S+)")
            .matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Opens the link's page, as a mail scanner would, then presses its button. */
  HttpResponse<String> confirm(String token) throws Exception {
    HttpResponse<String> page = get("/responses/confirm?t=" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.select("form[method=post] button").text()).isEqualTo("Confirm my response");
    return post("/responses/confirm", Map.of("t", doc.select("input[name=t]").val()));
  }

  HttpClient coach() throws Exception {
    HttpClient coach = EditorInstance.client();
    HttpResponse<String> r =
        EditorInstance.send(
            coach,
            "POST",
            URI.create("http://127.0.0.1:" + editor.port() + "/login"),
            Map.of("name", "pat", "password", PASSWORD));
    assertThat(r.statusCode()).isEqualTo(302);
    return coach;
  }

  HttpResponse<String> editor(HttpClient coach, String method, String path, Map<String, String> f)
      throws Exception {
    return EditorInstance.send(
        coach, method, URI.create("http://127.0.0.1:" + editor.port() + path), f);
  }

  HttpResponse<String> moderate(HttpClient coach, long id, String action, Map<String, String> f)
      throws Exception {
    Document page = Jsoup.parse(editor(coach, "GET", "/responses", Map.of()).body());
    Map<String, String> form = new java.util.HashMap<>(f);
    form.put("csrf", page.select("input[name=csrf]").first().val());
    return editor(coach, "POST", "/responses/" + id + "/" + action, form);
  }

  @Test
  void aConfirmedApprovedResponseShowsOnTheRebuiltPageWithHostileTextInertEverywhere()
      throws Exception {
    start(true);
    assertThat(columnPage().select("#responses-heading").text()).isEqualTo("Responses (0)");
    HttpResponse<String> sent = respond("Sam <b>", "sam@example.com", HOSTILE, true);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(h1(sent)).isEqualTo("Check your inbox");
    assertThat(select("SELECT state || ' ' || body FROM responses"))
        .containsExactly("unconfirmed " + HOSTILE);

    MimeMessage mail = newestMail();
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sam@example.com");
    assertThat(mail.getSubject()).isEqualTo("Confirm your response on Coach's Corner");
    assertThat(mail.getContentType()).as("plain text: nothing in it runs").startsWith("text/plain");
    assertThat(GreenMailUtil.getBody(mail))
        .as("an unconfirmed address gets none of the text typed for it")
        .doesNotContain("Sam", "script", "alert");
    String token = link(mail);
    assertThat(select("SELECT state FROM responses")).containsExactly("unconfirmed");

    assertThat(h1(confirm(token))).isEqualTo("Thank you");
    assertThat(select("SELECT state FROM responses")).containsExactly("pending");
    HttpResponse<String> replayed = post("/responses/confirm", Map.of("t", token));
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(h1(replayed)).isEqualTo("This link was used already");
    assertThat(columnPage().select("#responses-heading").text())
        .as("not shown before the coach approves it")
        .isEqualTo("Responses (0)");

    HttpClient coach = coach();
    Document list = Jsoup.parse(editor(coach, "GET", "/responses", Map.of()).body());
    assertThat(list.select("pre.response-text").text()).isEqualTo(HOSTILE);
    assertThat(list.select("main script, main img")).isEmpty();
    assertThat(list.select("li.card").text()).contains("s***@e******.com").doesNotContain("sam@");
    long id = Long.parseLong(select("SELECT id FROM responses").get(0));
    assertThat(moderate(coach, id, "approve", Map.of()).statusCode()).isEqualTo(302);

    Document page = columnPage();
    assertThat(page.select("#responses-heading").text()).isEqualTo("Responses (1)");
    var shown = page.select(".response-list");
    assertThat(shown.text()).contains("Sam <b>", "<script>alert(1)</script>", "onerror");
    assertThat(shown.select("script, img, b")).isEmpty();
    assertThat(shown.select("a").attr("href")).doesNotContain("javascript");

    assertThat(moderate(coach, id, "reply", Map.of("reply", "Glad it <i>helped</i>.")).statusCode())
        .isEqualTo(302);
    MimeMessage reply = newestMail();
    assertThat(reply.getSubject())
        .isEqualTo("Pat Example replied to your response on Coach's Corner");
    assertThat(reply.getContentType()).startsWith("text/plain");
    assertThat(GreenMailUtil.getBody(reply)).contains("Glad it <i>helped</i>.");
    Document replied = columnPage();
    assertThat(replied.select(".coach-reply").text())
        .contains("Reply from Pat Example, the coach", "Glad it <i>helped</i>.");
    assertThat(replied.select(".coach-reply i")).isEmpty();
  }

  /** A writer whose first response the coach approved, writing again. */
  HttpResponse<String> returningWriter() throws Exception {
    respond("Ann", "ann@example.com", "First.", false);
    confirm(link(newestMail()));
    HttpClient coach = coach();
    long first = Long.parseLong(select("SELECT id FROM responses").get(0));
    moderate(coach, first, "approve", Map.of());
    respond("Ann", "ANN@example.com", "Second.", false);
    return confirm(link(newestMail()));
  }

  @Test
  void aReturningWriterTheCoachApprovedBeforeIsPublishedWithoutWaiting() throws Exception {
    start(true);
    assertThat(returningWriter().statusCode()).isEqualTo(200);
    assertThat(select("SELECT body || ' ' || decided_by FROM responses ORDER BY id"))
        .containsExactly("First. web:pat", "Second. trusted");
    assertThat(columnPage().select("#responses-heading").text()).isEqualTo("Responses (2)");
  }

  @Test
  void aWriterOnceMarkedSpamIsTrustedNoMore() throws Exception {
    start(true);
    returningWriter();
    HttpClient coach = coach();
    long second = Long.parseLong(select("SELECT id FROM responses ORDER BY id").get(1));
    moderate(coach, second, "spam", Map.of());
    respond("Ann", "ann@example.com", "Third.", false);
    confirm(link(newestMail()));

    assertThat(select("SELECT body || ' ' || state FROM responses ORDER BY id"))
        .containsExactly("First. approved", "Second. spam", "Third. pending");
  }

  @Test
  void withoutTrustReturningEveryResponseWaitsForTheCoach() throws Exception {
    start(false);
    returningWriter();
    assertThat(select("SELECT body || ' ' || state FROM responses ORDER BY id"))
        .containsExactly("First. approved", "Second. pending");
    assertThat(columnPage().select("#responses-heading").text()).isEqualTo("Responses (1)");
  }

  @Test
  void aForgedAlteredOrExpiredLinkIsRefusedAndConfirmsNothing() throws Exception {
    start(true);
    respond("Bo", "bo@example.com", "Hello.", false);
    String token = link(newestMail());
    assertThat(get("/responses/confirm?t=forged~xx").statusCode()).isEqualTo(400);
    String altered = token.substring(0, token.indexOf('~')) + "~AAAAAAAAAAAAAAAAAAAAAA";
    HttpResponse<String> forged = post("/responses/confirm", Map.of("t", altered));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(h1(forged)).isEqualTo("This link does not work");
    clock.advance(Duration.ofDays(8));
    HttpResponse<String> expired = post("/responses/confirm", Map.of("t", token));
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(select("SELECT state FROM responses")).containsExactly("unconfirmed");
    assertThat(wiring.responses().forgetUnconfirmed()).isEqualTo(1);
    assertThat(select("SELECT id FROM responses")).isEmpty();
  }

  @Test
  void aClosedColumnAndAnUnknownOneTakeNoResponse() throws Exception {
    start(true);
    Document oldPage = Jsoup.parse(get("/" + old.path()).body());
    assertThat(oldPage.select(".responses .closed").text()).isEqualTo("Responses are closed.");
    assertThat(oldPage.select("form.respond")).isEmpty();
    // Tokens as a page built while the column was open had, and one made up for no column.
    Map<String, String> form =
        new HashMap<>(Map.of("name", "A", "email", "a@example.com", "text", "Hi"));
    form.put("token", wiring.formTokens().forPage("respond", old.slug()));
    HttpResponse<String> closed = post("/responses/" + old.slug(), form);
    assertThat(closed.statusCode()).isEqualTo(410);
    assertThat(h1(closed)).isEqualTo("Responses are closed");
    form.put("token", wiring.formTokens().forPage("respond", "no-such-column"));
    assertThat(post("/responses/no-such-column", form).statusCode()).isEqualTo(404);
    assertThat(select("SELECT id FROM responses")).isEmpty();
  }

  @Test
  void badInputDrawsTheFormAgainFilledInAndKeepsNothing() throws Exception {
    start(true);
    Map<String, String> form = fields(columnPage());
    form.putAll(
        Map.of("name", "x".repeat(81), "email", "not an address", "text", "y".repeat(4_001)));
    HttpResponse<String> first = post("/responses/" + column.slug(), form);
    assertThat(first.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(first.body());
    assertThat(page.select(".problems li")).hasSize(3);
    assertThat(page.select("#response-text").text()).isEqualTo("y".repeat(4_001));
    assertThat(page.select("#response-email").val()).isEqualTo("not an address");
    clock.advance(Duration.ofSeconds(5));
    Map<String, String> again = fields(page);
    again.put("text", "");
    HttpResponse<String> second = post("/responses/" + column.slug(), again);
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(second.body()).select(".problems").text())
        .contains("Please write your response.");
    assertThat(select("SELECT id FROM responses")).isEmpty();
  }
}
