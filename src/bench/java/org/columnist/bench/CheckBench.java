package org.columnist.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import org.columnist.archive.Archive;

/**
 * Times {@link Archive#check()} in-process over an archive folder: the first (cold) run in a fresh
 * JVM, then the median of warm runs, and the peak heap. Run by {@code src/bench/check.sh}.
 */
public final class CheckBench {
  private CheckBench() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: CheckBench ARCHIVE_DIR");
      System.exit(2);
    }
    Archive archive = new Archive(Path.of(args[0]));
    long start = System.nanoTime();
    Archive.CheckReport report = archive.check();
    double cold = (System.nanoTime() - start) / 1e9;
    if (!report.problems().isEmpty()) {
      System.err.println("the corpus has problems, first: " + report.problems().get(0));
      System.exit(1);
    }
    double[] warm = new double[5];
    for (int i = 0; i < warm.length; i++) {
      long t = System.nanoTime();
      archive.check();
      warm[i] = (System.nanoTime() - t) / 1e9;
    }
    Arrays.sort(warm);
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "check in-process: %d files, cold %.3f s, warm median %.3f s, peak heap %.0f MB%n",
        report.files(), cold, warm[warm.length / 2], peakHeap / 1e6);
  }
}
