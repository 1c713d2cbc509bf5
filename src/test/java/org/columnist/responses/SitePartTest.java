package org.columnist.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.columnist.TestClock;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.site.ReaderSide;
import org.columnist.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePartTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void readForAllPagesAtOnceItAnswersAsItDoesPageByPage() {
    InstanceSkeleton.copyTo(dir);
    TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    Wiring wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()), clock);
    String[][] rows = {
      {"b-column", "approved", "Sam", "2026-03-01T09:05:00Z", null},
      {"a-column", "approved", "Kim", "2026-03-01T23:30:00Z", "Thank you, Kim."},
      {"a-column", "approved", "Lee", "2026-02-27T08:00:00Z", null},
      {"a-column", "pending", "Max", "2026-02-28T08:00:00Z", null},
    };
    for (String[] r : rows) {
      wiring.store.inTransaction(
          db ->
              Sql.update(
                  db,
                  """
                  INSERT INTO responses(slug, state, name, address, body, created_at, expires_at,
                                        confirmed_at, reply)
                  VALUES (?, ?, ?, 'x@example.com', 'Words.', ?, '2026-03-09T09:00:00Z', ?, ?)""",
                  r[0],
                  r[1],
                  r[2],
                  r[3],
                  r[3],
                  r[4]));
    }
    Votes votes = new Votes(wiring.store, clock, ZoneOffset.UTC);
    for (int i = 1; i <= 5; i++) {
      votes.cast("b-column", "198.51.100." + i, true);
    }
    votes.cast("a-column", "198.51.100.9", true);
    ReaderSide pageByPage = wiring.sitePart();
    ReaderSide atOnce = pageByPage.forAllPages();
    for (String slug : new String[] {"a-column", "b-column", "c-column"}) {
      for (LocalDate date : new LocalDate[] {LocalDate.of(2026, 3, 1), LocalDate.of(2020, 1, 1)}) {
        assertThat(atOnce.column(slug, date)).isEqualTo(pageByPage.column(slug, date));
      }
    }
    assertThat(atOnce.column("a-column", LocalDate.of(2026, 3, 1)).responses())
        .extracting(r -> r.name())
        .containsExactly("Lee", "Kim");
    assertThat(atOnce.column("b-column", LocalDate.of(2026, 3, 1)).helpful()).isEqualTo(5);
  }
}
