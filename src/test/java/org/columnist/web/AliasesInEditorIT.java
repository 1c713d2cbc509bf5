package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.columnist.archive.Archive;
import org.columnist.browser.Browser;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.site.SiteBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** An imported column's old addresses survive a correction made in the editor. */
class AliasesInEditorIT {
  static final String NURSE = "2025/06/the-nurse-manager-who-cannot-say-no.md";
  static final List<String> ALIASES =
      List.of("/columns/2009/08/nurse-manager.html", "/blog/the-nurse-manager/");

  @RegisterExtension final EditorInstance instance = new EditorInstance();

  @Test
  void aCorrectedAndRepublishedColumnKeepsItsOldAddressesAndTheirRedirects() throws Exception {
    Archive archive = new Archive(instance.config.paths().archive());
    Path file = archive.root().resolve(NURSE);
    Files.writeString(file, ColumnCodec.write(archive.read(file).withAliases(ALIASES)));
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      instance.logIn(d);
      d.get(instance.base + "/published?q=nurse");
      d.findElement(By.xpath("//button[text()='Correct']")).click();
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> d.getCurrentUrl().contains("/drafts/"));
      assertThat(d.findElement(By.id("aliases")).getAttribute("value"))
          .isEqualTo(String.join("\n", ALIASES));
      WebElement answer = d.findElement(By.id("answer"));
      answer.sendKeys(" A corrected word.");
      d.findElement(By.xpath("//button[text()='Publish the correction']")).click();
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> !d.findElements(By.cssSelector(".flash")).isEmpty());
      assertThat(d.findElement(By.cssSelector(".flash")).getText()).contains("Published:");
    }
    Column after = archive.read(file);
    assertThat(after.answer()).contains("A corrected word.");
    assertThat(after.corrected()).isNotNull();
    assertThat(after.aliases()).isEqualTo(ALIASES);
    new SiteBuilder(instance.config, archive).build(false);
    Path redirect =
        instance.config.paths().publicDir().resolve("columns/2009/08/nurse-manager.html");
    assertThat(
            Jsoup.parse(Files.readString(redirect))
                .select("meta[http-equiv=refresh]")
                .attr("content"))
        .isEqualTo("0; url=/2025/06/the-nurse-manager-who-cannot-say-no/");
  }
}
