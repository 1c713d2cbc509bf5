package org.columnist.importer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The files of an import read a few ahead on every core, handed back one by one in their order:
 * reading a page (Readability, the layout) is most of an import's time and shares nothing, while
 * comparing and writing stay on one thread, in order. At most {@link #AHEAD} per core are held, so
 * memory stays flat however many files there are.
 */
final class FileReads implements AutoCloseable {
  private static final int AHEAD = 2;

  private final List<Path> files;
  private final Function<Path, Importer.FileRead> read;
  private final ExecutorService pool;
  private final Deque<Future<Importer.FileRead>> pending = new ArrayDeque<>();
  private final int window;
  private int submitted;

  FileReads(List<Path> files, Function<Path, Importer.FileRead> read) {
    this.files = files;
    this.read = read;
    int cores = Runtime.getRuntime().availableProcessors();
    this.window = AHEAD * cores;
    this.pool =
        Executors.newFixedThreadPool(
            cores,
            task -> {
              Thread thread = new Thread(task, "import-read");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The next file's reading, in the files' order. */
  Importer.FileRead next() {
    while (submitted < files.size() && pending.size() < window) {
      Path file = files.get(submitted++);
      pending.add(pool.submit(() -> read.apply(file)));
    }
    try {
      return pending.remove().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the import's files", e);
    } catch (ExecutionException e) {
      // read() turns every exception into a refusal; what arrives here is an Error.
      throw new IllegalStateException("reading an import's file failed", e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
