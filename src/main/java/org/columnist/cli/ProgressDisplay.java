package org.columnist.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.columnist.Progress;

/**
 * A long command's progress for a person: a moving bar when stderr is a terminal, else (a log, a
 * pipe) a plain line at each tenth of the work or every ten seconds, whichever comes first. Work
 * done within two seconds shows nothing, so quick commands print only their result. Safe to advance
 * from several threads.
 */
final class ProgressDisplay implements Progress {
  private static final long QUIET_NANOS = 2_000_000_000L;
  private static final long EVERY_NANOS = 10_000_000_000L;

  private final Consumer<String> lines;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private ProgressBar bar;
  private String task = "";
  private String unit = "";
  private long total;
  private long done;
  private long doneWhenSaid;
  private long startedAt;
  private long saidAt;

  /** Shows progress on {@code err}: as a bar only when the process has a terminal. */
  ProgressDisplay(PrintWriter err) {
    this(printed(err), System.console() != null, System::nanoTime);
  }

  /** Says progress only in plain {@code lines} (a server's log). */
  ProgressDisplay(Consumer<String> lines) {
    this(lines, false, System::nanoTime);
  }

  /** With the terminal and the clock decided by the caller (a test's seam). */
  ProgressDisplay(Consumer<String> lines, boolean terminal, LongSupplier nanoTime) {
    this.lines = lines;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  private static Consumer<String> printed(PrintWriter err) {
    return line -> {
      err.println(line);
      err.flush();
    };
  }

  @Override
  public synchronized void started(String task, String unit, long total) {
    this.task = task;
    this.unit = unit;
    this.total = total;
    done = 0;
    doneWhenSaid = 0;
    startedAt = nanoTime.getAsLong();
    saidAt = startedAt;
  }

  @Override
  public synchronized void advanced(long steps) {
    done += steps;
    if (bar != null) {
      bar.stepTo(done);
      return;
    }
    long now = nanoTime.getAsLong();
    if (done >= total || now - startedAt < QUIET_NANOS) {
      return;
    }
    if (terminal) {
      // The bar draws on System.err itself: only a terminal shows it as one moving line.
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setUnit(" " + unit, 1)
              .setInitialMax(total)
              .build();
      bar.stepTo(done);
    } else if (done - doneWhenSaid >= Math.max(1, total / 10) || now - saidAt >= EVERY_NANOS) {
      lines.accept(task + ": " + done + " of " + total + " " + unit);
      doneWhenSaid = done;
      saidAt = now;
    }
  }

  @Override
  public synchronized void finished() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
