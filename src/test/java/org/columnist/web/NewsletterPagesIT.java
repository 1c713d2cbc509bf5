package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.columnist.browser.Axe;
import org.columnist.browser.Browser;
import org.columnist.newsletter.Subscribers;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The editor's newsletter page and a subscriber's history, over real HTTP and in a browser. */
class NewsletterPagesIT {
  @RegisterExtension final EditorInstance editor = new EditorInstance();

  @BeforeEach
  void subscribersAndASend() {
    Subscribers subscribers = editor.subscribers;
    editor.store.inTransaction(
        db -> {
          String[][] people = {
            {"mary@example.com", "confirmed"},
            {"bob@example.com", "confirmed"},
            {"ann@example.com", "pending"}
          };
          for (String[] p : people) {
            Sql.insert(
                db,
                "INSERT INTO subscribers(address, state, source, created_at, confirmed_at)"
                    + " VALUES (?, ?, 'form', '2026-11-01T08:00:00Z', '2026-11-01T09:00:00Z')",
                p[0],
                p[1]);
          }
          subscribers.suppress(db, "bob@example.com", "hard bounce: 550 no such user");
          long body =
              Sql.insert(
                  db,
                  "INSERT INTO outbox_bodies(kind, subject, body_text, marker, created_at)"
                      + " VALUES ('newsletter', 'Lunch', 't', '@@P@@', '2026-11-30T08:00:00Z')");
          Sql.insert(
              db,
              "INSERT INTO newsletter_sends(archive_path, title, url, body_id, recipients,"
                  + " created_at) VALUES ('2026/11/lunch.md', 'Meetings over lunch', 'u', ?, 4,"
                  + " '2026-11-30T08:00:00Z')",
              body);
          String[] states = {"sent", "sent", "sent", "queued"};
          for (int i = 0; i < states.length; i++) {
            Sql.insert(
                db,
                "INSERT INTO outbox(kind, to_address, body_id, personal, message_id, state,"
                    + " next_attempt_at, created_at) VALUES ('newsletter', ?, ?, 'p', ?, ?,"
                    + " '2026-11-30T08:00:00Z', '2026-11-30T08:00:00Z')",
                "r" + i + "@example.com",
                body,
                "<n" + i + "@c.example>",
                states[i]);
          }
          return null;
        });
  }

  @Test
  void thePageCountsSubscribersShowsTheSendsProgressAndMasksAddresses() throws Exception {
    HttpClient http = editor.loggedIn();
    String page = editor.send(http, "GET", "/newsletter", Map.of()).body();
    assertThat(page)
        .contains("<strong>1</strong> confirmed")
        .contains("<strong>1</strong> pending")
        .contains("<strong>1</strong> suppressed")
        .contains("<strong>0</strong> unsubscribed")
        .contains("Meetings over lunch")
        .contains("max=\"4\" value=\"3\"")
        .contains("4 recipients: 3 sent, 0 failed, 1 pending")
        .contains("m***@e******.com")
        .doesNotContain("mary@example.com");
    assertThat(editor.send(http, "GET", "/newsletter?reveal=1", Map.of()).body())
        .contains("mary@example.com");
  }

  @Test
  void theNewsletterPageNeedsALogin() throws Exception {
    HttpResponse<String> r = editor.send(EditorInstance.client(), "GET", "/newsletter", Map.of());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> l.contains("/login"));
  }

  @Test
  void reactivatingNeedsAReasonAndTheCsrfToken() throws Exception {
    HttpClient http = editor.loggedIn();
    String csrf = editor.csrf(http);
    assertThat(
            editor
                .send(http, "POST", "/subscribers/2/reactivate", Map.of("reason", "x"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> noReason =
        editor.send(http, "POST", "/subscribers/2/reactivate", Map.of("csrf", csrf));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    HttpResponse<String> confirmed =
        editor.send(http, "POST", "/subscribers/1/reactivate", Map.of("csrf", csrf, "reason", "x"));
    assertThat(confirmed.statusCode()).isEqualTo(409);
    assertThat(confirmed.body()).contains("is confirmed");
  }

  @Test
  void aCoachReadsASuppressedSubscribersHistoryAndReactivatesIt() {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      editor.logIn(d);
      d.get(editor.base + "/newsletter");
      browser.press(By.linkText("2"));
      assertThat(d.findElement(By.cssSelector("ul.history")).getText())
          .contains("suppressed · hard bounce: 550 no such user");
      assertThat(new Axe().violations(d)).as("axe on a subscriber's page").isEmpty();
      d.findElement(By.id("reason")).sendKeys("the reader fixed the mailbox");
      d.findElement(By.cssSelector("main form button")).click();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> d.findElement(By.cssSelector(".flash")).getText().contains("confirmed"));
      assertThat(d.findElement(By.cssSelector("ul.history")).getText())
          .contains("reactivated · the reader fixed the mailbox");
      assertThat(d.findElements(By.id("reason"))).isEmpty();
    }
  }

  @Test
  void thePagesFitADesktopAndAPhone() {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      editor.logIn(d);
      for (String page : List.of("/newsletter", "/subscribers/2")) {
        for (int width : new int[] {1280, 390}) {
          browser.screenshot(
              editor.base + page, "editor" + page.replace('/', '-') + "-" + width, width, 900);
          long scroll =
              (Long)
                  ((JavascriptExecutor) d)
                      .executeScript("return document.documentElement.scrollWidth;");
          long inner = (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth;");
          assertThat(scroll).as(page + " at " + width).isLessThanOrEqualTo(inner);
        }
      }
    }
  }
}
