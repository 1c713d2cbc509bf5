package org.columnist.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.columnist.cli.Wiring;
import org.columnist.config.TestConfig;
import org.columnist.newsletter.Bounces.Kind;
import org.columnist.store.Sql;
import org.columnist.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BouncesTest {
  static final String ROBIN = "robin@example.org";

  @TempDir Path dir;
  Store store;
  Subscribers subscribers;
  Bounces bounces;

  @BeforeEach
  void setUp() {
    Wiring wiring = new Wiring(TestConfig.aConfig().loadIn(dir), Clock.systemUTC());
    store = wiring.store;
    subscribers = wiring.subscribers();
    bounces = new Bounces(subscribers);
    store.inTransaction(
        db ->
            Sql.update(
                db,
                "INSERT INTO subscribers(address, state, source, created_at) VALUES (?, 'confirmed', 'cli', ?)",
                ROBIN,
                Instant.now().toString()));
  }

  @Test
  void onlyNotesABounceForAnAddressThatIsNoSubscriber() {
    assertThat(record("gone@example.com", null, Kind.HARD)).isEqualTo("not a subscriber");
    assertThat(record(null, null, Kind.HARD))
        .isEqualTo("names no mail Columnist sent: no subscriber changed");
    assertThat(column("SELECT count(*) FROM subscriber_events")).containsExactly("0");
  }

  @Test
  void keepsTheStateOfAnAddressThatAlreadyLeftAndNotesTheBounceInItsHistory() {
    store.inTransaction(db -> subscribers.unsubscribe(db, ROBIN, "link"));
    assertThat(record(ROBIN, null, Kind.HARD)).isEqualTo("subscriber was already unsubscribed");
    assertThat(column("SELECT state FROM subscribers")).containsExactly("unsubscribed");
    assertThat(column("SELECT event FROM subscriber_events ORDER BY id"))
        .containsExactly("unsubscribed", "bounced hard");
  }

  @Test
  void startsTheRowAgainWhenSomethingElseHappenedToTheSubscriberBetween() {
    record(ROBIN, null, Kind.SOFT);
    record(ROBIN, null, Kind.SOFT);
    // What the coach's reactivation or a new confirmation leaves in the history.
    store.inTransaction(
        db -> {
          subscribers.event(db, 1, "confirmed", "form");
          return null;
        });
    assertThat(record(ROBIN, null, Kind.SOFT)).isEqualTo("soft bounce 1 of 3 in a row");
    assertThat(column("SELECT soft_bounces FROM subscribers")).containsExactly("1");
  }

  @Test
  void takesAReportThatNamesNoMailToBeAboutTheNewestOne() {
    record(ROBIN, null, Kind.SOFT);
    sent(Instant.now().plusSeconds(1));
    assertThat(record(ROBIN, null, Kind.SOFT)).isEqualTo("soft bounce 2 of 3 in a row");
    sent(Instant.now().plusSeconds(2));
    sent(Instant.now().plusSeconds(3));
    assertThat(record(ROBIN, null, Kind.SOFT)).isEqualTo("soft bounce 1 of 3 in a row");
  }

  private String record(String address, Long row, Kind kind) {
    return store.inTransaction(
        db -> bounces.record(db, address, row, false, kind, kind.word() + ": test"));
  }

  private void sent(Instant at) {
    store.inTransaction(
        db -> {
          long body =
              Sql.insert(
                  db,
                  "INSERT INTO outbox_bodies(kind, subject, body_text, marker, created_at) VALUES ('newsletter', 'S', 'T', '%%', ?)",
                  at.toString());
          return Sql.insert(
              db,
              """
              INSERT INTO outbox(kind, to_address, body_id, personal, message_id, state, next_attempt_at, created_at, sent_at)
              VALUES ('newsletter', ?, ?, '', ?, 'sent', ?, ?, ?)""",
              ROBIN,
              body,
              "<" + UUID.randomUUID() + "@column.example>",
              at.toString(),
              at.toString(),
              at.toString());
        });
  }

  private List<String> column(String sql) {
    return store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }
}
