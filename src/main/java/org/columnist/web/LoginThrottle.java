package org.columnist.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins within {@link #WINDOW}, for
 * one account or from one address, further attempts are refused until the window passes.
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code account} from {@code address} must wait; zero when it may try now. */
  Duration wait(String account, String address) {
    Duration a = waitFor("account:" + account);
    Duration b = waitFor("address:" + address);
    return a.compareTo(b) > 0 ? a : b;
  }

  void failed(String account, String address) {
    for (String key : new String[] {"account:" + account, "address:" + address}) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        times.addLast(clock.instant());
      }
    }
  }

  void succeeded(String account) {
    failures.remove("account:" + account);
  }

  private Duration waitFor(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      Instant now = clock.instant();
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
        times.removeFirst();
      }
      return times.size() < MAX_FAILURES
          ? Duration.ZERO
          : Duration.between(now, times.peekFirst().plus(WINDOW));
    }
  }
}
