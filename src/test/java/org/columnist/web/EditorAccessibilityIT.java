package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.columnist.browser.Axe;
import org.columnist.browser.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Every editor page, checked by axe-core against WCAG 2.1 A and AA in a real browser. */
class EditorAccessibilityIT {
  @RegisterExtension final EditorInstance editor = new EditorInstance();

  @Test
  void noEditorPageBreaksAWcag21AaRule() {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      Axe axe = new Axe();
      assertThat(axe.violations(d, editor.base, List.of("/login"))).as("login").isEmpty();
      d.findElement(By.id("name")).sendKeys("pat");
      d.findElement(By.id("password")).sendKeys(EditorInstance.PASSWORD);
      d.findElement(By.cssSelector("form button")).click();
      await().atMost(Duration.ofSeconds(15)).until(() -> d.getCurrentUrl().endsWith("/"));

      assertThat(
              axe.violations(
                  d,
                  editor.base,
                  List.of(
                      "/",
                      "/?state=accepted",
                      "/questions/1",
                      "/drafts/1",
                      "/drafts/1/history",
                      "/published",
                      "/mail",
                      "/newsletter",
                      "/helpful",
                      "/responses")))
          .as("WCAG 2.1 AA violations by page")
          .isEmpty();
    }
  }
}
