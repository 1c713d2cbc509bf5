package org.columnist.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.columnist.TestClock;
import org.columnist.cli.Wiring;
import org.columnist.config.TestConfig;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VotesTest {
  static final String ADDRESS = "203.0.113.77";

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  Wiring wiring;
  Votes votes;

  @BeforeEach
  void open() {
    wiring = new Wiring(TestConfig.aConfig().loadIn(dir), clock);
    votes = new Votes(wiring.store, clock, ZoneOffset.UTC);
  }

  @Test
  void countsOneVisitorOncePerColumnPerDay() {
    assertThat(votes.cast("a-column", ADDRESS, true)).isEqualTo(Votes.Cast.COUNT_CHANGED);
    assertThat(votes.cast("a-column", ADDRESS, true)).isEqualTo(Votes.Cast.COUNT_SAME);
    clock.advance(Duration.ofHours(10));
    votes.cast("a-column", ADDRESS, true);

    assertThat(votes.helpful("a-column")).isEqualTo(1);
    assertThat(rows("SELECT COUNT(*) FROM votes")).containsExactly("1");
  }

  @Test
  void countsAnotherVisitorAndTheSameVisitorOnAnotherColumnOrDay() {
    votes.cast("a-column", ADDRESS, true);
    votes.cast("a-column", "203.0.113.78", true);
    votes.cast("another-column", ADDRESS, true);
    clock.advance(Duration.ofDays(1));
    votes.cast("a-column", ADDRESS, true);

    assertThat(votes.helpful("a-column")).isEqualTo(3);
    assertThat(votes.helpful()).containsEntry("a-column", 3L).containsEntry("another-column", 1L);
  }

  @Test
  void letsAVisitorChangeTheirAnswerTheSameDay() {
    votes.cast("a-column", ADDRESS, true);

    assertThat(votes.cast("a-column", ADDRESS, false)).isEqualTo(Votes.Cast.COUNT_CHANGED);
    assertThat(votes.helpful("a-column")).isZero();
    assertThat(new Helpfulness(wiring.store).columns())
        .containsExactly(new Helpfulness.Row("a-column", 0, 1));
  }

  @Test
  void keepsTheAddressInNoTable() {
    votes.cast("a-column", ADDRESS, false);
    assertThat(votes.missing("a-column", ADDRESS, "More about the boss")).isTrue();

    for (String table : rows("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      for (String row : dump(table)) {
        assertThat(row).as(table).doesNotContain(ADDRESS).doesNotContain("203.0.113");
      }
    }
  }

  @Test
  void throwsYesterdaysSaltAwayWhenTodaysIsMade() {
    votes.cast("a-column", ADDRESS, true);
    List<String> yesterday = rows("SELECT day || ' ' || salt FROM vote_salts");
    clock.advance(Duration.ofDays(1));
    votes.cast("a-column", ADDRESS, false);

    List<String> salts = rows("SELECT day || ' ' || salt FROM vote_salts");
    assertThat(yesterday).hasSize(1).allMatch(s -> s.startsWith("2026-03-02 "));
    assertThat(salts).hasSize(1).allMatch(s -> s.startsWith("2026-03-03 "));
    assertThat(salts.get(0).substring(11)).isNotEqualTo(yesterday.get(0).substring(11));
    assertThat(rows("SELECT visitor FROM votes ORDER BY day")).doesNotHaveDuplicates();
  }

  @Test
  void keepsWhatWasMissingOnlyAfterThatVisitorsNoAndOneTextPerVote() {
    assertThat(votes.missing("a-column", ADDRESS, "without a vote")).isFalse();
    votes.cast("a-column", ADDRESS, true);
    assertThat(votes.missing("a-column", ADDRESS, "after a yes")).isFalse();
    votes.cast("a-column", ADDRESS, false);
    assertThat(votes.missing("a-column", ADDRESS, "first")).isTrue();
    assertThat(votes.missing("a-column", ADDRESS, "second")).isTrue();
    assertThat(votes.missing("a-column", "198.51.100.9", "another client")).isFalse();

    assertThat(rows("SELECT body FROM vote_feedback")).containsExactly("second");
  }

  @Test
  void forgetsYesterdaysSaltEvenOnADayWithoutVotes() {
    votes.cast("a-column", ADDRESS, true);
    clock.advance(Duration.ofDays(1));
    votes.forgetPastSalts();

    assertThat(rows("SELECT COUNT(*) FROM vote_salts")).containsExactly("0");
  }

  @Test
  void listsTheMostHelpfulFirstAndWhatWasMissingNewestFirst() {
    votes.cast("so-so", "198.51.100.1", true);
    votes.cast("so-so", "198.51.100.2", false);
    votes.cast("so-so", "198.51.100.3", false);
    votes.cast("great", "198.51.100.1", true);
    votes.cast("great", "198.51.100.2", true);
    votes.missing("so-so", "198.51.100.2", "first");
    clock.advance(Duration.ofMinutes(1));
    votes.missing("so-so", "198.51.100.3", "second");

    Helpfulness helpfulness = new Helpfulness(wiring.store);
    assertThat(helpfulness.columns())
        .containsExactly(new Helpfulness.Row("great", 2, 0), new Helpfulness.Row("so-so", 1, 2));
    assertThat(helpfulness.columns().get(1).share()).isEqualTo(33);
    assertThat(helpfulness.missing())
        .extracting(Helpfulness.Missing::text)
        .containsExactly("second", "first");
  }

  List<String> rows(String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  List<String> dump(String table) {
    return wiring.store.inTransaction(
        db -> {
          List<String> out = new ArrayList<>();
          try (var st = db.createStatement();
              var rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= n; i++) {
                row.append(rs.getString(i)).append('|');
              }
              out.add(row.toString());
            }
          }
          return out;
        });
  }
}
