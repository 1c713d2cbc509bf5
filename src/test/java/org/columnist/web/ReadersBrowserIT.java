package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
import org.columnist.browser.Browser;
import org.columnist.cli.Wiring;
import org.columnist.config.TestConfig;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/** Readers on the site, in a real browser: asking a question (responses come next). */
class ReadersBrowserIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

  @Test
  void aReaderAsksOnTheSiteConfirmsByMailAndTheCoachSeesTheQuestionInTheQueue() throws Exception {
    Wiring wiring =
        new Wiring(TestConfig.aConfig().withSmtp(greenMail.getSmtp().getPort()).loadIn(dir), clock);
    Archive archive = new Archive(wiring.config.paths().archive());
    new SiteBuilder(wiring.config, archive, slug -> List.of(), wiring.sitePart()).build(false);
    Accounts accounts = new Accounts(wiring.store, clock);
    accounts.add("pat", "correct horse battery".toCharArray());
    try (SearchIndex index = wiring.searchIndex();
        PublicServer server =
            new PublicServer(wiring.config, index, null, wiring.publicForms())
                .start("127.0.0.1", 0);
        EditorServer editor =
            new EditorServer(
                    wiring.config,
                    wiring.store,
                    wiring.queue(),
                    wiring.outbox(),
                    wiring.subscribers(),
                    accounts,
                    files -> {},
                    clock)
                .start("127.0.0.1", 0);
        Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      ConditionFactory page =
          await()
              .atMost(Duration.ofSeconds(15))
              .pollInterval(Duration.ofMillis(50))
              .ignoreExceptionsMatching(
                  e ->
                      e instanceof NotFoundException
                          || e instanceof StaleElementReferenceException);
      String site = "http://127.0.0.1:" + server.port() + "/";
      d.get(site + "ask/");
      d.findElement(By.id("ask-question"))
          .sendKeys("My manager never answers my mails. What can I do?");
      d.findElement(By.id("ask-subject")).sendKeys("A silent manager");
      d.findElement(By.id("ask-age")).sendKeys("47");
      d.findElement(By.id("ask-industry")).sendKeys("Retail");
      d.findElement(By.id("ask-email")).sendKeys("reader@example.com");
      d.findElement(By.id("ask-consent")).click();
      browser.save("ask-form");
      browser.press(By.cssSelector("form.ask button"));
      page.untilAsserted(
          () ->
              assertThat(d.findElement(By.tagName("h1")).getText())
                  .isEqualTo("Check your question and send"));
      assertThat(d.findElement(By.id("ask-age")).getAttribute("value")).isEqualTo("47");
      browser.save("ask-check");
      clock.advance(Duration.ofSeconds(10)); // the reader reads it through
      browser.press(By.cssSelector("form.ask button"));
      page.untilAsserted(
          () ->
              assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Check your inbox"));

      assertThat(wiring.outbox().sendDue(wiring.config.smtp()).sent()).isEqualTo(1);
      String mail = GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]).replace("=\r\n", "");
      Matcher link =
          Pattern.compile("https://column\\.example/(ask/confirm\\?t=\\S+)").matcher(mail);
      assertThat(link.find()).as(mail).isTrue();
      d.get(site + link.group(1));
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Send your question");
      browser.press(By.xpath("//button[text()='Send my question']"));
      page.untilAsserted(
          () ->
              assertThat(d.findElement(By.tagName("h1")).getText())
                  .isEqualTo("Your question is sent"));
      browser.save("ask-sent");

      String desk = "http://127.0.0.1:" + editor.port();
      d.get(desk + "/login");
      d.findElement(By.id("name")).sendKeys("pat");
      d.findElement(By.id("password")).sendKeys("correct horse battery");
      browser.press(By.cssSelector("form button"));
      page.until(() -> d.getCurrentUrl().equals(desk + "/"));
      page.untilAsserted(
          () ->
              assertThat(d.findElement(By.cssSelector("table a")).getText())
                  .contains("A silent manager"));
      browser.press(By.cssSelector("table a"));
      page.until(() -> d.getCurrentUrl().contains("/questions/"));
      assertThat(d.findElement(By.cssSelector(".origin")).getText())
          .isEqualTo("Asked on the site's form · consent to anonymised publication: yes");
      assertThat(d.findElement(By.cssSelector(".text")).getText()).contains("never answers");
      browser.save("editor-question-from-form");
    }
  }
}
