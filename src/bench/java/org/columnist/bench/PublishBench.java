package org.columnist.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.daemon.ArchiveWatch;
import org.columnist.daemon.Daemon;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
import org.columnist.queue.Transition;
import org.columnist.site.SiteBuilder;
import org.columnist.store.Sql;

/**
 * Publish to live inside a running daemon: starts {@link Daemon} in this JVM on an instance whose
 * site and index are built, publishes columns one after another as the editor's publish button does
 * ({@code queue.publish}, then the refresh the editor runs after it), and measures from the publish
 * transaction's commit to the column's page served by the public server, the home page, feed and
 * sitemap listing it, and the search API finding it. In-process so that the clock starts at the
 * commit itself, not at an HTTP round trip through the editor's login and forms. Run by {@code
 * src/bench/publish.sh} as {@code PublishBench CONFIG COUNT [WARMUP]}: {@code WARMUP} publications
 * (default {@value #WARMUP}) come first and are not counted, as a running daemon is warm; the first
 * is printed on its own. {@code PublishBench CONFIG ready} prints the id of a question ready to
 * publish instead, for the script to publish with the CLI.
 */
public final class PublishBench {
  private static final long TARGET_MS = 200;
  private static final int WARMUP = 10;

  private PublishBench() {}

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Config config = Config.load(Path.of(args[0]), Map.of());
    Wiring wiring = new Wiring(config);
    if (args[1].equals("ready")) {
      // For the script's 'queue publish': a question ready to publish, by id.
      System.out.println(ready(wiring, wiring.queue(), "A stubborn manager, published by the CLI"));
      return;
    }
    int count = Integer.parseInt(args[1]);
    // A running daemon is warm: the first publications after its start run in the JIT's
    // interpreter and first tiers, and would make the p99 of a start, not of a daemon.
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : WARMUP;
    Daemon.Parts wired = wiring.daemonParts(() -> {});
    long opening = System.nanoTime();
    ArchiveWatch watch = wiring.archiveWatch(() -> {});
    System.out.printf(
        "daemon's first refresh (index and site brought up to date): %d ms%n",
        (System.nanoTime() - opening) / 1_000_000);
    Daemon.Parts parts =
        new Daemon.Parts(
            wired.config(),
            wired.store(),
            wired.clock(),
            wired.queue(),
            wired.outbox(),
            wired.intake(),
            () -> watch,
            wired.subscribers(),
            wired.forms());
    Queue queue = parts.queue();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Long> page = new ArrayList<>();
    List<Long> lists = new ArrayList<>();
    List<Long> search = new ArrayList<>();
    List<Long> refresh = new ArrayList<>();
    List<Integer> written = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    List<Long> gc = new ArrayList<>();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    try (Daemon daemon = new Daemon(parts)) {
      daemon.start("127.0.0.1", 0, "127.0.0.1", 0);
      String base = "http://127.0.0.1:" + daemon.publicPort();
      // Columns of one day are listed by slug: each slug sorts before the last (and before an
      // earlier run's), so that each column is the newest, as a day's only column would be.
      String run =
          String.format("%09d", 999_999_999 - System.currentTimeMillis() / 1000 % 1_000_000_000);
      for (int i = 0; i < warmup + count; i++) {
        String word = "benchword" + run + "x" + (999 - i);
        long id = ready(wiring, queue, "A stubborn manager and " + word);
        long cpuBefore = os.getProcessCpuTime();
        long gcBefore = gcMillis();
        Publisher.Published p = queue.publish(id, "bench", null);
        long committed = System.nanoTime();
        String path = URI.create(p.url()).getPath();
        CompletableFuture<Long> served =
            CompletableFuture.supplyAsync(() -> until(http, base + path, b -> true, committed));
        CompletableFuture<Long> listed =
            CompletableFuture.supplyAsync(
                () -> {
                  until(http, base + "/", b -> b.contains(path), committed);
                  until(http, base + "/feed.xml", b -> b.contains(p.url()), committed);
                  return until(http, base + "/sitemap.xml", b -> b.contains(p.url()), committed);
                });
        CompletableFuture<Long> found =
            CompletableFuture.supplyAsync(
                () ->
                    until(
                        http,
                        base + "/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
                        b -> b.contains(path),
                        committed));
        // What the editor runs after the publish, in the request that published.
        SiteBuilder.Report report = watch.refreshSite(List.of(p.path()));
        long refreshed = System.nanoTime() - committed;
        if (i == 0) {
          System.out.printf(
              "the daemon's first publish (JIT cold): page served %d ms, lists %d ms, search %d ms,"
                  + " CPU %d ms%n",
              served.get() / 1_000_000,
              listed.get() / 1_000_000,
              found.get() / 1_000_000,
              (os.getProcessCpuTime() - cpuBefore) / 1_000_000);
        }
        if (i < warmup) {
          CompletableFuture.allOf(served, listed, found).get();
          continue;
        }
        refresh.add(refreshed);
        written.add(report == null ? 0 : report.written());
        page.add(served.get());
        lists.add(listed.get());
        search.add(found.get());
        cpu.add(os.getProcessCpuTime() - cpuBefore);
        gc.add((gcMillis() - gcBefore) * 1_000_000);
      }
    }
    System.out.printf(
        "%d columns published one after another into a running daemon, measured after %d warm-up"
            + " publishes (not counted)%n",
        count, warmup);
    System.out.printf(
        "%-44s %8s %8s %8s%n", "from the publish transaction's commit to", "p50", "p99", "max");
    row("refresh done (index + site, in the request)", refresh);
    row("(a) the column's page served", page);
    row("(b) home, feed and sitemap list it", lists);
    row("(c) the search API finds it", search);
    // CPU holds under load, where wall times on a shared machine do not.
    row("CPU of the whole process per publish", cpu);
    row("GC pauses and collections per publish", gc);
    List<Integer> sorted = new ArrayList<>(written);
    Collections.sort(sorted);
    System.out.printf(
        "pages written per publish: median %d, max %d%n",
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    long worst =
        Math.max(percentile(lists, 99), Math.max(percentile(page, 99), percentile(search, 99)));
    System.out.printf(
        "target: <= %d ms (p99 of (a)-(c) %d ms, ratio %.2f); before: 3.5 s and 1,008 pages for"
            + " one 'queue publish' on 10,000 columns%n",
        TARGET_MS, worst / 1_000_000, worst / 1e6 / TARGET_MS);
  }

