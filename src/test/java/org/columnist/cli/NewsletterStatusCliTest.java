package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;
import static org.columnist.config.TestConfig.aConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsletter status} and the outbox's list, over rows in every state. */
class NewsletterStatusCliTest {
  @TempDir Path dir;
  String config;

  @BeforeEach
  void setUp() {
    config = aConfig().writeTo(dir).toString();
    Wiring w = new Wiring(Config.load(Path.of(config), Map.of()));
    w.store.inTransaction(
        db -> {
          long body =
              Sql.insert(
                  db,
                  """
                  INSERT INTO outbox_bodies(kind, subject, body_text, marker, not_after, created_at)
                  VALUES ('newsletter', 'Meetings over lunch', 'text', '@@P@@',
                          '2999-01-01T00:00:00Z', '2026-06-01T08:00:00Z')""");
          Sql.insert(
              db,
              """
              INSERT INTO newsletter_sends(archive_path, title, url, body_id, recipients, created_at)
              VALUES ('2026/06/lunch.md', 'Meetings over lunch', 'https://x/lunch/', ?, 7,
                      '2026-06-01T08:00:00Z')""",
              body);
          String[][] rows = {
            {"sent", "2026-06-01T08:00:00Z"},
            {"sent", "2026-06-01T08:00:30Z"},
            {"sent", "2026-06-01T08:01:00Z"},
            {"failed", null},
            {"queued", null},
            {"sending", null},
            {"cancelled", null}
          };
          for (int i = 0; i < rows.length; i++) {
            Sql.insert(
                db,
                """
                INSERT INTO outbox(kind, to_address, body_id, personal, message_id, state,
                                   next_attempt_at, created_at, sent_at)
                VALUES ('newsletter', ?, ?, 'p', ?, ?, '2026-06-01T08:00:00Z',
                        '2026-06-01T08:00:00Z', ?)""",
                "reader" + i + "@example.com",
                body,
                "<n" + i + "@column.example>",
                rows[i][0],
                rows[i][1]);
          }
          Sql.insert(
              db,
              """
              INSERT INTO outbox(kind, to_address, subject, body_text, message_id, state,
                                 next_attempt_at, created_at)
              VALUES ('ack', 'dana@example.com', 'Thanks for your question', 't', '<a@c.example>',
                      'queued', '2026-06-01T08:00:00Z', '2026-06-01T08:00:00Z')""");
          return null;
        });
  }

  CliTest.Result run(String... args) {
    return CliTest.columnistWith(config, args);
  }

  @Test
  void statusCountsEachSendsRowsByStateWithTheAchievedRate() {
    String out = run("newsletter", "status").out();
    assertThat(out)
        .contains("Meetings over lunch")
        .contains("7 recipients: 3 sent, 1 failed, 2 pending, 1 cancelled")
        .contains("rate 600/min, achieved 2/min");
  }

  @Test
  void pendingMailOfAColumnPastItsNotAfterIsShownAsHeld() {
    Wiring w = new Wiring(Config.load(Path.of(config), Map.of()));
    w.store.inTransaction(
        db -> Sql.update(db, "UPDATE outbox_bodies SET not_after = '2000-01-01T00:00:00Z'"));
    assertThat(run("newsletter", "status").out())
        .contains("2 pending (2 held: the column is too old;")
        .containsPattern("'columnist newsletter send \\d+ --force' sends them\\)");
  }

  @Test
  void mailASenderMarkedHeldIsStillShownAsHeldNotCancelled() {
    Wiring w = new Wiring(Config.load(Path.of(config), Map.of()));
    w.store.inTransaction(
        db -> {
          Sql.update(db, "UPDATE outbox_bodies SET not_after = '2000-01-01T00:00:00Z'");
          // What a sender does with them once their column is too old.
          return Sql.update(
              db,
              "UPDATE outbox SET state = 'cancelled', last_error = ? WHERE state = 'queued'"
                  + " AND body_id IS NOT NULL",
              org.columnist.outbox.Outbox.HELD + "column older than newsletter.max_age");
        });
    assertThat(run("newsletter", "status").out())
        .contains("3 sent, 1 failed, 2 pending (2 held: the column is too old;")
        .contains("--force' sends them), 1 cancelled");
  }

  @Test
  void statusAsJsonIsOneDocument() throws Exception {
    JsonNode send = new ObjectMapper().readTree(run("newsletter", "status", "--json").out()).get(0);
    assertThat(send.get("recipients").asInt()).isEqualTo(7);
    assertThat(send.get("sent").asInt()).isEqualTo(3);
    assertThat(send.get("failed").asInt()).isEqualTo(1);
    assertThat(send.get("pending").asInt()).isEqualTo(2);
    assertThat(send.get("cancelled").asInt()).isEqualTo(1);
    assertThat(send.get("ratePerMinute").asInt()).isEqualTo(600);
    assertThat(send.get("achievedPerMinute").asDouble()).isEqualTo(2.0);
  }

  @Test
  void outboxListShowsOtherMailAndOneLinePerNewsletterSend() {
    String out = run("outbox", "list").out();
    assertThat(out).contains("Thanks for your question");
    assertThat(out).doesNotContain("r***@e******.com");
    assertThat(out)
        .contains(
            "newsletter send 1 (Meetings over lunch): 7 recipients, 3 sent, 1 failed,"
                + " 2 pending");
  }

  @Test
  void statusSaysSoWhenNothingWasSent() {
    CliTest.Result none = columnist("newsletter", "status", "--config", emptyInstance());
    assertThat(none.out()).contains("No newsletter sends yet");
  }

  private String emptyInstance() {
    return aConfig().writeTo(dir.resolve("empty")).toString();
  }
}
