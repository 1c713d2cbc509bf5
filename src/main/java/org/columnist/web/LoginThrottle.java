package org.columnist.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows password guessing: at most {@value #MAX_FAILURES} failed logins within {@link #WINDOW}, for
 * one account or from one address; further attempts are refused until the window passes.
 *
 * <p>An attempt takes its slot before the password is checked and gives it back only when the
 * password was right, so that a burst of simultaneous guesses gets no more checks than a slow one.
 * The table is bounded ({@value #MAX_KEYS} accounts and addresses): when it is full of recent
 * failures, new callers are refused until some of them age out, rather than letting a flood of
 * names push out the record of an account under attack.
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_KEYS = 10_000;

  /** An attempt at logging in: allowed (its slot taken) when {@code delay} is zero. */
  record Attempt(String account, String address, Instant at, Duration delay) {
    boolean allowed() {
      return delay.isZero();
    }
  }

  // Guarded by this: the check and the count are one step.
  private final Map<String, Deque<Instant>> failures = new HashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * An attempt for {@code account} from {@code address}; when allowed, it counts as a failure until
   * {@link #succeeded} says otherwise.
   */
  synchronized Attempt attempt(String account, String address) {
    Instant now = clock.instant();
    String a = "account:" + account;
    String b = "address:" + address;
    Duration wait = max(waitFor(a, now), waitFor(b, now));
    if (wait.isZero() && !room(a, b, now)) {
      wait = WINDOW;
    }
    if (wait.isZero()) {
      failures.computeIfAbsent(a, k -> new ArrayDeque<>()).addLast(now);
      failures.computeIfAbsent(b, k -> new ArrayDeque<>()).addLast(now);
    }
    return new Attempt(account, address, now, wait);
  }

  /**
   * The password was right: the account's failures are forgotten, the address's slot given back.
   */
  synchronized void succeeded(Attempt attempt) {
    failures.remove("account:" + attempt.account());
    Deque<Instant> times = failures.get("address:" + attempt.address());
    if (times != null) {
      times.removeLastOccurrence(attempt.at());
      if (times.isEmpty()) {
        failures.remove("address:" + attempt.address());
      }
    }
  }

  synchronized int size() {
    return failures.size();
  }

  private Duration waitFor(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    prune(times, now);
    return times.size() < MAX_FAILURES
        ? Duration.ZERO
        : Duration.between(now, times.peekFirst().plus(WINDOW));
  }

  // Whether the table has room for the keys of an attempt, after forgetting what has aged out.
  private boolean room(String a, String b, Instant now) {
    int needed = (failures.containsKey(a) ? 0 : 1) + (failures.containsKey(b) ? 0 : 1);
    if (failures.size() + needed <= MAX_KEYS) {
      return true;
    }
    failures.values().removeIf(times -> prune(times, now).isEmpty());
    needed = (failures.containsKey(a) ? 0 : 1) + (failures.containsKey(b) ? 0 : 1);
    return failures.size() + needed <= MAX_KEYS;
  }

  private static Deque<Instant> prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
      times.removeFirst();
    }
    return times;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) > 0 ? a : b;
  }
}
