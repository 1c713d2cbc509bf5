package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import org.columnist.queue.Transition;
import org.columnist.store.Sql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The question page's actions: told apart, confirmed, and replaced by what happened. */
class QuestionActionsIT {
  @RegisterExtension final EditorInstance editor = new EditorInstance();

  private long aReadersQuestion() {
    return editor.store.inTransaction(
        db ->
            Sql.insert(
                db,
                """
                INSERT INTO questions(state, origin, sender_address, sender_name, subject, body, received_at, updated_at)
                VALUES ('new', 'mail', 'mary@example.com', 'Mary', 'My boss', 'What now?', ?, ?)""",
                editor.clock.instant().toString(),
                editor.clock.instant().toString()));
  }

  private Document page(HttpClient http, long id) throws Exception {
    return Jsoup.parse(editor.send(http, "GET", "/questions/" + id, Map.of()).body());
  }

  private int post(HttpClient http, long id, String action, Map<String, String> fields)
      throws Exception {
    Map<String, String> form = new HashMap<>(fields);
    form.put("csrf", editor.csrf(http));
    return editor.send(http, "POST", "/questions/" + id + "/" + action, form).statusCode();
  }

  @Test
  void acceptIsThePrimaryActionAndDeclineAndSpamAreSetApart() throws Exception {
    HttpClient http = editor.loggedIn();
    Document page = page(http, aReadersQuestion());
    assertThat(page.select("button.primary").text()).isEqualTo("Accept and start the draft");
    assertThat(page.select(".danger-zone button.danger").eachText())
        .containsExactly("Decline", "Mark as spam");
    assertThat(page.select(".danger-zone label").eachText())
        .contains("Tell the reader by mail that their question will not be answered");
    assertThat(page.select("button.secondary").eachText()).contains("Merge");
  }

  @Test
  void spamAndDeclineAreRefusedUntilTheCoachConfirms() throws Exception {
    HttpClient http = editor.loggedIn();
    long id = aReadersQuestion();
    assertThat(post(http, id, "spam", Map.of())).isEqualTo(400);
    assertThat(post(http, id, "decline", Map.of("note", "not for us"))).isEqualTo(400);
    assertThat(editor.queue.show(id).state()).isEqualTo("new");
    assertThat(page(http, id).select("input[name=confirm][required]")).hasSize(2);
    assertThat(post(http, id, "spam", Map.of("confirm", "on"))).isEqualTo(302);
    assertThat(editor.queue.show(id).state()).isEqualTo("spam");
  }

  @Test
  void aQuestionWithNoActionsLeftSaysWhatHappenedToIt() throws Exception {
    HttpClient http = editor.loggedIn();
    long declined = aReadersQuestion();
    assertThat(post(http, declined, "decline", Map.of("confirm", "on"))).isEqualTo(302);
    Document page = page(http, declined);
    assertThat(page.select("#actions-heading")).isEmpty();
    assertThat(page.select("#outcome").text()).isEqualTo("Declined on Mon 30 Nov, 03:00.");

    long withdrawn = aReadersQuestion();
    editor.queue.move(withdrawn, Transition.WITHDRAW, "pat", null);
    assertThat(page(http, withdrawn).select("#outcome").text())
        .isEqualTo("Withdrawn on Mon 30 Nov, 03:00.");

    String text =
        editor
            .queue
            .drafts()
            .latest(1)
            .text()
            .replace("  issue: \"\"\n", "  issue: A yes\n")
            .replace("## Answer\n", "## Answer\n\nYes.\n");
    editor.queue.drafts().save(1, text, "pat", null);
    editor.queue.move(1, Transition.REVIEW, "pat", null);
    String url = editor.queue.publish(1, "pat", null).url();
    Document published = page(http, 1);
    assertThat(published.select("#outcome").text()).startsWith("Published at " + url);
    assertThat(published.select("#outcome a").attr("href")).isEqualTo(url);
  }
}
