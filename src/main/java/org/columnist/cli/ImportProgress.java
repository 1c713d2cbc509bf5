package org.columnist.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * How far a long import has got: a progress bar when stderr is a terminal, else (a log, a pipe) a
 * plain line every hundred inputs or ten seconds, whichever comes first.
 */
final class ImportProgress implements AutoCloseable {
  private static final int EVERY_FILES = 100;
  private static final long EVERY_NANOS = 10_000_000_000L;

  private final PrintWriter err;
  private ProgressBar bar;
  private int total;
  private int done;
  private int doneWhenSaid;
  private long saidAt = System.nanoTime();

  ImportProgress(PrintWriter err) {
    this.err = err;
  }

  void started(int files) {
    total = files;
    // The bar writes to System.err itself: only a terminal shows it as one moving line.
    if (System.console() != null && files > 1) {
      bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(files).build();
    }
  }

  void done() {
    done++;
    if (bar != null) {
      bar.step();
      return;
    }
    long now = System.nanoTime();
    if (done < total && (done - doneWhenSaid >= EVERY_FILES || now - saidAt >= EVERY_NANOS)) {
      err.printf("import: %d of %d inputs read%n", done, total);
      doneWhenSaid = done;
      saidAt = now;
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
