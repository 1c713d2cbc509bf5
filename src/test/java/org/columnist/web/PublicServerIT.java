package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  static void start() throws Exception {
    InstanceSkeleton.copyTo(dir);
    Config config = Config.load(dir.resolve("config/columnist.yml"), Map.of());
    Archive archive = new Archive(config.paths().archive());
    new SiteBuilder(config, archive).build(false);
    Path site = config.paths().publicDir();
    Files.createDirectories(site.resolve(".git"));
    Files.writeString(site.resolve(".git/config"), "[remote \"origin\"]");
    for (String secret :
        List.of(
            ".htpasswd",
            ".index.html12345.tmp",
            "index.html~",
            "index.html.bak",
            ".index.html.swp",
            "index.html.swp",
            "index.html.orig",
            "2025/index.html.old")) {
      Files.writeString(site.resolve(secret), "secret");
    }
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

  @Test
  void refusesDotfilesAndBackupFilesWithA404() throws Exception {
    for (String path :
        List.of(
            "/.git/config",
            "/.git/",
            "/.htpasswd",
            "/.index.html12345.tmp",
            "/index.html~",
            "/index.html.bak",
            "/.index.html.swp",
            "/index.html.swp",
            "/index.html.orig",
            "/2025/index.html.old",
            "/%2egit/config",
            "/2025/.%2e/.htpasswd")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("secret").doesNotContain("origin");
    }
    assertThat(get("/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void sendsSecurityHeadersOnEveryResponse() throws Exception {
    for (String path :
        List.of("/", "/style.css", "/search?q=boss", "/api/search?q=boss", "/no/such/", "/.git")) {
      HttpResponse<String> response = get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp)
          .as(path)
          .contains("default-src 'self'")
          .contains("img-src 'self'")
          .contains("frame-ancestors 'none'")
          .contains("object-src 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .as(path)
          .hasValue("strict-origin-when-cross-origin");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }
  }

  @Test
  void redirectsAFolderWithoutItsSlashNeverToTheHostTheRequestNames() throws Exception {
    for (String path : List.of("/2025", "/2025/03", "/topics?x=1")) {
      String response =
          raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
      assertThat(response).as(path).startsWith("HTTP/1.1 301").doesNotContain("evil.example");
      String location =
          response
              .lines()
              .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("location:"))
              .findFirst()
              .orElseThrow()
              .substring("location:".length())
              .strip();
      // Relative, so that it also holds behind a proxy that serves the site under a path.
      assertThat(URI.create(location).isAbsolute()).as(location).isFalse();
      assertThat(URI.create("http://127.0.0.1" + path).resolve(location).toString())
          .isIn(
              "http://127.0.0.1/2025/",
              "http://127.0.0.1/2025/03/",
              "http://127.0.0.1/topics/?x=1");
    }
  }

  /** Sends {@code request} as it is: HttpClient would not let a test set its own Host. */
  static String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
