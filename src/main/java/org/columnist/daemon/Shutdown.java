package org.columnist.daemon;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/** How a server verb ends: it waits for SIGTERM or Ctrl-C, then stops its parts in order. */
public final class Shutdown {
  private Shutdown() {}

  /** Blocks until the process is told to stop, runs {@code stop}, and says so on {@code out}. */
  public static void await(PrintWriter out, Runnable stop) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // JUL's own shutdown hook may already have closed the log: say it on the output.
                  out.println(
                      "Stopping: finishing the message in hand, then closing the servers...");
                  out.flush();
                  stop.run();
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
