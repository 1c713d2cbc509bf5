package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.columnist.browser.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/** Every button of the draft page keeps what the coach typed, in a real browser. */
class DraftActionsIT {
  @RegisterExtension final EditorInstance editor = new EditorInstance();

  private static final List<String> SECTIONS =
      List.of("question", "answer", "inner_game", "outer_game", "last_word");

  /** A page still loading has no such element yet: ask again until the page is there. */
  private static final ConditionFactory PAGE =
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptionsMatching(
              e -> e instanceof NotFoundException || e instanceof StaleElementReferenceException);

  private void logIn(WebDriver d) {
    d.get(editor.base + "/login?next=/drafts/1");
    d.findElement(By.id("name")).sendKeys("pat");
    d.findElement(By.id("password")).sendKeys(EditorInstance.PASSWORD);
    d.findElement(By.cssSelector("form button")).click();
    PAGE.until(() -> d.getCurrentUrl().endsWith("/drafts/1"));
  }

  @Test
  void submittingForReviewSavesEverySectionTypedFirst() {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      logIn(d);
      for (String s : SECTIONS) {
        d.findElement(By.id(s)).sendKeys("Words for " + s + ".");
      }
      d.findElement(By.id("issue")).sendKeys("Words for the issue");
      d.findElement(By.xpath("//button[text()='Submit for review']")).click();
      PAGE.until(() -> d.findElement(By.cssSelector(".flash")).getText().contains("in review"));
      String saved = editor.queue.drafts().latest(1).text();
      for (String s : SECTIONS) {
        assertThat(saved).contains("Words for " + s + ".");
      }
      assertThat(editor.queue.show(1).state()).isEqualTo("in_review");
      assertThat(d.findElement(By.id("answer")).getAttribute("value"))
          .isEqualTo("Words for answer.");
    }
  }

  @Test
  void aColumnWithAnEmptyAnswerIsRefusedBesideTheTextKept() {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      logIn(d);
      d.findElement(By.id("question")).sendKeys("Only the question so far.");
      d.findElement(By.xpath("//button[text()='Submit for review']")).click();
      PAGE.until(
          () ->
              d.findElement(By.cssSelector(".error"))
                  .getText()
                  .contains("cannot review question 1: its Answer is empty"));
      assertThat(d.findElement(By.id("question")).getAttribute("value"))
          .isEqualTo("Only the question so far.");
      assertThat(editor.queue.drafts().latest(1).text()).contains("Only the question so far.");
      assertThat(editor.queue.show(1).state()).isEqualTo("accepted");
    }
  }

  @Test
  void theDraftPageSaysWhenItsLastVersionWasSavedInTheSiteTimeZone() throws Exception {
    // 09:00 UTC is 03:00 in the skeleton's America/Chicago.
    String page = editor.send(editor.loggedIn(), "GET", "/drafts/1", Map.of()).body();
    assertThat(org.jsoup.Jsoup.parse(page).select("#autosave-status").text())
        .isEqualTo("Saved 03:00");
  }

  @Test
  void theScriptAutosavesWhatIsTypedAndSaysWhen() {
    try (Browser browser = new Browser()) {
      var d = browser.driver();
      logIn(d);
      d.findElement(By.id("answer")).sendKeys("Typed, then left alone.");
      // The script saves every 15 seconds.
      await()
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> editor.queue.drafts().latest(1).text().contains("Typed, then left alone."));
      PAGE.until(
          () ->
              d.findElement(By.cssSelector("input[name=version]"))
                  .getAttribute("value")
                  .equals("2"));
      assertThat(d.findElement(By.id("autosave-status")).getText()).isEqualTo("Saved 03:00");
    }
  }

  @Test
  void leavingThePageWithUnsavedTextAsksFirst() {
    try (Browser browser = new Browser()) {
      var d = browser.driver();
      logIn(d);
      // Headless Chromium shows no dialog to click: ask the page whether it would hold the reader.
      String wouldAsk =
          "var e = new Event('beforeunload', {cancelable: true});"
              + " window.dispatchEvent(e); return e.defaultPrevented;";
      assertThat(d.executeScript(wouldAsk)).isEqualTo(false);
      d.findElement(By.id("answer")).sendKeys("Not saved yet.");
      assertThat(d.executeScript(wouldAsk)).isEqualTo(true);
      d.findElement(By.xpath("//button[text()='Save']")).click();
      PAGE.until(() -> d.findElement(By.cssSelector(".flash")).getText().startsWith("Saved as"));
      assertThat(d.executeScript(wouldAsk)).isEqualTo(false);
    }
  }
}
