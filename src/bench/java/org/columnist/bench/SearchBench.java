package org.columnist.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.columnist.search.SearchIndex;
import org.columnist.search.SearchRequest;
import org.columnist.web.PublicServer;

/**
 * Search at scale: indexes an instance's archive from scratch, then prints the build time, the
 * index size, in-process query latency (p50, p99) over varied visitor queries, and HTTP throughput
 * of /api/search measured with wrk on loopback. Run by {@code src/bench/search.sh}.
 */
public final class SearchBench {
  private static final String[] WORDS = {
    "manager",
    "client",
    "deadline",
    "feedback",
    "promotion",
    "burnout",
    "trust",
    "conflict",
    "salary",
    "raise",
    "boss",
    "team",
    "customer",
    "negotiation",
    "layoffs",
    "remote",
    "ethics",
    "delegation",
    "workload",
    "confidence",
    "colleague",
    "managment",
    "\"performance review\"",
    "leadership -budget",
    "quit OR resign",
    "undermines",
    "micromanages"
  };

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Config config = Config.load(Path.of(args[0]), Map.of());
    Archive archive = new Archive(config.paths().archive());
    Path indexDir = config.paths().data().resolve("index");
    long start = System.nanoTime();
    SearchIndex.UpdateReport report;
    // Closing waits for the merges the build started, as 'columnist index' does.
    try (SearchIndex index = SearchIndex.open(indexDir, SearchIndex.DEFAULT_SYNONYMS)) {
      report = index.rebuild(archive);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "index build: %d columns in %.1f s (%.0f columns/s), index size %.0f MB%n",
        report.added(), seconds, report.added() / seconds, size(indexDir) / 1e6);
    // Then searched as 'columnist serve' does: opened anew and brought up to date (no change).
    try (SearchIndex index = SearchIndex.open(indexDir, SearchIndex.DEFAULT_SYNONYMS)) {
      index.update(archive);

      Random random = new Random(7);
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        int n = 1 + random.nextInt(3);
        StringBuilder q = new StringBuilder();
        for (int w = 0; w < n; w++) {
          q.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        queries.add(q.toString());
      }
      // A server answers queries for days: the figures are for a JIT-compiled search.
      for (String q : queries.subList(0, 3000)) {
        index.search(SearchRequest.of(q));
      }
      long[] nanos = new long[2000];
      for (int i = 0; i < nanos.length; i++) {
        long t = System.nanoTime();
        index.search(SearchRequest.of(queries.get(3000 + i)));
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "query latency in-process (%d queries after 3000 to warm up, results + facets + snippets): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          nanos.length,
          nanos[nanos.length / 2] / 1e6,
          nanos[nanos.length * 9 / 10] / 1e6,
          nanos[nanos.length * 99 / 100] / 1e6,
          nanos[nanos.length - 1] / 1e6);

      try (PublicServer server = new PublicServer(config, index).start("127.0.0.1", 0)) {
        String url = "http://127.0.0.1:" + server.port() + "/api/search?q=manager+deadline";
        Process wrk;
        try {
          wrk =
              new ProcessBuilder("wrk", "-t2", "-c16", "-d15s", url)
                  .redirectErrorStream(true)
                  .start();
        } catch (IOException e) {
          System.out.println(
              "HTTP throughput: skipped, wrk is not installed (apt-get install wrk)");
          return;
        }
        report("one popular query (cached)", wrk);
        // 500 different queries in random order: each computed once, then from the cache.
        String host = "http://127.0.0.1:" + server.port();
        report("500 varied queries", wrk(host, queries.subList(0, 500), ""));
        // The same with a random number added to each: every request misses the cache. The
        // number matches no column, so the work is that of the query without it.
        report(
            "500 varied queries, each request unique (no cache)",
            wrk(host, queries.subList(0, 500), " .. \"+\" .. math.random(1000000000)"));
      }
    }
  }

  /** wrk requesting /api/search with {@code queries} in random order, each with {@code suffix}. */
  private static Process wrk(String host, List<String> queries, String suffix) throws IOException {
    Path script = Files.createTempFile("search", ".lua");
    StringBuilder lua = new StringBuilder("local q = {");
    for (String query : queries) {
      lua.append('"')
          .append(java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))
          .append("\",");
    }
    lua.append(
            "}\nrequest = function() return wrk.format(nil, \"/api/search?q=\" .. q[math.random(#q)]")
        .append(suffix)
        .append(") end\n");
    Files.writeString(script, lua.toString());
    return new ProcessBuilder("wrk", "-t2", "-c16", "-d15s", "-s", script.toString(), host)
        .redirectErrorStream(true)
        .start();
  }

  private static void report(String what, Process wrk) throws IOException, InterruptedException {
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    String rps =
        out.lines().filter(l -> l.startsWith("Requests/sec")).findFirst().orElse("Requests/sec: ?");
    String latency =
        out.lines().filter(l -> l.strip().startsWith("Latency")).findFirst().orElse("").strip();
    System.out.printf(
        "HTTP /api/search, %s, wrk 2 threads 16 connections 15 s on loopback: %s; %s%n",
        what, rps.strip(), latency);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
