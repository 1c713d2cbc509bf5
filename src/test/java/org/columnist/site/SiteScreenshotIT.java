package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.columnist.browser.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The sample site in a real browser, at desktop and phone widths, with screenshots to look at. */
class SiteScreenshotIT {
  @TempDir Path dir;

  @Test
  void theHomeAndAColumnRenderAtDesktopAndPhoneWidths() throws Exception {
    SiteFixture fx = new SiteFixture(dir);
    fx.builder().build(false);
    HttpServer server = serve(fx.publicDir());
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    try (Browser browser = new Browser()) {
      for (String[] size : new String[][] {{"desktop", "1280", "1600"}, {"phone", "390", "1600"}}) {
        int width = Integer.parseInt(size[1]);
        Path home =
            browser.screenshot(base, "site-home-" + size[0], width, Integer.parseInt(size[2]));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
            .isEqualTo("Latest columns");
        assertThat(browser.driver().findElements(By.cssSelector("ol.columns li"))).hasSize(3);
        // The stylesheet applied: the page is not the browser's default white.
        assertThat(browser.driver().findElement(By.tagName("body")).getCssValue("background-color"))
            .isEqualTo("rgba(253, 252, 248, 1)");
        Path column =
            browser.screenshot(
                base + "2025/03/leading-the-team-you-used-to-be-part-of/",
                "site-column-" + size[0],
                width,
                Integer.parseInt(size[2]));
        assertThat(browser.driver().findElement(By.cssSelector(".profile")).isDisplayed()).isTrue();
        // Nothing overflows sideways at phone width.
        Object scrollWidth =
            browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(width);
        assertThat(ImageIO.read(home.toFile()).getWidth()).isEqualTo(width);
        assertThat(Files.size(column)).isGreaterThan(10_000);
      }
    } finally {
      server.stop(0);
    }
  }

  /** Serves {@code root} as a static site, like any web server would. */
  static HttpServer serve(Path root) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath().substring(1);
          Path file =
              root.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path)
                  .normalize();
          boolean found = file.startsWith(root) && Files.isRegularFile(file);
          byte[] body = Files.readAllBytes(found ? file : root.resolve("404.html"));
          String type =
              file.toString().endsWith(".css")
                  ? "text/css"
                  : file.toString().endsWith(".xml")
                      ? "application/xml"
                      : "text/html; charset=utf-8";
          exchange.getResponseHeaders().set("Content-Type", type);
          exchange.sendResponseHeaders(found ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }
}
