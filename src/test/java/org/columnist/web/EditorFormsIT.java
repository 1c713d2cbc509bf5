package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every editor route given bad values answers with a page that says what is wrong. */
class EditorFormsIT {
  @RegisterExtension final EditorInstance instance = new EditorInstance();

  record Case(String method, String path, Map<String, String> form, String says) {}

  static Map<String, String> draft(String key, String value) {
    Map<String, String> f = new HashMap<>();
    f.put("version", "1");
    f.put("title", "A title");
    f.put("slug", "a-title");
    f.put("date", "2026-11-30");
    f.put("issue", "An issue");
    f.put("answer", "An answer.");
    if (value == null) {
      f.remove(key);
    } else {
      f.put(key, value);
    }
    return f;
  }

  static final String LONG = "x".repeat(5_000);
  static final String HUGE = "x".repeat(200_001);

  static final List<Case> CASES =
      List.of(
          new Case("GET", "/?state=bogus", Map.of(), "state"),
          new Case("GET", "/questions/abc", Map.of(), "number"),
          new Case("GET", "/questions/99999999999999999999", Map.of(), "number"),
          new Case("GET", "/questions/999", Map.of(), "999"),
          new Case("POST", "/questions/abc/accept", Map.of(), "number"),
          new Case("POST", "/questions/1/frobnicate", Map.of(), "frobnicate"),
          new Case("POST", "/questions/1/merge", Map.of("into", "abc"), "number"),
          new Case("POST", "/questions/1/merge", Map.of(), "into"),
          new Case("POST", "/questions/1/schedule", Map.of("at", "notatime"), "date and time"),
          new Case("POST", "/questions/1/notice", Map.of(), "tell"),
          new Case("POST", "/questions/1/notice", Map.of("tell", "maybe"), "tell"),
          new Case("POST", "/questions/1/decline", Map.of("note", LONG), "note"),
          new Case("POST", "/drafts/new", Map.of(), "title"),
          new Case("POST", "/drafts/new", Map.of("title", LONG), "title"),
          new Case("GET", "/drafts/abc", Map.of(), "number"),
          new Case("GET", "/drafts/999", Map.of(), "999"),
          new Case("POST", "/drafts/1", draft("version", "abc"), "version"),
          new Case("POST", "/drafts/1", draft("version", null), "version"),
          new Case("POST", "/drafts/1", draft("corrected", "notadate"), "corrected"),
          new Case("POST", "/drafts/1", draft("date", "notadate"), "date"),
          new Case("POST", "/drafts/1", draft("date", null), "date"),
          new Case("POST", "/drafts/1", draft("title", LONG), "title"),
          new Case("POST", "/drafts/1", draft("answer", HUGE), "answer"),
          new Case("POST", "/drafts/999", draft("title", "x"), "999"),
          new Case("POST", "/drafts/1/preview", draft("corrected", "notadate"), "corrected"),
          new Case("POST", "/drafts/1/preview", draft("age", "old"), "age"),
          new Case("POST", "/drafts/abc/preview", draft("title", "x"), "number"),
          new Case("POST", "/drafts/1/autosave", draft("corrected", "notadate"), "corrected"),
          new Case("POST", "/drafts/1/autosave", draft("version", "abc"), "version"),
          new Case("POST", "/drafts/1/autosave", draft("version", "7"), "version"),
          new Case("GET", "/drafts/abc/history", Map.of(), "number"),
          new Case("GET", "/drafts/999/history", Map.of(), "999"),
          new Case("GET", "/published?page=abc", Map.of(), "page"),
          new Case("POST", "/published/correct", Map.of(), "file"),
          new Case("POST", "/published/correct", Map.of("file", "../x.md"), "no column"),
          new Case("POST", "/outbox/abc/retry", Map.of(), "number"),
          new Case("POST", "/outbox/99999999999999999999/retry", Map.of(), "number"),
          new Case("POST", "/outbox/999/retry", Map.of(), "999"),
          new Case("GET", "/subscribers/abc", Map.of(), "number"),
          new Case("GET", "/subscribers/999", Map.of(), "999"),
          new Case("POST", "/subscribers/abc/reactivate", Map.of(), "number"),
          new Case("POST", "/subscribers/999/reactivate", Map.of("reason", "x"), "999"),
          new Case("POST", "/responses/abc/approve", Map.of(), "number"),
          new Case("POST", "/responses/1/frobnicate", Map.of(), "frobnicate"),
          new Case("POST", "/responses/999/approve", Map.of(), "999"),
          new Case("POST", "/responses/1/edit", Map.of("body", LONG), "body"),
          new Case("POST", "/responses/1/reply", Map.of("reply", "x".repeat(9_000)), "reply"));

  @Test
  void everyRouteAnswersBadValuesWithAClearClientErrorNeverAServerError() throws Exception {
    HttpClient http = instance.loggedIn();
    String csrf = instance.csrf(http);
    SoftAssertions softly = new SoftAssertions();
    for (Case c : CASES) {
      Map<String, String> form = new HashMap<>(c.form());
      form.put("csrf", csrf);
      HttpResponse<String> r = instance.send(http, c.method(), c.path(), form);
      String what = c.method() + " " + c.path() + " " + c.form().keySet();
      softly.assertThat(r.statusCode()).as(what).isBetween(400, 499);
      softly
          .assertThat(r.body())
          .as(what)
          .containsIgnoringCase(c.says())
          .doesNotContain("Exception");
    }
    softly.assertAll();
    assertThat(instance.send(http, "GET", "/drafts/1", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void everyRouteOfTheEditorIsInTheTable() {
    for (String route : EditorServer.ROUTES) {
      String path = route.split(" ")[1].replaceAll("\\{[a-z]+\\}.*", "");
      if (route.equals("GET /mail")
          || route.equals("GET /newsletter")
          || route.equals("GET /helpful")
          || route.equals("GET /responses")
          || route.equals("POST /logout")) {
        continue; // no values to get wrong
      }
      assertThat(CASES)
          .as(route)
          .anyMatch(c -> c.method().equals(route.split(" ")[0]) && c.path().startsWith(path));
    }
  }

  @Test
  void aRequestLargerThanAnyEditorFormIsRefused() throws Exception {
    HttpClient http = instance.loggedIn();
    String csrf = instance.csrf(http);
    Map<String, String> form = draft("answer", "x".repeat(2_000_000));
    form.put("csrf", csrf);
    HttpResponse<String> r = instance.send(http, "POST", "/drafts/1", form);
    assertThat(r.statusCode()).isEqualTo(413);
  }
}
