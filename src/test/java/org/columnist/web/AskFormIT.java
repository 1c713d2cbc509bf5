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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.columnist.column.PrivacyCheck;
import org.columnist.config.TestConfig;
import org.columnist.queue.Arrivals;
import org.columnist.search.SearchIndex;
import org.columnist.site.FormTokens;
import org.columnist.site.SiteBuilder;
import org.columnist.store.Sql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Asking from the site over real HTTP, with the confirmation and the acknowledgement by mail. */
class AskFormIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  Wiring wiring;
  SearchIndex index;
  PublicServer server;
  String base;
  int client;

  @BeforeEach
  void start() {
    wiring =
        new Wiring(TestConfig.aConfig().withSmtp(greenMail.getSmtp().getPort()).loadIn(dir), clock);
    new SiteBuilder(wiring.config, new Archive(wiring.config.paths().archive())).build(false);
    index = wiring.searchIndex();
    server =
        new PublicServer(wiring.config, index, null, wiring.publicForms()).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    index.close();
  }

  HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> q(e.getKey()) + "=" + q(e.getValue()))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", "203.0.113." + client)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A question as a reader fills in the form on the static page. */
  Map<String, String> question(String address) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", wiring.formTokens().forPage("ask", FormTokens.NO_SLUG));
    f.put("question", "My manager <b>never</b> answers my mails. What can I do?");
    f.put("subject", "A silent manager");
    f.put("age", "47");
    f.put("title", "Project lead");
    f.put("years_company", "6");
    f.put("years_role", "2");
    f.put("industry", "Retail");
    f.put("email", address);
    f.put("name", "Pat");
    f.put("consent", "yes");
    f.put("website", "");
    return f;
  }

  /** The same fields with the token the check page {@code page} carries. */
  static Map<String, String> withTokenOf(Map<String, String> fields, HttpResponse<String> page) {
    Map<String, String> again = new LinkedHashMap<>(fields);
    again.put("token", Jsoup.parse(page.body()).select("form.ask input[name=token]").val());
    return again;
  }

  /** Posts the static page's form, then, a few seconds later, Send on the check page. */
  HttpResponse<String> askAndSend(Map<String, String> fields) throws Exception {
    HttpResponse<String> check = post("/ask", fields);
    assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
    assertThat(h1(check)).isEqualTo("Check your question and send");
    clock.advance(Duration.ofSeconds(5));
    return post("/ask", withTokenOf(fields, check));
  }

  List<String> column(String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  static String h1(HttpResponse<String> response) {
    return Jsoup.parse(response.body()).select("h1").text();
  }

  static String link(String text) {
    Matcher m = Pattern.compile("https://column\\.example/ask/confirm\\?t=(\\S+)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  /** The token of the newest question confirmation queued in the outbox. */
  String queuedLink() {
    List<String> bodies =
        column("SELECT body_text FROM outbox WHERE kind = 'confirm-question' ORDER BY id");
    return link(bodies.get(bodies.size() - 1));
  }

  HttpResponse<String> press(String token) throws Exception {
    HttpResponse<String> page = get("/ask/confirm?t=" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.select("form[method=post]").attr("action")).isEqualTo("/ask/confirm");
    return post("/ask/confirm", Map.of("t", doc.select("input[name=t]").val()));
  }

  @Test
  void aSignOffTypedIntoTheFormIsCutAndKeptForThePrivacyCheckAsAMailsIs() throws Exception {
    Map<String, String> fields = question("jane@northfield-grain.example");
    fields.put(
        "question",
        "How do I ask for a raise?\n\nBest regards,\nJane Doe\nSenior Analyst, Northfield"
            + " Grain\n+1 312 555 0142");
    askAndSend(fields);
    press(queuedLink());

    long id = Long.parseLong(column("SELECT id FROM questions").get(0));
    assertThat(column("SELECT body FROM questions").get(0))
        .startsWith("How do I ask for a raise?\n\nAge: 47")
        .doesNotContain("Jane Doe", "555");
    PrivacyCheck.Writer writer = wiring.queue().show(id).writer();
    assertThat(writer.signature()).contains("Jane Doe", "Northfield Grain", "+1 312 555 0142");
    Column draft =
        Columns.aColumn()
            .withAnswer("Jane, as an analyst at Northfield Grain, call 312-555-0142.")
            .build();
    assertThat(PrivacyCheck.findings(draft, writer))
        .extracting(PrivacyCheck.Finding::text)
        .contains("Jane", "Northfield Grain", "312-555-0142");
  }

  @Test
  void aQuestionFromTheFormIsConfirmedIntoTheQueueAndAcknowledged() throws Exception {
    HttpResponse<String> check = post("/ask", question("pat@example.com"));
    // The check page shows what was typed, escaped, with a token of its own.
    Document page = Jsoup.parse(check.body());
    assertThat(page.select("textarea[name=question]").text()).contains("<b>never</b>");
    assertThat(check.body()).doesNotContain("<b>never</b>");
    assertThat(page.select("input[name=age]").val()).isEqualTo("47");
    assertThat(page.select("input[name=consent]").hasAttr("checked")).isTrue();
    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> sent = post("/ask", withTokenOf(question("pat@example.com"), check));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(h1(sent)).isEqualTo("Check your inbox");
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("0");

    assertThat(wiring.outbox().sendDue(wiring.config.smtp()).sent()).isEqualTo(1);
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("pat@example.com");
    assertThat(mails[0].getSubject()).isEqualTo("Confirm your question to Coach's Corner");
    String token = link(GreenMailUtil.getBody(mails[0]).replace("=\r\n", ""));

    // A mail scanner's GET confirms nothing.
    assertThat(get("/ask/confirm?t=" + token).statusCode()).isEqualTo(200);
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("0");

    HttpResponse<String> confirmed = press(token);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(h1(confirmed)).isEqualTo("Your question is sent");
    assertThat(column("SELECT state || ' ' || origin || ' ' || sender_address FROM questions"))
        .containsExactly("new form pat@example.com");
    assertThat(column("SELECT body FROM questions").get(0))
        .isEqualTo(
            "My manager <b>never</b> answers my mails. What can I do?\n\nAge: 47\nTitle: Project"
                + " lead\nYears at company: 6\nYears in role: 2\nIndustry: Retail");
    assertThat(wiring.outbox().sendDue(wiring.config.smtp()).sent()).isEqualTo(1);
    MimeMessage ack = greenMail.getReceivedMessages()[1];
    assertThat(ack.getSubject()).isEqualTo("Your question to Coach's Corner: received");
    assertThat(GreenMailUtil.getBody(ack)).contains("Dear Pat").contains("A silent manager");

    // Replayed: the link worked once.
    HttpResponse<String> again = press(token);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("1");

    // A reader's "withdraw" goes by the sender's address, as for a question by mail.
    java.util.Optional<Arrivals.Withdrawn> withdrawn =
        wiring.store.inTransaction(db -> new Arrivals(clock).withdrawNewest(db, "pat@example.com"));
    assertThat(withdrawn).isPresent();
    assertThat(column("SELECT state FROM questions")).containsExactly("withdrawn");
  }

  @Test
  void aSecondQuestionWithinTheAckPeriodIsNotAcknowledgedAgain() throws Exception {
    for (int i = 0; i < 2; i++) {
      client++;
      askAndSend(question("pat@example.com"));
      assertThat(press(queuedLink()).statusCode()).isEqualTo(200);
    }
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("2");
    assertThat(column("SELECT count(*) FROM outbox WHERE kind = 'ack'")).containsExactly("1");
  }

  @Test
  void aSendWithinTheMinimumFillTimeIsShownAgainAndNotTaken() throws Exception {
    HttpResponse<String> check = post("/ask", question("pat@example.com"));
    clock.advance(Duration.ofMillis(500));
    HttpResponse<String> tooSoon = post("/ask", withTokenOf(question("pat@example.com"), check));
    assertThat(tooSoon.statusCode()).isEqualTo(200);
    assertThat(h1(tooSoon)).isEqualTo("Check your question and send");
    assertThat(tooSoon.body()).contains("read it through once more");
    assertThat(column("SELECT count(*) FROM form_questions")).containsExactly("0");
    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> sent = post("/ask", withTokenOf(question("pat@example.com"), tooSoon));
    assertThat(h1(sent)).isEqualTo("Check your inbox");
    assertThat(column("SELECT count(*) FROM form_questions")).containsExactly("1");
  }

  @Test
  void aForgedOrAlteredLinkIsRefusedAndAnExpiredOneIsGone() throws Exception {
    askAndSend(question("pat@example.com"));
    String token = queuedLink();
    String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    for (String bad : List.of(altered, "made-up", "bWFkZQ~dXA")) {
      assertThat(get("/ask/confirm?t=" + bad).statusCode()).as(bad).isEqualTo(400);
      assertThat(post("/ask/confirm", Map.of("t", bad)).statusCode()).as(bad).isEqualTo(400);
    }
    clock.advance(Duration.ofDays(7).plusMinutes(1));
    HttpResponse<String> expired = press(token);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(h1(expired)).isEqualTo("This link has expired");
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("0");
  }

  @Test
  void anUnconfirmedQuestionIsDeletedOnceItsWeekIsOverAndAConfirmedOneIsKept() throws Exception {
    askAndSend(question("kept@example.com"));
    press(queuedLink());
    client++;
    askAndSend(question("gone@example.com"));
    clock.advance(Duration.ofDays(6));
    assertThat(wiring.siteQuestions().forgetUnconfirmed()).isZero();
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    assertThat(wiring.siteQuestions().forgetUnconfirmed()).isEqualTo(1);
    assertThat(column("SELECT address FROM form_questions")).containsExactly("kept@example.com");
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("1");
  }

  @Test
  void aFloodFromOneClientIsRefusedAfterTheLimitAndStoresNothingBeyondIt() throws Exception {
    Map<String, String> fields = question("flood@example.com");
    fields.put("token", wiring.formTokens().fresh("ask", FormTokens.NO_SLUG, clock.instant()));
    clock.advance(Duration.ofSeconds(5));
    int taken = 0;
    int refused = 0;
    for (int i = 0; i < 500; i++) {
      int status = post("/ask", fields).statusCode();
      if (status == 200) {
        taken++;
      } else if (status == 429) {
        refused++;
      }
    }
    assertThat(taken).isEqualTo(PublicServer.FORMS_PER_MINUTE);
    assertThat(refused).isEqualTo(500 - PublicServer.FORMS_PER_MINUTE);
    // Of those, only the five its address may be mailed about are kept.
    assertThat(column("SELECT count(*) FROM form_questions")).containsExactly("5");
    assertThat(column("SELECT count(*) FROM questions")).containsExactly("0");
    // The address itself gets at most five confirmation mails an hour, whoever types it.
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("5");
  }

  @Test
  void badInputDrawsTheFormAgainFilledInWithWhatIsWrong() throws Exception {
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    cases.put("Please write your question.", Map.of("question", "  "));
    cases.put("at most 20000", Map.of("question", "x".repeat(20_001)));
    cases.put("such as name@example.com", Map.of("email", "not an address"));
    cases.put("anonymised", Map.of("consent", ""));
    cases.put("Your age must be a whole number from 10 to 120.", Map.of("age", "200"));
    cases.put("Years in the role must be", Map.of("years_role", "two"));
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      client++;
      Map<String, String> fields = question("pat@example.com");
      fields.putAll(c.getValue());
      HttpResponse<String> r = post("/ask", fields);
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      Document doc = Jsoup.parse(r.body());
      assertThat(doc.select(".problems").text()).as(c.getKey()).contains(c.getKey());
      assertThat(doc.select("input[name=title]").val()).isEqualTo("Project lead");
      assertThat(doc.select("textarea[name=question]").text())
          .isEqualTo(fields.get("question").strip());
    }
    assertThat(column("SELECT count(*) FROM form_questions")).containsExactly("0");
  }

  @Test
  void theHoneypotAnswersAsIfSentAndStoresNothing() throws Exception {
    HttpResponse<String> sent = askAndSend(question("pat@example.com"));
    client++;
    Map<String, String> robot = question("robot@example.com");
    robot.put("website", "http://spam.example");
    // Its first post gets the check page as a person's does (askAndSend checks it), its Send
    // the same page as a person's.
    HttpResponse<String> trapped = askAndSend(robot);
    assertThat(trapped.statusCode()).isEqualTo(200);
    assertThat(trapped.body()).isEqualTo(sent.body());
    assertThat(column("SELECT address FROM form_questions")).containsExactly("pat@example.com");
  }

  @Test
  void aPostWithoutTheAskFormsTokenIsRefused() throws Exception {
    Map<String, String> fields = question("pat@example.com");
    fields.put("token", wiring.formTokens().forPage("subscribe", FormTokens.NO_SLUG));
    assertThat(post("/ask", fields).statusCode()).isEqualTo(403);
    fields.remove("token");
    assertThat(post("/ask", fields).statusCode()).isEqualTo(403);
    assertThat(column("SELECT count(*) FROM form_questions")).containsExactly("0");
  }
}
