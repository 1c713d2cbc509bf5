package org.columnist.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescedTest {
  final List<Runnable> waiting = new ArrayList<>();
  final List<Duration> delays = new ArrayList<>();
  final AtomicInteger runs = new AtomicInteger();
  final Coalesced coalesced =
      new Coalesced(
          runs::incrementAndGet,
          Duration.ofSeconds(5),
          (delay, task) -> {
            delays.add(delay);
            waiting.add(task);
          });

  @Test
  void runsABurstOfAsksOnceAfterTheGap() {
    for (int i = 0; i < 100; i++) {
      coalesced.run();
    }

    assertThat(runs).hasValue(0);
    assertThat(delays).containsExactly(Duration.ofSeconds(5));
    waiting.remove(0).run();
    assertThat(runs).hasValue(1);
  }

  @Test
  void runsAgainForAnAskAfterTheRunStarted() {
    coalesced.run();
    waiting.remove(0).run();
    coalesced.run();
    coalesced.run();

    assertThat(waiting).hasSize(1);
    waiting.remove(0).run();
    assertThat(runs).hasValue(2);
  }

  @Test
  void asksAgainAfterARunThatFailed() {
    Coalesced failing =
        new Coalesced(
            () -> {
              throw new IllegalStateException("the disk is full");
            },
            Duration.ofSeconds(5),
            (delay, task) -> waiting.add(task));
    failing.run();
    Runnable first = waiting.remove(0);
    assertThatThrownBy(first::run).hasMessage("the disk is full");
    failing.run();

    assertThat(waiting).hasSize(1);
  }
}
