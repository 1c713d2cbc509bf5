package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.columnist.column.ColumnCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise that any web server can serve {@code public/}: a real nginx whose workers
 * run as {@code www-data}, as Debian's does, serves a built site.
 */
class SiteOnNginxIT {
  @TempDir Path instance;
  @TempDir Path work;

  @Test
  void nginxAsWwwDataServesTheHomeAColumnAFeedTheSitemapAndAnOldAddress() throws Exception {
    assumeTrue(
        Files.isExecutable(Nginx.BINARY),
        "no nginx at " + Nginx.BINARY + ": apt-get install nginx");
    // A @TempDir is owner-only; the instance folder above public/ must let www-data pass, as an
    // instance's folder on a server would.
    Files.setPosixFilePermissions(instance, PosixFilePermissions.fromString("rwxr-xr-x"));
    SiteFixture fx = new SiteFixture(instance);
    Path leading = fx.archive.root().resolve("2025/03/leading-the-team-you-used-to-be-part-of.md");
    Files.writeString(
        leading,
        ColumnCodec.write(
            fx.archive
                .read(leading)
                .withAliases(List.of("/columns/leading.html", "/blog/leading-the-team"))));
    fx.builder().build(false);
    Path site = fx.publicDir().toAbsolutePath();
    for (Path up = site.getParent(); up != null; up = up.getParent()) {
      assertThat(Files.getPosixFilePermissions(up))
          .as("www-data must be able to pass through " + up)
          .contains(PosixFilePermission.OTHERS_EXECUTE);
    }
    HttpClient http = HttpClient.newHttpClient();
    try (Nginx nginx = Nginx.serve(site, work)) {
      String base = "http://127.0.0.1:" + nginx.port() + "/";
      assertServes(http, base, "Latest columns");
      assertServes(
          http,
          base + "2025/03/leading-the-team-you-used-to-be-part-of/",
          "Leading the team you used to be part of");
      assertServes(http, base + "feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"");
      assertServes(http, base + "sitemap.xml", "<urlset");
      String column = "/2025/03/leading-the-team-you-used-to-be-part-of/";
      assertServes(http, base + "columns/leading.html", "url=" + column);
      // nginx's own try_files $uri/ step: a path without a slash is redirected to its folder
      assertServes(http, base + "blog/leading-the-team/", "url=" + column);
      assertServes(http, base + "_redirects", "/columns/leading.html " + column + " 301");
      assertThat(nginx.log()).doesNotContain("Permission denied");
    }
  }

  private static void assertServes(HttpClient http, String url, String content) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    assertThat(response.body()).as(url).contains(content);
  }
}
