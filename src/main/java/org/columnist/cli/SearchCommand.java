package org.columnist.cli;

import java.io.PrintWriter;
import org.columnist.search.Hit;
import org.columnist.search.Results;
import org.columnist.search.SearchIndex;
import org.columnist.search.SearchRequest;
import org.jsoup.parser.Parser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "Search the archive: words, \"phrases\", -exclusions, OR.")
final class SearchCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description = "What to look for (all columns when empty).")
  String[] words = new String[0];

  @Option(names = "--tag", paramLabel = "T", description = "Only columns with this topic.")
  String tag;

  @Option(names = "--industry", paramLabel = "I", description = "Only columns from this industry.")
  String industry;

  @Option(names = "--year", paramLabel = "Y", description = "Only columns from this year.")
  Integer year;

  @Option(names = "--by-date", description = "Newest first instead of best first.")
  boolean byDate;

  @Option(
      names = "--page",
      paramLabel = "N",
      defaultValue = "1",
      description = "Page N of the results (10 a page).")
  int page;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    Results results;
    try (SearchIndex index = SearchIndex.openForSearch(wiring.indexDir(), wiring.synonyms())) {
      results =
          index.search(
              new SearchRequest(String.join(" ", words), tag, industry, year, byDate, page));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, results);
      return;
    }
    if (results.shownFor() != null) {
      out.printf("Showing results for: %s%n", results.shownFor());
    }
    out.printf(
        "%d %s found%s%n",
        results.total(),
        results.total() == 1 ? "column" : "columns",
        results.pages() > 1 ? " (page " + results.page() + " of " + results.pages() + ")" : "");
    for (Hit hit : results.hits()) {
      out.printf(
          "%n%s  %s%n  %s%n  %s%n",
          hit.date(),
          hit.title(),
          wiring.config.site().baseUrl().resolve(hit.path()),
          plain(hit.snippet()));
    }
    if (results.didYouMean() != null) {
      out.printf("%nDid you mean: %s%n", results.didYouMean());
    }
  }

  /** The snippet's HTML as terminal text: matches between stars, every entity decoded. */
  private static String plain(String snippetHtml) {
    // Only the highlighter's own tags are markup: the text's '<' arrived escaped.
    String marked = snippetHtml.replace("<mark>", "*").replace("</mark>", "*");
    return Parser.unescapeEntities(marked, false);
  }
}
