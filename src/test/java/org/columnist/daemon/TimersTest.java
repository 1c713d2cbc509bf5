package org.columnist.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.columnist.ColumnistException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimersTest {
  private static final Duration SOON = Duration.ofMillis(5);

  private final Logger log = Logger.getLogger("timers");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(capture);
  }

  @Test
  void aRunThatFailsIsFollowedByTheNext() throws Exception {
    assertThat(
            failuresOfATimerWhoseFirstRunThrows(new IllegalStateException("the first run breaks")))
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo("the first run breaks");
  }

  @Test
  void aRunThatFailsWithAnErrorIsFollowedByTheNextToo() throws Exception {
    assertThat(failuresOfATimerWhoseFirstRunThrows(new StackOverflowError("too deep")))
        .singleElement()
        .isInstanceOf(StackOverflowError.class);
  }

  /** What a timer whose first run throws {@code first} reports, once its second run has come. */
  private static List<Throwable> failuresOfATimerWhoseFirstRunThrows(Throwable first)
      throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ranAgain = new CountDownLatch(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    try (Timers timers = new Timers(1)) {
      timers.every(
          "outbox",
          SOON,
          SOON,
          () -> {
            if (runs.incrementAndGet() == 1) {
              rethrow(first);
            }
            ranAgain.countDown();
          },
          failures::add);
      assertThat(ranAgain.await(10, TimeUnit.SECONDS)).as("a second run").isTrue();
    }
    return failures;
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) t;
  }

  @Test
  void logsABugWithItsStackTraceAndAnExpectedFailureInOneLine() throws Exception {
    CountDownLatch bothFailed = new CountDownLatch(2);
    try (Timers timers = new Timers(2)) {
      timers.every(
          "scheduler",
          SOON,
          Duration.ofHours(1),
          () -> {
            throw new NullPointerException();
          },
          e -> bothFailed.countDown());
      timers.every(
          "outbox",
          SOON,
          Duration.ofHours(1),
          () -> {
            throw new ColumnistException("cannot send through SMTP smtp.example:587: refused");
          },
          e -> bothFailed.countDown());
      assertThat(bothFailed.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(records)
        .filteredOn(r -> r.getMessage().startsWith("scheduler"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
              assertThat(r.getThrown()).isInstanceOf(NullPointerException.class);
            });
    assertThat(records)
        .filteredOn(r -> r.getMessage().startsWith("outbox"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.WARNING);
              assertThat(r.getThrown()).isNull();
              assertThat(r.getMessage())
                  .isEqualTo("outbox failed: cannot send through SMTP smtp.example:587: refused");
            });
  }
}
