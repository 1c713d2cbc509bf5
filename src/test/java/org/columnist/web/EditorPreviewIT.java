package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.columnist.browser.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The draft's preview in a real browser: the site's own page, beside the text, with or without
 * script.
 */
class EditorPreviewIT {
  // What templates/site/style.css gives a page's body: the site's type and its paper.
  private static final String SITE_FONT = "Georgia";
  private static final String SITE_PAPER = "rgb(253, 252, 248)";

  @RegisterExtension final EditorInstance instance = new EditorInstance();

  private static final ConditionFactory SOON =
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptionsMatching(
              e -> e instanceof NotFoundException || e instanceof StaleElementReferenceException);

  @Test
  void theLivePreviewIsDrawnWithTheSitesStylesheet() throws Exception {
    try (Browser browser = new Browser()) {
      WebDriver d = openDraft(browser, 1280);
      d.findElement(By.id("answer")).sendKeys("Protect your lunch hour.");
      // The script replaces the frame's document as the coach types: look into the newest one.
      SOON.untilAsserted(
          () -> {
            d.switchTo().defaultContent();
            d.switchTo().frame(d.findElement(By.cssSelector("iframe[name=preview]")));
            assertThat(d.findElement(By.tagName("body")).getText()).contains("lunch hour");
          });
      assertTheSitesLook(d);
    }
  }

  @Test
  void withoutJavaScriptThePreviewButtonShowsTheStyledPageInTheFrame() throws Exception {
    try (Browser browser = Browser.withoutJavaScript()) {
      WebDriver d = openDraft(browser, 1280);
      d.findElement(By.id("answer")).sendKeys("Protect your lunch hour.");
      d.findElement(By.xpath("//button[text()='Preview']")).click();
      d.switchTo().frame(d.findElement(By.cssSelector("iframe[name=preview]")));
      SOON.untilAsserted(
          () -> assertThat(d.findElement(By.tagName("body")).getText()).contains("lunch hour"));
      assertTheSitesLook(d);
      d.switchTo().defaultContent();
      browser.save("editor-draft-preview-no-js");
    }
  }

  private static void assertTheSitesLook(WebDriver d) {
    SOON.untilAsserted(
        () ->
            assertThat(style(d, "document.body", "backgroundColor"))
                .as("the body's background from style.css")
                .isEqualTo(SITE_PAPER));
    assertThat(style(d, "document.body", "fontFamily")).startsWith(SITE_FONT);
  }

  @Test
  void onlyThePreviewMayBeFramedAndOnlyByTheEditorItself() throws Exception {
    var http = instance.loggedIn();
    String csrf = instance.csrf(http);
    HttpResponse<String> preview =
        instance.send(http, "POST", "/drafts/1/preview", Map.of("csrf", csrf));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.headers().firstValue("x-frame-options")).contains("SAMEORIGIN");
    assertThat(preview.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(p -> assertThat(p).contains("frame-ancestors 'self'"));
    HttpResponse<String> draft = instance.send(http, "GET", "/drafts/1", Map.of());
    assertThat(draft.headers().firstValue("x-frame-options")).contains("DENY");
    assertThat(draft.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(p -> assertThat(p).contains("frame-ancestors 'none'"));
    String sandbox =
        org.jsoup.Jsoup.parse(draft.body()).select("iframe[name=preview]").attr("sandbox");
    assertThat(sandbox).doesNotContain("allow-scripts").doesNotContain("allow-same-origin");
  }

  @Test
  void theSitesStylesheetIsServedAsWrittenWithoutASession() throws Exception {
    HttpResponse<String> css =
        instance.send(EditorInstance.client(), "GET", "/style.css", Map.of());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(css.body()).contains("Columnist's one stylesheet");
  }

  @Test
  void onAWideScreenThePreviewSitsBesideTheTextAndOnAPhoneBelowIt() throws Exception {
    try (Browser browser = Browser.withoutJavaScript()) {
      WebDriver d = openDraft(browser, 1280);
      Rectangle text = d.findElement(By.id("answer")).getRect();
      Rectangle frame = d.findElement(By.cssSelector("iframe[name=preview]")).getRect();
      assertThat(frame.getX())
          .as("the preview's left edge")
          .isGreaterThan(text.getX() + text.getWidth());
      assertThat(frame.getY()).as("the preview's top").isLessThan(text.getY());
      browser.save("editor-draft-wide");
      d.manage().window().setSize(new Dimension(390, 900));
      Rectangle phoneText = d.findElement(By.id("last_word")).getRect();
      Rectangle phoneFrame = d.findElement(By.cssSelector("iframe[name=preview]")).getRect();
      assertThat(phoneFrame.getY()).isGreaterThan(phoneText.getY() + phoneText.getHeight());
      assertThat(phoneFrame.getWidth()).isLessThanOrEqualTo(390);
    }
  }

  @Test
  void thePhoneWidthToggleShowsThePreviewAtPhoneWidthWithoutScript() throws Exception {
    try (Browser browser = Browser.withoutJavaScript()) {
      WebDriver d = openDraft(browser, 1280);
      WebElement frame = d.findElement(By.cssSelector("iframe[name=preview]"));
      assertThat(frame.getRect().getWidth()).isGreaterThan(390);
      d.findElement(By.xpath("//label[text()='Phone width']")).click();
      SOON.untilAsserted(() -> assertThat(frame.getRect().getWidth()).isEqualTo(390));
      d.findElement(By.xpath("//label[text()='Phone width']")).click();
      SOON.untilAsserted(() -> assertThat(frame.getRect().getWidth()).isGreaterThan(390));
    }
  }

  private WebDriver openDraft(Browser browser, int width) {
    WebDriver d = browser.driver();
    d.manage().window().setSize(new Dimension(width, 900));
    instance.logIn(d);
    d.get(instance.base + "/drafts/1");
    return d;
  }

  private static String style(WebDriver d, String element, String property) {
    return (String)
        ((JavascriptExecutor) d)
            .executeScript("return getComputedStyle(" + element + ")['" + property + "'];");
  }
}
