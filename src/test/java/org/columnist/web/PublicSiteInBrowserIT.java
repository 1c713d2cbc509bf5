package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.columnist.archive.Archive;
import org.columnist.browser.Axe;
import org.columnist.browser.Browser;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;
import org.columnist.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The site as the public server sends it, in a real browser that enforces its headers. */
class PublicSiteInBrowserIT {
  @TempDir Path dir;

  @Test
  void theHomeAColumnAndSearchBreakNoRuleOfTheContentSecurityPolicy() throws Exception {
    InstanceSkeleton.copyTo(dir);
    Config config = Config.load(dir.resolve("config/columnist.yml"), Map.of());
    Archive archive = new Archive(config.paths().archive());
    new SiteBuilder(config, archive).build(false);
    // A page that breaks the policy, to show that a violation would be seen.
    Files.writeString(
        config.paths().publicDir().resolve("probe.html"),
        "<!DOCTYPE html><title>probe</title><style>body{color:red}</style>"
            + "<script>document.title='ran'</script><p>probe</p>");
    try (SearchIndex index =
            SearchIndex.open(config.paths().data().resolve("index"), SearchIndex.DEFAULT_SYNONYMS);
        PublicServer server = new PublicServer(config, index).start("127.0.0.1", 0);
        Browser browser = new Browser()) {
      index.update(archive);
      String base = "http://127.0.0.1:" + server.port() + "/";

      browser.driver().get(base + "probe.html");
      assertThat(browser.driver().getTitle()).isEqualTo("probe");
      assertThat(violations(browser.console())).hasSize(2);

      for (String page :
          List.of("", "2025/03/leading-the-team-you-used-to-be-part-of/", "search?q=boss")) {
        browser.driver().get(base + page);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isNotBlank();
        // The stylesheet applied: the page is not the browser's default white.
        assertThat(browser.driver().findElement(By.tagName("body")).getCssValue("background-color"))
            .isEqualTo("rgba(253, 252, 248, 1)");
        assertThat(violations(browser.console())).as(page).isEmpty();
      }
      browser.save("public-search-under-csp");

      Axe axe = new Axe();
      // A page with no language and an image without words, to show that axe would see them.
      Files.writeString(
          config.paths().publicDir().resolve("axe-probe.html"),
          "<!DOCTYPE html><title>probe</title><main><h1>probe</h1><img src=\"x.png\"></main>");
      browser.driver().get(base + "axe-probe.html");
      assertThat(axe.violations(browser.driver()))
          .anyMatch(v -> v.startsWith("html-has-lang"))
          .anyMatch(v -> v.startsWith("image-alt"));
      assertThat(
              axe.violations(
                  browser.driver(),
                  base,
                  List.of(
                      "",
                      "2025/03/leading-the-team-you-used-to-be-part-of/",
                      "search?q=boss",
                      "archive/",
                      "about/",
                      "ask/",
                      "no-such-page")))
          .as("WCAG 2.1 AA violations by page")
          .isEmpty();
    }
  }

  @Test
  void aReaderSubscribesFromTheHomePageWithoutJavaScriptAndSeesTheAnswer() throws Exception {
    InstanceSkeleton.copyTo(dir);
    Wiring wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()));
    new SiteBuilder(
            wiring.config,
            new Archive(wiring.config.paths().archive()),
            slug -> List.of(),
            wiring.sitePart())
        .build(false);
    try (SearchIndex index = wiring.searchIndex();
        PublicServer server =
            new PublicServer(wiring.config, index, null, wiring.publicForms())
                .start("127.0.0.1", 0);
        Browser browser = Browser.withoutJavaScript()) {
      String base = "http://127.0.0.1:" + server.port() + "/";
      browser.driver().get(base);
      browser.driver().findElement(By.id("subscribe-email")).sendKeys("reader@example.com");
      browser.press(By.cssSelector("form.subscribe button"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("Check your inbox");
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "subscribe");
      assertThat(violations(browser.console())).isEmpty();
      browser.save("newsletter-check-your-inbox");
      List<String> rows =
          wiring.store.inTransaction(
              db ->
                  Sql.list(
                      db, "SELECT state || ' ' || source FROM subscribers", rs -> rs.getString(1)));
      assertThat(rows).containsExactly("pending form");
    }
  }

  @Test
  void theNewsletterPagesMeetWcagAa() throws Exception {
    InstanceSkeleton.copyTo(dir);
    Wiring wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()));
    new SiteBuilder(
            wiring.config,
            new Archive(wiring.config.paths().archive()),
            slug -> List.of(),
            wiring.sitePart())
        .build(false);
    try (SearchIndex index = wiring.searchIndex();
        PublicServer server =
            new PublicServer(wiring.config, index, null, wiring.publicForms())
                .start("127.0.0.1", 0);
        Browser browser = new Browser()) {
      String base = "http://127.0.0.1:" + server.port() + "/";
      Axe axe = new Axe();
      // The answer to a form: a bad address, shown with the form again.
      browser.driver().get(base + "ask/");
      browser.driver().findElement(By.id("subscribe-email")).sendKeys("not an address");
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('subscribe-email').type = 'text'");
      browser.press(By.cssSelector("form.subscribe button"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("That is not an e-mail address");
      assertThat(axe.violations(browser.driver())).isEmpty();
      assertThat(
              axe.violations(
                  browser.driver(),
                  base,
                  List.of("newsletter/confirm?t=abc", "newsletter/unsubscribe?t=abc")))
          .as("WCAG 2.1 AA violations by page")
          .isEmpty();
      browser.save("newsletter-bad-address");
    }
  }

  private static List<String> violations(List<String> console) {
    return console.stream().filter(m -> m.contains("Content Security Policy")).toList();
  }
}
