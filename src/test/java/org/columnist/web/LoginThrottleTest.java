package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.columnist.TestClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void simultaneousAttemptsGetNoMoreSlotsThanTheLimit() {
    int burst = 64;
    CountDownLatch ready = new CountDownLatch(burst);
    ExecutorService threads = Executors.newFixedThreadPool(burst);
    List<CompletableFuture<Boolean>> allowed = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      String address = "10.0.0." + i; // each from its own address: the account is what counts
      allowed.add(
          CompletableFuture.supplyAsync(
              () -> {
                ready.countDown();
                try {
                  ready.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return throttle.attempt("pat", address).allowed();
              },
              threads));
    }
    long count = allowed.stream().filter(CompletableFuture::join).count();
    threads.shutdown();
    assertThat(count).isEqualTo(LoginThrottle.MAX_FAILURES);
  }

  @Test
  void aRightPasswordGivesItsSlotBackAndAWindowLater() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.attempt("pat", "10.0.0.1");
    }
    throttle.succeeded(throttle.attempt("pat", "10.0.0.1"));
    assertThat(throttle.attempt("pat", "10.0.0.2").allowed()).isTrue();
    throttle.attempt("pat", "10.0.0.2");
    throttle.attempt("pat", "10.0.0.2");
    throttle.attempt("pat", "10.0.0.2");
    throttle.attempt("pat", "10.0.0.2");
    assertThat(throttle.attempt("pat", "10.0.0.3").delay()).isPositive();
    clock.advance(LoginThrottle.WINDOW);
    assertThat(throttle.attempt("pat", "10.0.0.3").allowed()).isTrue();
  }

  @Test
  void aFloodOfNewNamesAndAddressesStaysBoundedAndCannotPushOutAnAccountUnderAttack() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      throttle.attempt("pat", "10.9.9.9");
    }
    for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
      throttle.attempt("name" + i, "address " + i);
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS);
    assertThat(throttle.attempt("pat", "10.1.1.1").allowed()).isFalse();
    clock.advance(LoginThrottle.WINDOW);
    assertThat(throttle.attempt("pat", "10.1.1.1").allowed()).isTrue();
  }
}
