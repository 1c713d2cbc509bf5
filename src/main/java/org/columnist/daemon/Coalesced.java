package org.columnist.daemon;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task asked for in bursts and run once per burst: the first ask has it run {@code gap} later,
 * and the asks meanwhile are served by that one run. A burst of votes is one site build, and two
 * builds start at least {@code gap} apart.
 */
public final class Coalesced implements Runnable {
  /** Runs a task once, after a delay: a timer in the daemon, a list in a test. */
  public interface Later {
    void after(Duration delay, Runnable task);
  }

  private final Runnable task;
  private final Duration gap;
  private final Later later;
  private final AtomicBoolean pending = new AtomicBoolean();

  public Coalesced(Runnable task, Duration gap, Later later) {
    this.task = task;
    this.gap = gap;
    this.later = later;
  }

  /** Asks for the task: it runs after the gap, unless a run is waiting already. */
  @Override
  public void run() {
    if (pending.compareAndSet(false, true)) {
      later.after(gap, this::fire);
    }
  }

  private void fire() {
    // Cleared before the run: an ask during it may change what it reads too late, so it waits
    // for a run of its own.
    pending.set(false);
    task.run();
  }
}