  /** Milliseconds the collectors have taken so far. */
  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  /** A new question accepted, answered and reviewed: ready to publish; returns its id. */
  private static long ready(Wiring wiring, Queue queue, String subject) {
    String now = wiring.clock.instant().toString();
    long id =
        wiring.store.inTransaction(
            db ->
                Sql.insert(
                    db,
                    """
                    INSERT INTO questions(state, origin, sender_address, sender_name, subject, body, received_at, updated_at)
                    VALUES ('new', 'mail', ?, ?, ?, ?, ?, ?)""",
                    "reader@example.com",
                    "A Reader",
                    subject,
                    "Age: 40\nIndustry: Retail\nMy manager will not listen. What should I do?",
                    now,
                    now));
    String text =
        queue
            .accept(id, "bench")
            .text()
            .replace("  issue: \"\"\n", "  issue: A stubborn manager\n")
            .replace("## Answer\n", "## Answer\n\nAsk for a meeting and bring one proposal.\n");
    queue.drafts().save(id, text, "bench", null);
    queue.move(id, Transition.REVIEW, "bench", null);
    return id;
  }

  /** Nanoseconds from {@code since} until {@code url} answers 200 with a body {@code ok} takes. */
  private static long until(HttpClient http, String url, Predicate<String> ok, long since) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    // Polled every 10 ms: fine enough for a 200 ms target, light on 2 cores.
    await(url)
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .ignoreException(java.io.IOException.class)
        .until(
            () -> {
              HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
              return r.statusCode() == 200 && ok.test(r.body());
            });
    return System.nanoTime() - since;
  }

  private static void row(String name, List<Long> nanos) {
    System.out.printf(
        "%-44s %6d ms %6d ms %6d ms%n",
        name,
        percentile(nanos, 50) / 1_000_000,
        percentile(nanos, 99) / 1_000_000,
        Collections.max(nanos) / 1_000_000);
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
