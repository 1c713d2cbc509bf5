package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
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
import org.openqa.selenium.WebDriver;

/**
 * A reader answers "Was this helpful?" in Chromium without JavaScript, and says what was missing.
 */
class VotesInBrowserIT {
  static final String PAGE = "2025/06/the-nurse-manager-who-cannot-say-no/";

  @TempDir Path dir;

  @Test
  void aReaderSaysNoAndWhatWasMissingWithoutJavaScript() throws Exception {
    InstanceSkeleton.copyTo(dir);
    TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    Wiring wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()), clock);
    Archive archive = new Archive(wiring.config.paths().archive());
    SiteBuilder site =
        new SiteBuilder(wiring.config, archive, slug -> List.of(), wiring.sitePart());
    site.build(false);
    try (SearchIndex index = wiring.searchIndex();
        PublicServer server =
            new PublicServer(
                    wiring.config,
                    index,
                    null,
                    wiring.publicForms().whenReadersChange(() -> site.build(false)))
                .start("127.0.0.1", 0);
        Browser browser = Browser.withoutJavaScript()) {
      index.update(archive);
      String base = "http://127.0.0.1:" + server.port() + "/";
      WebDriver d = browser.driver();
      browser.screenshot(base + PAGE, "helpful-column-desktop", 1280, 2400);
      browser.screenshot(base + PAGE, "helpful-column-phone", 390, 2400);
      d.get(base + PAGE);
      browser.press(By.cssSelector("form.helpful-vote button[value=no]"));

      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
      browser.save("helpful-thanks-no");
      clock.advance(Duration.ofSeconds(10));
      d.findElement(By.id("missing-text")).sendKeys("What to say to the director.");
      browser.press(By.cssSelector("form.missing button"));

      assertThat(d.findElement(By.cssSelector("p.lead")).getText())
          .contains("The coach will read what you wrote");
      browser.press(By.linkText("Back to the column"));
      assertThat(d.getCurrentUrl()).isEqualTo(base + PAGE);
      assertThat(d.getPageSource()).doesNotContain("What to say to the director");
      List<String> rows =
          wiring.store.inTransaction(
              db ->
                  Sql.list(
                      db,
                      "SELECT (SELECT COUNT(*) FROM votes WHERE helpful = 0) || ' ' || body"
                          + " FROM vote_feedback",
                      rs -> rs.getString(1)));
      assertThat(rows).containsExactly("1 What to say to the director.");
    }
  }
}
