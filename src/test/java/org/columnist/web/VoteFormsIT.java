package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.responses.Votes;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;
import org.columnist.store.Sql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Was this helpful?" over real HTTP: the buttons of a built column page, the limits, the box. */
class VoteFormsIT {
  static final String SLUG = "the-nurse-manager-who-cannot-say-no";
  static final String PAGE = "/2025/06/" + SLUG + "/";
  static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  final AtomicInteger changed = new AtomicInteger();
  Wiring wiring;
  SearchIndex index;
  PublicServer server;
  String base;
  String client = "203.0.113.5";

  @BeforeEach
  void start() {
    InstanceSkeleton.copyTo(dir);
    wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()), clock);
    index = wiring.searchIndex();
    index.update(new Archive(wiring.config.paths().archive()));
    build();
    server =
        new PublicServer(
                wiring.config,
                index,
                null,
                wiring.publicForms().whenReadersChange(changed::incrementAndGet))
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    index.close();
  }

  void build() {
    new SiteBuilder(
            wiring.config,
            new Archive(wiring.config.paths().archive()),
            slug -> List.of(),
            wiring.sitePart())
        .build(false);
  }

  @Test
  void countsAVoteFromTheColumnPageOncePerVisitorPerDay() throws Exception {
    String token = pageToken();

    assertThat(vote(token, "yes").statusCode()).isEqualTo(200);
    HttpResponse<String> again = vote(token, "yes");
    client = "203.0.113.6";
    vote(token, "yes");

    assertThat(Jsoup.parse(again.body()).select("h1").text()).isEqualTo("Thank you");
    assertThat(rows("SELECT COUNT(*) FROM votes WHERE helpful = 1")).containsExactly("2");
    assertThat(changed).hasValue(2);
    assertThat(dbText()).doesNotContain("203.0.113");
  }

  @Test
  void refusesAForgedTokenOrOneOfAnotherColumn() throws Exception {
    String other =
        wiring.formTokens().forPage("vote", "when-a-colleague-takes-credit-for-your-work");

    assertThat(vote("made-up~token", "yes").statusCode()).isEqualTo(403);
    assertThat(vote(other, "yes").statusCode()).isEqualTo(403);
    assertThat(vote(wiring.formTokens().forPage("respond", SLUG), "yes").statusCode())
        .isEqualTo(403);
    assertThat(rows("SELECT COUNT(*) FROM votes")).containsExactly("0");
    assertThat(changed).hasValue(0);
  }

  @Test
  void answersAnUnknownColumnWithTheNotFoundPage() throws Exception {
    HttpResponse<String> response =
        post("/votes/no-such-column", "value=yes&website=&token=" + pageToken());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Page not found");
  }

  @Test
  void refusesAVoteThatSaysNeitherYesNorNo() throws Exception {
    HttpResponse<String> response = vote(pageToken(), "maybe");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(rows("SELECT COUNT(*) FROM votes")).containsExactly("0");
  }

  @Test
  void answersAFilledHoneypotAsIfItWorkedAndCountsNothing() throws Exception {
    HttpResponse<String> response =
        post("/votes/" + SLUG, "value=yes&website=spam&token=" + q(pageToken()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(rows("SELECT COUNT(*) FROM votes")).containsExactly("0");
  }

  @Test
  void refusesAFloodFromOneClientAfterTheLimit() throws Exception {
    String token = pageToken();
    int refused = 0;
    for (int i = 0; i < 500; i++) {
      if (vote(token, i % 2 == 0 ? "yes" : "no").statusCode() == 429) {
        refused++;
      }
    }

    assertThat(refused).isGreaterThanOrEqualTo(490);
    assertThat(rows("SELECT COUNT(*) FROM votes")).containsExactly("1");
    client = "203.0.113.99";
    assertThat(vote(token, "yes").statusCode()).isEqualTo(200);
  }

  @Test
  void offersAfterANoABoxWhoseTextIsForTheCoachOnly() throws Exception {
    Document thanks = Jsoup.parse(vote(pageToken(), "no").body());
    assertThat(thanks.select("form.missing").attr("action"))
        .isEqualTo("/votes/" + SLUG + "/missing");
    assertThat(thanks.select("a").eachAttr("href")).contains(PAGE);

    String text = "<script>alert(1)</script> More on saying no to the director";
    Document tooSoon = Jsoup.parse(missing(thanks, text).body());
    assertThat(tooSoon.select("textarea").text()).isEqualTo(text);
    assertThat(rows("SELECT COUNT(*) FROM vote_feedback")).containsExactly("0");

    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> kept = missing(tooSoon, text);
    assertThat(kept.statusCode()).isEqualTo(200);
    assertThat(rows("SELECT body FROM vote_feedback")).containsExactly(text);

    build();
    assertThat(
            Files.readString(
                wiring.config.paths().publicDir().resolve(PAGE.substring(1) + "index.html")))
        .doesNotContain("saying no to the director");
  }

  @Test
  void refusesAMissingTextOverTwoThousandCharacters() throws Exception {
    Document thanks = Jsoup.parse(vote(pageToken(), "no").body());
    clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> response = missing(thanks, "x".repeat(Votes.MAX_MISSING + 1));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(response.body()).select(".why").text()).contains("2000");
    assertThat(rows("SELECT COUNT(*) FROM vote_feedback")).containsExactly("0");
  }

  String pageToken() throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(base + PAGE)).build(),
            HttpResponse.BodyHandlers.ofString());
    return Jsoup.parse(page.body()).select("form.helpful-vote [name=token]").val();
  }

  HttpResponse<String> vote(String token, String value) throws Exception {
    return post("/votes/" + SLUG, "value=" + value + "&website=&token=" + q(token));
  }

  HttpResponse<String> missing(Document page, String text) throws Exception {
    return post(
        page.select("form.missing").attr("action"),
        "text=" + q(text) + "&website=&token=" + q(page.select("form.missing [name=token]").val()));
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("X-Forwarded-For", client)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  List<String> rows(String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  /** Every text value in every table, joined. */
  String dbText() {
    StringBuilder all = new StringBuilder();
    for (String table : rows("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      wiring.store.inTransaction(
          db -> {
            try (var st = db.createStatement();
                var rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
              while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                  all.append(rs.getString(i)).append('|');
                }
              }
            }
            return null;
          });
    }
    return all.toString();
  }
}
