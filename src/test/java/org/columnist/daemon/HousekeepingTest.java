package org.columnist.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.columnist.TestClock;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.mail.SiteQuestions;
import org.columnist.responses.Responses;
import org.columnist.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeepingTest {
  private static final String SLUG = "when-a-colleague-takes-credit-for-your-work";

  @TempDir Path dir;

  @Test
  void anHourlyRunForgetsWhatNobodyConfirmedThePastSaltsAndClosesOldColumnsPages()
      throws Exception {
    InstanceSkeleton.copyTo(dir);
    // The sample column of 2025-10-06 takes responses until 90 days after its date.
    TestClock clock = new TestClock(Instant.parse("2026-01-01T12:00:00Z"));
    Wiring wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()), clock);
    wiring.votes().cast(SLUG, "198.51.100.1", true);
    wiring
        .siteQuestions()
        .ask(new SiteQuestions.Asked("pat@example.com", null, null, "What now?", ""), true);
    wiring.responses().post(new Responses.Draft(SLUG, "Sam", "sam@example.com", "Hi", false), true);
    Path page = wiring.config.paths().publicDir().resolve("2025/10/" + SLUG + "/index.html");
    try (ArchiveWatch watch = wiring.archiveWatch(() -> {})) {
      assertThat(Files.readString(page)).contains("form class=\"respond\"");

      clock.advance(Duration.ofDays(8));
      new Housekeeping(wiring.publicForms(), wiring.subscribers(), watch).run();

      assertThat(rows(wiring, "SELECT COUNT(*) FROM form_questions")).containsExactly("0");
      assertThat(rows(wiring, "SELECT COUNT(*) FROM responses")).containsExactly("0");
      assertThat(rows(wiring, "SELECT COUNT(*) FROM vote_salts")).containsExactly("0");
      assertThat(Files.readString(page))
          .doesNotContain("form class=\"respond\"")
          .contains("Responses are closed");
    }
  }

  private static List<String> rows(Wiring wiring, String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }
}
