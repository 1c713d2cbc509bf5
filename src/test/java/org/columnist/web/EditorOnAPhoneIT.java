package org.columnist.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.columnist.browser.Browser;
import org.columnist.cli.Wiring;
import org.columnist.config.InstanceSkeleton;
import org.columnist.config.TestConfig;
import org.columnist.queue.Queue;
import org.columnist.queue.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Every editor page on a phone's screen (390 px): nothing wider than the screen, even a question
 * with a long subject from a long address, and buttons a thumb can press.
 */
class EditorOnAPhoneIT {
  private static final int PHONE = 390;
  // Apple's and Google's smallest comfortable touch target, in CSS pixels.
  private static final int TOUCH = 44;
  private static final String LONG_ADDRESS =
      "someone.with.a.remarkably.long.mailbox.name@a-department-of-a-large-organisation.example";
  private static final String LONG_SUBJECT =
      "My manager reschedules our one-to-one every week and now my review is overdue:"
          + " Re:Re:Re:Fwd:SupercalifragilisticexpialidociousQuarterlyPlanningOffsiteFollowUp";

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  EditorServer editor;
  String base;

  @BeforeEach
  void start() throws Exception {
    greenMail.setUser(TestConfig.ADDRESS, TestConfig.ADDRESS, TestConfig.PASSWORD);
    InstanceSkeleton.copyTo(dir);
    Wiring wiring =
        new Wiring(
            TestConfig.extending(dir.resolve("config/columnist.yml"))
                .withMailbox("imap", greenMail.getImap().getPort())
                .loadIn(dir),
            Clock.systemUTC());
    Accounts accounts = new Accounts(wiring.store, wiring.clock);
    accounts.add("pat", EditorInstance.PASSWORD.toCharArray());
    wiring.votes().cast("when-a-colleague-takes-credit-for-your-work", "198.51.100.1", false);
    wiring
        .votes()
        .missing("when-a-colleague-takes-credit-for-your-work", "198.51.100.1", "x".repeat(300));
    editor =
        new EditorServer(
                wiring.config,
                wiring.store,
                wiring.queue(),
                wiring.outbox(),
                wiring.subscribers(),
                accounts,
                files -> {},
                wiring.clock)
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + editor.port();
    for (int i = 0; i < 2; i++) {
      GreenMailUtil.sendTextEmail(
          TestConfig.ADDRESS,
          "A Reader With Quite A Long Name <" + i + LONG_ADDRESS + ">",
          LONG_SUBJECT,
          "My manager moves our meetings. How do I get my review back on the calendar?",
          greenMail.getSmtp().getServerSetup());
    }
    wiring.intake().pollOnce();
    publishTheFirst(wiring.queue());
  }

  // A column in the archive for the Published page, with two versions for the history page.
  private static void publishTheFirst(Queue queue) {
    String text = queue.accept(1, "test").text();
    Map<String, String> form = DraftForm.fieldsOfText(text, "draft-1.md");
    form.put("issue", "A review that keeps moving");
    form.put("answer", "Ask for the review in writing, with a date.");
    queue.drafts().save(1, DraftForm.text(form), "test", null);
    queue.move(1, Transition.REVIEW, "test", null);
    queue.publish(1, "test", "the test's own reader");
  }

  @AfterEach
  void stop() {
    editor.close();
  }

  @Test
  void everyEditorPageFitsAPhoneWithTouchSizedButtons() {
    List<String> pages =
        List.of(
            "/",
            "/questions/2",
            "/drafts/1",
            "/drafts/1/history",
            "/published",
            "/mail",
            "/newsletter",
            "/helpful",
            "/responses");
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      SoftAssertions softly = new SoftAssertions();
      browser.screenshot(base + "/login", "editor-login-phone", PHONE, 900);
      assertFits(d, "/login", softly);
      EditorInstance.logIn(d, base);
      for (String page : pages) {
        browser.screenshot(base + page, "editor" + page.replace('/', '-') + "-phone", PHONE, 900);
        assertFits(d, page, softly);
      }
      softly.assertAll();
    }
  }

  private static void assertFits(WebDriver d, String page, SoftAssertions softly) {
    long width =
        (Long)
            ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth;");
    long screen = (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth;");
    softly.assertThat(width).as("the width of " + page).isLessThanOrEqualTo(screen);
    for (WebElement button : d.findElements(By.cssSelector("button, .button"))) {
      if (button.isDisplayed()) {
        softly
            .assertThat(button.getRect().getHeight())
            .as("the height of '" + button.getText() + "' on " + page)
            .isGreaterThanOrEqualTo(TOUCH);
      }
    }
  }
}
