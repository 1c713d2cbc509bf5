package org.columnist.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.columnist.TestClock;
import org.columnist.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {
  @TempDir Path dir;
  Store store;
  final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));

  @BeforeEach
  void setUp() {
    store = Store.open(dir.resolve("columnist.db"));
  }

  private Claims claims(int perMinute) {
    return new Claims(store, 8, clock, Takeovers.newSender(), perMinute);
  }

  private void queueBulk(int recipients, Instant notAfter) {
    Outbox outbox = new Outbox(store, "ask@column.example", 8, clock);
    store.inTransaction(
        db -> {
          try (Bulk bulk =
              outbox.startBulk(
                  db,
                  new BulkMail(
                      "newsletter",
                      "Issue",
                      "Text MARK\n",
                      null,
                      List.of("List-Unsubscribe: <https://x.example/u?t=MARK>"),
                      "MARK",
                      notAfter,
                      null))) {
            for (int i = 0; i < recipients; i++) {
              bulk.add("r" + i + "@example.com", "token" + i);
            }
          }
          return null;
        });
  }

  private void queueAck() {
    Outbox outbox = new Outbox(store, "ask@column.example", 8, clock);
    store.inTransaction(
        db ->
            outbox.enqueue(
                db,
                new OutgoingMail(
                    "ack",
                    "mary@example.com",
                    "Received",
                    "Thanks\n",
                    null,
                    null,
                    List.of(),
                    null)));
  }

  @Test
  void aDeferredNewsletterMailIsRetriedForDaysAtMostSixHoursApartBeforeItFailsForGood() {
    queueBulk(1, null);
    Claims claims = claims(600);
    Instant first = clock.instant();
    int attempts = 0;
    boolean again = true;
    while (again) {
      Claims.Batch batch = claims.claim();
      assertThat(batch.mails()).as("attempt " + (attempts + 1)).hasSize(1);
      again = claims.retry(batch.mails().peekFirst(), "451 4.7.1 slow down");
      attempts++;
      assertThat(claims.claim().mails()).isEmpty();
      clock.advance(Claims.backoff(attempts));
      assertThat(Claims.backoff(attempts)).isLessThanOrEqualTo(Duration.ofHours(6));
    }

    assertThat(attempts).isGreaterThan(8); // what an ack gets
    assertThat(Duration.between(first, clock.instant()))
        .isGreaterThanOrEqualTo(Claims.BULK_GIVE_UP)
        .isLessThan(Claims.BULK_GIVE_UP.plusHours(6));
    assertThat(claims.claim().mails()).as("failed for good").isEmpty();
  }

  @Test
  void claimsBulkMailOnlyAsFastAsTheRateAndSaysHowLongToWait() {
    queueBulk(5, null);
    Claims claims = claims(120); // two a second, at most two at once

    Claims.Batch first = claims.claim();
    Claims.Batch empty = claims.claim();
    clock.advance(Duration.ofSeconds(1));
    Claims.Batch second = claims.claim();

    assertThat(first.mails()).hasSize(2);
    assertThat(empty.mails()).isEmpty();
    assertThat(empty.waitForTokens()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
    assertThat(second.mails()).hasSize(2);
  }

  @Test
  void theRateBucketSurvivesARestart() {
    queueBulk(5, null);
    assertThat(claims(120).claim().mails()).hasSize(2);

    Claims restarted = claims(120);

    assertThat(restarted.claim().mails()).isEmpty();
  }

  @Test
  void anAckIsClaimedBeforeTheNewsletterQueuedEarlier() {
    queueBulk(100, null);
    queueAck();

    Claims.Batch batch = claims(600).claim();

    assertThat(batch.mails()).extracting(ClaimedMail::kind).containsExactly("ack");
  }

  @Test
  void eachBulkRowGetsItsOwnValueInTextAndHeaders() {
    queueBulk(2, null);

    Claims.Batch batch = claims(600).claim();

    assertThat(batch.mails())
        .extracting(ClaimedMail::text)
        .containsExactly("Text token0\n", "Text token1\n");
    assertThat(batch.mails().peekFirst().headers())
        .containsExactly("List-Unsubscribe: <https://x.example/u?t=token0>");
  }

  @Test
  void bulkMailPastItsAgeLimitIsHeldUntilForced() {
    queueBulk(3, clock.instant().plus(Duration.ofDays(3)));
    clock.advance(Duration.ofDays(4));

    assertThat(claims(600).claim().mails()).isEmpty();
    List<String> errors =
        store.inTransaction(
            db ->
                org.columnist.store.Sql.list(
                    db, "SELECT state || ' ' || last_error FROM outbox", rs -> rs.getString(1)));
    assertThat(errors)
        .hasSize(3)
        .allMatch(e -> e.startsWith("cancelled held: column older than newsletter.max_age"));

    int released = store.inTransaction(db -> Outbox.releaseHeld(db, 1));
    assertThat(released).isEqualTo(3);
    assertThat(claims(600).claim().mails()).hasSize(3);
  }

  @Test
  void aSendPublishedWhileNoSenderRanSaysInTheLogThatItGoesOutLate() {
    queueBulk(1, null);
    clock.advance(Duration.ofDays(2));
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("outbox");
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Level level = log.getLevel();
    log.setLevel(java.util.logging.Level.INFO); // tests log warnings only
    log.addHandler(handler);
    try {
      assertThat(claims(600).claim().mails()).hasSize(1);
    } finally {
      log.removeHandler(handler);
      log.setLevel(level);
    }

    assertThat(logged).contains("newsletter #1 published 2 days ago goes out now");
  }
}
