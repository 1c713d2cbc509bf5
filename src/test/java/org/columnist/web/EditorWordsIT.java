package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.config.TestConfig;
import org.columnist.queue.Queue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The editor speaks to the coach in words: times, states, counts and the privacy refusal. */
class EditorWordsIT {
  static final Pattern RAW_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  Queue queue;
  EditorServer editor;
  HttpClient http;
  String csrf;

  @BeforeEach
  void start() throws Exception {
    greenMail.setUser(TestConfig.ADDRESS, TestConfig.ADDRESS, TestConfig.PASSWORD);
    InstanceSkeleton.copyTo(dir);
    Config config =
        TestConfig.extending(dir.resolve("config/columnist.yml"))
            .withMailbox("imap", greenMail.getImap().getPort())
            .loadIn(dir);
    Wiring wiring = new Wiring(config, java.time.Clock.systemUTC());
    queue = wiring.queue();
    Accounts accounts = new Accounts(wiring.store, wiring.clock);
    accounts.add("pat", EditorInstance.PASSWORD.toCharArray());
    editor =
        new EditorServer(
                config,
                wiring.store,
                queue,
                wiring.outbox(),
                wiring.subscribers(),
                accounts,
                files -> {},
                wiring.clock)
            .start("127.0.0.1", 0);
    GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "Dana Reader <dana@example.com>",
        "Lunch meetings",
        "My manager keeps booking meetings over lunch. How do I push back?",
        greenMail.getSmtp().getServerSetup());
    wiring.intake().pollOnce();
    http = EditorInstance.client();
    send("POST", "/login", Map.of("name", "pat", "password", EditorInstance.PASSWORD));
    csrf = page("/").select("input[name=csrf]").attr("value");
  }

  @AfterEach
  void stop() {
    editor.close();
  }

  HttpResponse<String> send(String method, String path, Map<String, String> form) throws Exception {
    return EditorInstance.send(
        http, method, URI.create("http://127.0.0.1:" + editor.port() + path), form);
  }

  Document page(String path) throws Exception {
    return Jsoup.parse(send("GET", path, Map.of()).body());
  }

  /** The page an action leads to, with the note it leaves. */
  Document act(String path, Map<String, String> form) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(form);
    all.put("csrf", csrf);
    HttpResponse<String> r = send("POST", path, all);
    return r.statusCode() == 302
        ? page(r.headers().firstValue("location").orElseThrow())
        : Jsoup.parse(r.body());
  }

  void writeAnAnswerNaming(String words) {
    String text = queue.drafts().latest(1).text();
    queue
        .drafts()
        .save(
            1,
            text.replace("  issue: \"\"\n", "  issue: A manager\n")
                .replace("## Answer\n", "## Answer\n\n" + words + "\n"),
            "test",
            null);
  }

  @Test
  void noPageShowsAStoredInstantButTimesInTheSiteZoneAndInWords() throws Exception {
    act("/questions/1/accept", Map.of());
    writeAnAnswerNaming("Protect your lunch hour.");
    act("/questions/1/review", Map.of());
    for (String path : new String[] {"/", "/questions/1", "/drafts/1", "/drafts/1/history"}) {
      assertThat(page(path).text()).as(path).doesNotContainPattern(RAW_INSTANT);
    }
    assertThat(page("/mail").text()).doesNotContainPattern(RAW_INSTANT).contains("just now");
    assertThat(page("/questions/1").select(".meta").text()).contains("received just now");
    assertThat(page("/").select("tbody tr").text()).contains("just now");
  }

  @Test
  void statesAreWordsOnThePagesAndInTheNotes() throws Exception {
    act("/questions/1/accept", Map.of());
    writeAnAnswerNaming("Protect your lunch hour.");
    Document after = act("/questions/1/review", Map.of());
    assertThat(after.select(".flash").text()).isEqualTo("Question 1 is now in review.");
    for (String path : new String[] {"/?state=in_review", "/questions/1", "/drafts/1"}) {
      assertThat(page(path).text()).as(path).contains("in review").doesNotContain("in_review");
    }
  }

  @Test
  void aPrivacyRefusalShowsTheFindingsAndTheReasonFieldInTheEditorsTerms() throws Exception {
    act("/questions/1/accept", Map.of());
    writeAnAnswerNaming("Dana Reader, protect your lunch hour.");
    act("/questions/1/review", Map.of());
    Document refused = act("/questions/1/publish", Map.of());
    assertThat(refused.text())
        .contains("may identify the reader")
        .contains("the reader's name \"Dana\" in 'Answer'")
        .doesNotContain("--override")
        .doesNotContain("give ");
    assertThat(refused.select("a[href=/drafts/1]")).isNotEmpty();
    assertThat(refused.select("form[action=/questions/1/publish] input[name=override]")).hasSize(1);
    Document published =
        act("/questions/1/publish", Map.of("override", "A pseudonym she chose herself"));
    assertThat(published.select(".flash").text()).startsWith("Published:");
  }

  @Test
  void theDraftPageHasOnePrivacyOverrideField() throws Exception {
    act("/questions/1/accept", Map.of());
    writeAnAnswerNaming("Protect your lunch hour.");
    act("/questions/1/review", Map.of());
    Document draft = page("/drafts/1");
    assertThat(draft.select("label:containsOwn(Privacy override reason)")).hasSize(1);
    assertThat(draft.select("input[name=override]")).hasSize(1);
  }
}
