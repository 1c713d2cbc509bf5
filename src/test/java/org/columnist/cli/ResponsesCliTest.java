package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnistWith;

import java.nio.file.Path;
import org.columnist.config.TestConfig;
import org.columnist.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesCliTest {
  @TempDir Path dir;

  String instanceWithOneResponse(String state) {
    Path file = TestConfig.aConfig().writeTo(dir);
    Wiring wiring = new Wiring(org.columnist.config.Config.load(file, java.util.Map.of()));
    wiring.store.inTransaction(
        db ->
            Sql.update(
                db,
                """
                INSERT INTO responses(slug, state, name, address, body, created_at, expires_at,
                                      confirmed_at)
                VALUES ('a-column', ?, 'Sam', 'sam@example.com', 'Thank you.', '2026-03-01T09:00:00Z',
                        '2026-03-08T09:00:00Z', '2026-03-01T09:05:00Z')""",
                state));
    return file.toString();
  }

  @Test
  void listsResponsesWithTheAddressMasked() {
    String config = instanceWithOneResponse("pending");
    CliTest.Result list = columnistWith(config, "responses", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("pending", "a-column", "Sam", "Thank you.");
    CliTest.Result json = columnistWith(config, "responses", "list", "--json");
    assertThat(json.out()).contains("\"address\" : \"s***@e******.com\"").doesNotContain("sam@");
  }

  @Test
  void approvesRejectsAndMarksSpamByIdWithTheActor() {
    String config = instanceWithOneResponse("pending");
    CliTest.Result approved = columnistWith(config, "responses", "approve", "1", "--as", "pat");
    assertThat(approved.exit()).as(approved.err()).isZero();
    assertThat(approved.out()).contains("Response #1 is approved");
    CliTest.Result spam = columnistWith(config, "responses", "spam", "1", "--json");
    assertThat(spam.out()).contains("\"state\" : \"spam\"");
    assertThat(columnistWith(config, "responses", "reject", "1").out()).contains("rejected");
  }

  @Test
  void refusesAnUnknownOrUnconfirmedResponseWithOneLine() {
    String config = instanceWithOneResponse("unconfirmed");
    CliTest.Result unconfirmed = columnistWith(config, "responses", "approve", "1");
    assertThat(unconfirmed.exit()).isEqualTo(1);
    assertThat(unconfirmed.err()).contains("not confirmed by its writer yet");
    assertThat(columnistWith(config, "responses", "approve", "9").err())
        .contains("there is no response #9");
  }
}
