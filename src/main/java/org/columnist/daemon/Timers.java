package org.columnist.daemon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.columnist.ColumnistException;

/**
 * The work a long-running verb does again and again (publish-due, the outbox, the archive watch),
 * on threads of its own. A run that fails is logged and the next one comes anyway: a {@link
 * ScheduledExecutorService} never runs a task again once it has thrown.
 */
public final class Timers implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("timers");

  /** How long {@link #close} lets a run in progress finish. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ScheduledExecutorService executor;

  public Timers(int threads) {
    this.executor = Executors.newScheduledThreadPool(threads);
  }

  /**
   * Runs {@code task} after {@code first}, then {@code every} after each run ends. A failure is
   * logged, as one line when it is expected (a {@link ColumnistException}) and with its stack trace
   * when it is a bug, and handed to {@code failed}.
   */
  public void every(
      String what, Duration first, Duration every, Runnable task, Consumer<Throwable> failed) {
    executor.scheduleWithFixedDelay(
        guarded(what, task, failed), first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once, after {@code delay}; a failure is logged and handled as above. */
  public void once(String what, Duration delay, Runnable task, Consumer<Throwable> failed) {
    executor.schedule(guarded(what, task, failed), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Runnable guarded(String what, Runnable task, Consumer<Throwable> failed) {
    return () -> {
      try {
        task.run();
      } catch (ColumnistException e) {
        LOG.log(System.Logger.Level.WARNING, what + " failed: " + e.getMessage());
        failed.accept(e);
      } catch (RuntimeException | Error e) {
        // An Error too: the executor would otherwise end this timer for good, unlogged.
        LOG.log(System.Logger.Level.ERROR, what + " failed: a bug; will try again", e);
        failed.accept(e);
      }
    };
  }

  /** Starts no more runs and waits for the one in progress, if any, to finish. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "a timer still runs after " + PATIENCE.toSeconds() + " s; stopping without it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
