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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
import org.columnist.cli.Wiring;
import org.columnist.config.TestConfig;
import org.columnist.newsletter.Source;
import org.columnist.newsletter.Subscribers;
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

/** Subscribing, confirming and unsubscribing over real HTTP, with the mails through GreenMail. */
class NewsletterFormsIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  Wiring wiring;
  Subscribers subscribers;
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
    subscribers = wiring.subscribers();
    server =
        new PublicServer(wiring.config, index, null, wiring.publicForms()).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    index.close();
  }

  /** A POST from client {@code client} (forwarded by a proxy on this machine). */
  HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body, "Content-Type", "application/x-www-form-urlencoded");
  }

  /** A POST from client {@code client} with these headers (name, value, name, value...). */
  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (!List.of(headers).contains("X-Forwarded-For")) {
      request.header("X-Forwarded-For", "203.0.113." + client);
    }
    return http.send(
        request.headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> subscribe(String address) throws Exception {
    return post("/subscribe", subscribeToken() + "&email=" + q(address) + "&website=");
  }

  /** The subscribe form's token, as every page of the site carries it. */
  String subscribeToken() {
    return "token=" + q(wiring.formTokens().forPage("subscribe", FormTokens.NO_SLUG));
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  List<String> column(String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  /** The token of the newest confirmation queued in the outbox. */
  String queuedToken() {
    List<String> bodies = column("SELECT body_text FROM outbox WHERE kind = 'confirm' ORDER BY id");
    return token(bodies.get(bodies.size() - 1));
  }

  static String token(String text) {
    Matcher m =
        Pattern.compile("https://column\\.example/newsletter/confirm\\?t=(\\S+)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  /** Opens a confirmation link and presses its button, as a person would. */
  HttpResponse<String> followAndPress(String token) throws Exception {
    HttpResponse<String> page = get("/newsletter/confirm?t=" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.select("form[method=post] button").text()).isEqualTo("Confirm my subscription");
    assertThat(doc.select("form[method=post]").attr("action")).isEqualTo("/newsletter/confirm");
    return post("/newsletter/confirm", "t=" + q(doc.select("input[name=t]").val()));
  }

  static String h1(HttpResponse<String> response) {
    return Jsoup.parse(response.body()).select("h1").text();
  }

  @Test
  void aFormSubscriptionMailsOneLinkThatConfirmsOnlyWhenItsButtonIsPressed() throws Exception {
    HttpResponse<String> answer = subscribe("reader@example.com");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(h1(answer)).isEqualTo("Check your inbox");
    assertThat(wiring.outbox().sendDue(wiring.config.smtp()).sent()).isEqualTo(1);
    MimeMessage[] mails = greenMail.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("reader@example.com");
    assertThat(mails[0].getSubject()).isEqualTo("Confirm your subscription to Coach's Corner");
    String token = token(GreenMailUtil.getBody(mails[0]).replace("=\r\n", ""));

    // A mail scanner's GET shows the button and confirms nothing.
    assertThat(get("/newsletter/confirm?t=" + token).statusCode()).isEqualTo(200);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("pending");

    clock.advance(Duration.ofMinutes(5));
    HttpResponse<String> confirmed = followAndPress(token);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(h1(confirmed)).isEqualTo("You are subscribed");
    assertThat(
            column(
                "SELECT state || ' ' || source || ' ' || created_at || ' ' || confirmed_at FROM subscribers"))
        .containsExactly("confirmed form 2026-03-02T09:00:00Z 2026-03-02T09:05:00Z");

    // The same link again: no change of state, and it says so.
    clock.advance(Duration.ofMinutes(5));
    HttpResponse<String> again = followAndPress(token);
    assertThat(h1(again)).isEqualTo("Already confirmed");
    assertThat(column("SELECT confirmed_at FROM subscribers"))
        .containsExactly("2026-03-02T09:05:00Z");
  }

  @Test
  void aSubscriptionByMailConfirmsThroughTheSamePages() throws Exception {
    subscribers.request("fan@example.com", Source.MAIL);
    assertThat(h1(followAndPress(queuedToken()))).isEqualTo("You are subscribed");
    assertThat(column("SELECT state || ' ' || source FROM subscribers"))
        .containsExactly("confirmed mail");
  }

  @Test
  void forgedAlteredAndExpiredLinksAreRefusedWithAPageAndChangeNothing() throws Exception {
    subscribe("a@example.com");
    String tokenOfA = queuedToken();
    assertThat(post("/newsletter/confirm", "t=nonsense").statusCode()).isEqualTo(400);
    assertThat(post("/newsletter/confirm", "").statusCode()).isEqualTo(400);
    assertThat(get("/newsletter/confirm").statusCode()).isEqualTo(400);
    String altered = "Yy4y" + tokenOfA.substring(4); // "c.1." made "c.2.": the signature fails
    HttpResponse<String> forged = post("/newsletter/confirm", "t=" + q(altered));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(h1(forged)).isEqualTo("This link does not work");
    for (String link :
        List.of("/newsletter/confirm?t=" + q(altered), "/newsletter/unsubscribe?t=forged~xx")) {
      HttpResponse<String> opened = get(link);
      assertThat(opened.statusCode()).as(link).isEqualTo(400);
      assertThat(h1(opened))
          .as("a made-up link offers no button")
          .isEqualTo("This link does not work");
    }
    assertThat(get("/newsletter/confirm?t=" + q(tokenOfA)).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofDays(8));
    HttpResponse<String> expired = post("/newsletter/confirm?t=" + tokenOfA, "");
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(h1(expired)).isEqualTo("This link has expired");
    assertThat(Jsoup.parse(expired.body()).select("form[action=/subscribe]")).hasSize(1);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("pending");
  }

  @Test
  void theFormAnswersTheSameWhateverTheAddressIsAndSendsAtMostOneMailADay() throws Exception {
    subscribe("pending@example.com");
    subscribe("confirmed@example.com");
    subscribers.confirm(queuedToken());
    subscribe("suppressed@example.com");
    wiring.store.inTransaction(
        db -> subscribers.suppress(db, "suppressed@example.com", "complaint"));
    int queued = Integer.parseInt(column("SELECT count(*) FROM outbox").get(0));
    client = 2;
    List<String> answers = new ArrayList<>();
    for (String address :
        List.of(
            "new@example.com",
            "pending@example.com",
            "confirmed@example.com",
            "suppressed@example.com")) {
      HttpResponse<String> r = subscribe(address);
      answers.add(r.statusCode() + r.body());
    }
    client = 3;
    HttpResponse<String> robot =
        post(
            "/subscribe",
            subscribeToken() + "&email=" + q("robot@example.com") + "&website=" + q("http://spam"));
    answers.add(robot.statusCode() + robot.body());
    assertThat(answers).hasSize(5).allMatch(a -> a.equals(answers.get(0)));
    assertThat(answers.get(0)).startsWith("200");
    // Only the new address got a mail: the pending one had one today, the others need none...
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly(Integer.toString(queued + 1));
    // ...and the suppressed one had one today too.
    assertThat(column("SELECT address FROM subscribers WHERE address = 'robot@example.com'"))
        .isEmpty();
  }

  @Test
  void aSubscriptionWithoutThisFormsTokenIsRefusedWithA403AndStoresNothing() throws Exception {
    String address = "&email=" + q("reader@example.com") + "&website=";
    String ask = "token=" + q(wiring.formTokens().forPage("ask", FormTokens.NO_SLUG));
    String forged = subscribeToken().substring(0, subscribeToken().length() - 3) + "AAA";
    for (String body : List.of(address.substring(1), ask + address, forged + address)) {
      client++;
      HttpResponse<String> r = post("/subscribe", body);
      assertThat(r.statusCode()).as(body).isEqualTo(403);
      assertThat(h1(r)).isEqualTo("Please use the form on this site");
    }
    assertThat(column("SELECT count(*) FROM subscribers")).containsExactly("0");
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("0");
  }

  @Test
  void theHoneypotStoresNothing() throws Exception {
    HttpResponse<String> r =
        post(
            "/subscribe",
            subscribeToken() + "&email=" + q("bot@example.com") + "&website=" + q("http://spam"));
    assertThat(h1(r)).isEqualTo("Check your inbox");
    assertThat(column("SELECT count(*) FROM subscribers")).containsExactly("0");
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("0");
  }

  @Test
  void aPostOverTheLimitOfAMinuteFromOneClientIsRefusedAndStoresNothing() throws Exception {
    for (int i = 1; i <= PublicServer.FORMS_PER_MINUTE; i++) {
      assertThat(subscribe("r" + i + "@example.com").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> over = subscribe("over@example.com");
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).isPresent();
    assertThat(h1(over)).isEqualTo("Too many requests");
    assertThat(column("SELECT count(*) FROM subscribers WHERE address = 'over@example.com'"))
        .containsExactly("0");
    client = 9; // another reader is not held up
    assertThat(subscribe("other@example.com").statusCode()).isEqualTo(200);
  }

  @Test
  void aBadAddressOrAnOversizedBodyGetsAPageThatSaysSo() throws Exception {
    for (String bad : List.of("", "   ", "not-an-address", "a@b", "Name <a@example.com>")) {
      client++;
      HttpResponse<String> r = subscribe(bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(h1(r)).isEqualTo("That is not an e-mail address");
    }
    HttpResponse<String> tooLong = subscribe("a".repeat(250) + "@example.com");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("at most 254");
    HttpResponse<String> huge =
        post(
            "/subscribe",
            subscribeToken()
                + "&email="
                + q("a@example.com")
                + "&website="
                + "x".repeat(FormBody.MAX + 1));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(column("SELECT count(*) FROM subscribers")).containsExactly("0");
  }

  /** A confirmed subscriber with one newsletter mail queued; returns its unsubscribe token. */
  String confirmedWithQueuedNewsletter() throws Exception {
    subscribers.request("reader@example.com", Source.FORM);
    subscribers.confirm(queuedToken());
    wiring.store.inTransaction(
        db -> {
          long body =
              Sql.insert(
                  db,
                  """
                  INSERT INTO outbox_bodies(kind, subject, body_text, marker, created_at)
                  VALUES ('newsletter', 'A column', 'Read it: @@U@@', '@@U@@', ?)""",
                  clock.instant().toString());
          return Sql.insert(
              db,
              """
              INSERT INTO outbox(kind, to_address, body_id, personal, message_id, state,
                                 next_attempt_at, created_at)
              VALUES ('newsletter', 'reader@example.com', ?, 'x', '<n1@column.example>', 'queued',
                      ?, ?)""",
              body,
              clock.instant().toString(),
              clock.instant().toString());
        });
    List<String> tokens = new ArrayList<>();
    wiring.store.inTransaction(
        db -> {
          subscribers.forEachConfirmed(db, (id, address, token) -> tokens.add(token));
          return null;
        });
    return tokens.get(0);
  }

  @Test
  void aOneClickPostUnsubscribesAtOnceAndCancelsQueuedNewsletters() throws Exception {
    String token = confirmedWithQueuedNewsletter();
    HttpResponse<String> r =
        post("/newsletter/unsubscribe?t=" + token, "List-Unsubscribe=One-Click");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(h1(r)).isEqualTo("You are unsubscribed");
    assertThat(column("SELECT state FROM subscribers")).containsExactly("unsubscribed");
    assertThat(column("SELECT state FROM outbox WHERE kind = 'newsletter'"))
        .containsExactly("cancelled");
    assertThat(column("SELECT detail FROM subscriber_events WHERE event = 'unsubscribed'"))
        .containsExactly("one-click");
    // A second one changes nothing and says the same.
    assertThat(
            post("/newsletter/unsubscribe?t=" + token, "List-Unsubscribe=One-Click").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aGetOfTheUnsubscribeLinkOnlyShowsAButtonThatUnsubscribes() throws Exception {
    String token = confirmedWithQueuedNewsletter();
    HttpResponse<String> page = get("/newsletter/unsubscribe?t=" + token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("confirmed");
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.select("form[method=post] button").text()).isEqualTo("Unsubscribe");
    HttpResponse<String> pressed =
        post(doc.select("form").last().attr("action"), "t=" + q(doc.select("input[name=t]").val()));
    assertThat(h1(pressed)).isEqualTo("You are unsubscribed");
    assertThat(column("SELECT detail FROM subscriber_events WHERE event = 'unsubscribed'"))
        .containsExactly("link");
    assertThat(post("/newsletter/unsubscribe?t=" + token + "x", "").statusCode()).isEqualTo(400);
  }

  @Test
  void aOneClickPostSentAsMultipartUnsubscribesToo() throws Exception {
    String token = confirmedWithQueuedNewsletter();
    String body =
        "--b0undary\r\n"
            + "Content-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
            + "One-Click\r\n"
            + "--b0undary--\r\n";
    HttpResponse<String> r =
        post(
            "/newsletter/unsubscribe?t=" + token,
            body,
            "Content-Type",
            "multipart/form-data; boundary=b0undary");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(h1(r)).isEqualTo("You are unsubscribed");
    assertThat(column("SELECT state FROM subscribers")).containsExactly("unsubscribed");
    assertThat(column("SELECT detail FROM subscriber_events WHERE event = 'unsubscribed'"))
        .containsExactly("one-click");
  }

  @Test
  void aBrokenOrUnexpectedBodyGetsA400PageAndNoStackTrace() throws Exception {
    for (String path : List.of("/subscribe", "/newsletter/confirm", "/newsletter/unsubscribe")) {
      HttpResponse<String> broken =
          post(path, "--nope\r\ngarbage", "Content-Type", "multipart/form-data; boundary=b0");
      assertThat(broken.statusCode()).as(path).isEqualTo(400);
      assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at org.");
      HttpResponse<String> odd = post(path, "{\"email\": 1}", "Content-Type", "application/json");
      assertThat(odd.statusCode()).as(path).isEqualTo(400);
      client++;
    }
    assertThat(column("SELECT count(*) FROM subscribers")).containsExactly("0");
  }

  @Test
  void aChunkedBodyOfAMegabyteIsRefusedWithoutBeingReadAndTheServerGoesOn() throws Exception {
    // A raw connection, so that the answer can be read while the body is still being sent: a
    // server that read the body whole would not answer before the last of its 1 MB.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /subscribe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      out.write(chunk);
      out.flush();
      Thread sender =
          new Thread(
              () -> {
                try {
                  for (int i = 1; i < 64; i++) { // 64 chunks of 16 KB: 1 MB, and no end
                    out.write(chunk);
                  }
                  out.flush();
                } catch (java.io.IOException e) {
                  // the server stopped reading and closed: as it should
                }
              });
      sender.setDaemon(true);
      sender.start();
      String statusLine =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(statusLine).matches("HTTP/1\\.1 41[13] .*");
    }
    assertThat(column("SELECT count(*) FROM subscribers")).containsExactly("0");
    assertThat(subscribe("reader@example.com").statusCode()).isEqualTo(200);
  }

  @Test
  void aCrossSiteFormPostIsRefusedWithA403() throws Exception {
    subscribe("a@example.com");
    String token = queuedToken();
    client = 2;
    String form = "Content-Type";
    String urlencoded = "application/x-www-form-urlencoded";
    String subscribeBody = subscribeToken() + "&email=" + q("b@example.com") + "&website=";
    List<HttpResponse<String>> refused =
        List.of(
            post("/subscribe", subscribeBody, form, urlencoded, "Origin", "https://evil.example"),
            post("/subscribe", subscribeBody, form, urlencoded, "Sec-Fetch-Site", "cross-site"),
            post("/subscribe", subscribeBody, form, urlencoded, "Origin", "null"),
            post(
                "/newsletter/confirm",
                "t=" + q(token),
                form,
                urlencoded,
                "Origin",
                "https://evil.example"),
            post(
                "/newsletter/unsubscribe",
                "t=" + q(token),
                form,
                urlencoded,
                "Sec-Fetch-Site",
                "cross-site"));
    for (HttpResponse<String> r : refused) {
      assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(403);
      assertThat(h1(r)).isNotBlank();
    }
    assertThat(column("SELECT address || ' ' || state FROM subscribers"))
        .containsExactly("a@example.com pending");
    // The site's own origin, and this server's own for a local demo, are welcome.
    client = 3;
    assertThat(
            post(
                    "/subscribe",
                    subscribeBody,
                    form,
                    urlencoded,
                    "Origin",
                    "https://column.example",
                    "Sec-Fetch-Site",
                    "same-origin")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post("/newsletter/confirm", "t=" + q(token), form, urlencoded, "Origin", base)
                .statusCode())
        .isEqualTo(200);
    assertThat(column("SELECT address || ' ' || state FROM subscribers ORDER BY address"))
        .containsExactly("a@example.com confirmed", "b@example.com pending");
  }

  @Test
  void aOneClickPostFromAMailProviderIsNotAskedForAnOrigin() throws Exception {
    String token = confirmedWithQueuedNewsletter();
    HttpResponse<String> r =
        post(
            "/newsletter/unsubscribe?t=" + token,
            "List-Unsubscribe=One-Click",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Sec-Fetch-Site",
            "cross-site",
            "Origin",
            "https://mail.provider.example");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("unsubscribed");
  }

  /** A subscription from {@code ip}, as the proxy on this machine forwards it. */
  int subscribeFrom(String ip, String address) throws Exception {
    return post(
            "/subscribe",
            subscribeToken() + "&email=" + q(address) + "&website=",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "X-Forwarded-For",
            ip)
        .statusCode();
  }

  @Test
  void ipv6ClientsAreCountedPerSlash64() throws Exception {
    for (int i = 1; i <= PublicServer.FORMS_PER_MINUTE; i++) {
      String ip = "2001:db8:1:2::" + Integer.toHexString(i * 4099);
      assertThat(subscribeFrom(ip, "r" + i + "@example.com")).isEqualTo(200);
    }
    assertThat(subscribeFrom("2001:db8:1:2:ffff:ffff:ffff:ffff", "over@example.com"))
        .isEqualTo(429);
    assertThat(subscribeFrom("2001:db8:1:3::1", "other@example.com")).isEqualTo(200);
  }
}
