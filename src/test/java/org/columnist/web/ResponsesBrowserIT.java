package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.browser.Browser;
import org.columnist.config.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A reader responds to a column in a browser, confirms by the mailed link, the coach approves it in
 * the editor, and the rebuilt page shows it: every step as a person takes it, without JavaScript.
 */
class ResponsesBrowserIT {
  @TempDir Path dir;
  final ResponsesIT instance = new ResponsesIT();

  @AfterEach
  void stop() {
    instance.stop();
  }

  static String h1(WebDriver driver) {
    return driver.findElement(By.tagName("h1")).getText();
  }

  @Test
  void aResponseWrittenOnTheColumnPageAppearsThereOnceConfirmedAndApproved() throws Exception {
    instance.dir = dir;
    instance.start(true, TestConfig.aConfig());
    String columnUrl = instance.base + "/" + instance.column.path();
    try (Browser browser = Browser.withoutJavaScript()) {
      WebDriver driver = browser.driver();
      browser.screenshot(columnUrl, "responses-column-1280", 1280, 2000);
      driver.findElement(By.id("response-name")).sendKeys("Sam");
      driver.findElement(By.id("response-email")).sendKeys("sam@example.com");
      driver.findElement(By.id("response-text")).sendKeys("This *helped* me <b>a lot</b>.");
      driver.findElement(By.id("response-notify")).click();
      browser.press(By.cssSelector("form.respond button"));
      assertThat(h1(driver)).isEqualTo("Check your response and send");
      assertThat(driver.findElement(By.id("response-text")).getAttribute("value"))
          .isEqualTo("This *helped* me <b>a lot</b>.");
      assertThat(driver.findElement(By.id("response-notify")).isSelected()).isTrue();
      browser.save("responses-check-page");
      instance.clock.advance(Duration.ofSeconds(5));
      browser.press(By.cssSelector("form.respond button"));
      assertThat(h1(driver)).isEqualTo("Check your inbox");

      driver.get(instance.base + "/responses/confirm?t=" + queuedToken());
      browser.press(By.cssSelector("main form button"));
      assertThat(h1(driver)).isEqualTo("Thank you");

      String editor = "http://127.0.0.1:" + instance.editor.port();
      EditorInstance.logIn(driver, editor);
      driver.get(editor + "/responses");
      assertThat(driver.findElement(By.cssSelector("pre.response-text")).getText())
          .isEqualTo("This *helped* me <b>a lot</b>.");
      browser.save("responses-editor");
      browser.press(By.cssSelector("form[action$='/approve'] button"));
      assertThat(driver.findElement(By.tagName("main")).getText()).contains("approved");

      driver.get(columnUrl);
      assertThat(driver.findElement(By.id("responses-heading")).getText())
          .isEqualTo("Responses (1)");
      assertThat(driver.findElement(By.cssSelector(".response-text")).getText())
          .isEqualTo("This helped me <b>a lot</b>.");
      assertThat(driver.findElements(By.cssSelector(".response-text em"))).hasSize(1);
      browser.screenshot(columnUrl, "responses-approved-390", 390, 2400);
      Long overflow =
          (Long)
              ((org.openqa.selenium.JavascriptExecutor) driver)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(overflow).isLessThanOrEqualTo(0L);
    }
  }

  String queuedToken() {
    List<String> bodies =
        instance.select("SELECT body_text FROM outbox WHERE kind = 'confirm-response'");
    Matcher m =
        Pattern.compile("https://column\\.example/responses/confirm\\?t=(\\S+)")
            .matcher(bodies.get(0));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
