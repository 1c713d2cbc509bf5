package org.columnist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it. A test can also run something at the next
 * reading of the clock, to act exactly between two steps of the code under test.
 */
public final class TestClock extends Clock {
  private volatile Instant now;
  private final AtomicReference<Runnable> atNextTick = new AtomicReference<>();

  public TestClock(Instant now) {
    this.now = now;
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  /** Runs {@code meanwhile} once, when the clock is next read, before it answers. */
  public void atNextTick(Runnable meanwhile) {
    atNextTick.set(meanwhile);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    Runnable meanwhile = atNextTick.getAndSet(null);
    if (meanwhile != null) {
      meanwhile.run();
    }
    return now;
  }
}
