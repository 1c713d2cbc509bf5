package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicServerIT {
  @TempDir static Path dir;
  static SearchIndex index;
  static PublicServer server;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    InstanceSkeleton.copyTo(dir);
    Config config = Config.load(dir.resolve("config/columnist.yml"), Map.of());
    Archive archive = new Archive(config.paths().archive());
    new SiteBuilder(config, archive).build(false);
    index = SearchIndex.open(config.paths().data().resolve("index"), SearchIndex.DEFAULT_SYNONYMS);
    index.update(archive);
    server = new PublicServer(config, index).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
    index.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void servesTheSiteAndItsNotFoundPage() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(200);
    HttpResponse<String> column = get("/2025/03/leading-the-team-you-used-to-be-part-of/");
    assertThat(column.statusCode()).isEqualTo(200);
    assertThat(column.body()).contains("Leading the team you used to be part of");
    assertThat(get("/style.css").headers().firstValue("content-type").orElse(""))
        .startsWith("text/css");
    HttpResponse<String> missing = get("/no/such/page/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found");
    assertThat(get("/../config/columnist.yml").statusCode()).isIn(400, 404);
  }

  @Test
  void answersTheSearchApiWithJson() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + q("boss credit"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .startsWith("application/json");
    JsonNode json = new ObjectMapper().readTree(response.body());
    assertThat(json.get("total").asInt()).isGreaterThanOrEqualTo(1);
    JsonNode hit = json.get("hits").get(0);
    assertThat(hit.get("title").asText()).isEqualTo("When a colleague takes credit for your work");
    assertThat(hit.get("url").asText())
        .isEqualTo("https://column.example/2025/10/when-a-colleague-takes-credit-for-your-work/");
    assertThat(hit.get("snippet").asText()).contains("<mark>");
    assertThat(json.get("facets").get("tags")).isNotEmpty();
    assertThat(json.get("facets").has("industry")).isTrue();
    assertThat(json.get("facets").has("year")).isTrue();
    JsonNode filtered = new ObjectMapper().readTree(get("/api/search?q=&tag=burnout").body());
    assertThat(filtered.get("total").asInt()).isEqualTo(1);
  }

  @Test
  void badRequestsGetA400NeverA500() throws Exception {
    assertThat(get("/api/search?q=" + "x".repeat(600)).statusCode()).isEqualTo(400);
    assertThat(
            new ObjectMapper().readTree(get("/api/search?page=abc").body()).get("error").asText())
        .contains("page");
    assertThat(get("/api/search?year=20x8").statusCode()).isEqualTo(400);
    assertThat(get("/api/search?q=" + q("\"unbalanced")).statusCode()).isEqualTo(200);
    assertThat(get("/api/search?q=" + q("*:*")).statusCode()).isEqualTo(200);
    assertThat(get("/api/search?q=" + q("a\u0000b\u001b")).statusCode()).isEqualTo(200);
    assertThat(get("/search?q=" + "y".repeat(600)).statusCode()).isEqualTo(400);
    assertThat(get("/search?q=" + "y".repeat(600)).body()).contains("please use at most 500");
    assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void theSearchPageEscapesTheQueryAndLinksFacets() throws Exception {
    HttpResponse<String> page = get("/search?q=" + q("<script>alert(1)</script> burnout"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>alert(1)</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    Document doc = Jsoup.parse(page.body());
    assertThat(doc.select("input[name=q]").attr("value"))
        .isEqualTo("<script>alert(1)</script> burnout");
    assertThat(doc.select("ol.results h2 a").eachText())
        .contains("The nurse manager who cannot say no");
    assertThat(doc.select("section.facets a").eachAttr("href"))
        .anyMatch(h -> h.contains("tag=burnout"));
    assertThat(doc.select("form[role=search]")).hasSize(1);
  }
}
