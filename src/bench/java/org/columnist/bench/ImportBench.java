package org.columnist.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.columnist.archive.Archive;
import org.columnist.importer.Importer;

/**
 * Import throughput: N generated inputs (saved pages with site furniture, or the same columns as
 * text files) imported into an empty archive. Prints inputs per second, the heap in use after a
 * quarter, half and all of them, and peak memory. Run by {@code src/bench/import.sh}.
 */
public final class ImportBench {
  private static final String[] TOPICS = {
    "a manager who changes priorities every week",
    "a colleague who takes the credit",
    "a promotion that keeps being promised",
    "a team that stopped talking in meetings",
    "a move to another department"
  };

  private ImportBench() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    String extension = args.length > 1 ? args[1] : "html";
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("import-bench");
    Path inputs = dir.resolve("saved");
    Files.createDirectories(inputs);
    for (int i = 1; i <= count; i++) {
      String name = String.format("column-%05d.%s", i, extension);
      String text = extension.equals("html") ? page(i) : text(i);
      Files.writeString(inputs.resolve(name), text);
    }
    long[] heapAt = new long[3];
    int[] marks = {count / 4, count / 2, count};
    Importer.Listener listener =
        new Importer.Listener() {
          private int done;

          @Override
          public void outcome(Importer.Outcome outcome) {
            if (outcome instanceof Importer.Outcome.Refused refused) {
              System.err.println("refused: " + refused.note());
            }
          }

          @Override
          public void done(Path input) {
            done++;
            for (int m = 0; m < marks.length; m++) {
              if (done == marks[m]) {
                System.gc();
                heapAt[m] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
              }
            }
          }
        };
    Importer importer = new Importer(new Archive(dir.resolve("archive")), "Ruth Hallberg");
    long start = System.nanoTime();
    Importer.Summary summary =
        importer.run(List.of(inputs), new Importer.Options(false, false, false), listener);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "import: %d %s inputs, %d imported, %d refused, in %.2f s: %.0f inputs/s%n",
        count, extension, summary.imported(), summary.refused(), seconds, count / seconds);
    System.out.printf(
        "heap in use after %d / %d / %d inputs (after GC): %.0f / %.0f / %.0f MB%n",
        marks[0], marks[1], marks[2], heapAt[0] / 1e6, heapAt[1] / 1e6, heapAt[2] / 1e6);
    System.out.printf(
        "peak heap %.0f MB, peak RSS %s%n", Memory.peakHeap() / 1e6, Memory.peakRss());
    deleteTree(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String title(int i) {
    return "Column " + i + ": " + TOPICS[i % TOPICS.length];
  }

  private static String dateline(int i) {
    String[] months = {"January", "March", "May", "August", "October", "December"};
    return months[i % months.length] + " " + (1 + i % 28) + ", " + (2000 + i % 20);
  }

  private static String question(int i) {
    return "This is question number "
        + i
        + ", about "
        + TOPICS[i % TOPICS.length]
        + ". I have tried talking to them twice and nothing changed. What should I do next?";
  }

  private static final String ANSWER =
      "Start with what you can see and name it without blame. Ask for one change, with a date"
          + " to look at it again, and write down what you agreed.";

  private static String text(int i) {
    return title(i)
        + "\n"
        + dateline(i)
        + "\n\n## Question\n\n"
        + question(i)
        + "\n\n## Answer\n\n"
        + ANSWER
        + "\n\n## The last word\n\nName it, then ask.\n";
  }

  /** A saved newspaper page: the column inside the site's navigation, sidebar and footer. */
  private static String page(int i) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>%1$s | The Harbour Gazette</title>
        <link rel="stylesheet" href="column_files/site.css">
        <script>window.dataLayer = []; function track() {}</script>
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/careers/">Careers</a>
        <a href="/subscribe/">Subscribe</a></nav></header>
        <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Port expansion vote</a></li>
        <li><a href="/b">Ferry timetable changes</a></li></ul>
        <form class="signup"><input name="email"><button>Sign up</button></form></aside>
        <main><article>
        <h1>%1$s</h1>
        <p class="byline">By Ruth Hallberg</p>
        <p>Coach's Corner--%2$s</p>
        <h2>Question</h2>
        <p>%3$s</p>
        <h2>Answer</h2>
        <p>%4$s</p>
        <p>It will feel <em>slow</em>. It is not.</p>
        <h2>The last word</h2>
        <p>Name it, then ask.</p>
        </article>
        <section class="related"><h3>Related articles</h3><ul><li><a href="/c">Five ways to
        ask for a raise</a></li><li><a href="/d">When to quit</a></li></ul></section>
        <section class="comments"><h3>Leave a comment</h3><form><textarea></textarea></form>
        </section></main>
        <footer><p>The opinions expressed are the author's own.</p>
        <p>Harbour Gazette Ltd. All rights reserved.</p></footer>
        <script src="column_files/analytics.js"></script>
        </body></html>
        """
        .formatted(title(i), dateline(i), question(i), ANSWER);
  }
}
