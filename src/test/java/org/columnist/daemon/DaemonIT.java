package org.columnist.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.columnist.cli.CliTest;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon of a fresh instance, in this process, on ports the system picks, without mail. */
class DaemonIT {
  @TempDir Path dir;
  Wiring wiring;

  @BeforeEach
  void setUp() {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
  }

  @Test
  void stopsPromptlyWhileATimerIsBringingTheIndexUpToDate() throws Exception {
    AtomicBoolean armed = new AtomicBoolean();
    CountDownLatch watching = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Daemon daemon =
        new Daemon(
            wiring.daemonParts(
                () -> {
                  if (armed.compareAndSet(true, false)) {
                    watching.countDown();
                    awaitQuietly(release);
                  }
                }),
            Duration.ofMillis(20));
    daemon.start("127.0.0.1", 0, "127.0.0.1", 0);
    armed.set(true);
    assertThat(watching.await(10, TimeUnit.SECONDS)).isTrue();

    Thread closing = new Thread(daemon::close, "closing");
    closing.start();
    // close() is waiting for the timers: only now may the watch go on and ask for its lock.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> closing.getState() == Thread.State.TIMED_WAITING);
    release.countDown();

    closing.join(5_000);
    assertThat(closing.isAlive()).as("close() still waiting after 5 s").isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
