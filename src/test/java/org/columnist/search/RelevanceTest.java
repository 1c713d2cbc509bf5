package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.columnist.archive.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relevance set: each visitor query in src/test/resources/search/queries.tsv must rank its
 * column in the top 3, over the test archive beside it (stemming, synonyms, phrases, typos...).
 */
class RelevanceTest {
  @TempDir static Path dir;
  static SearchIndex index;

  @BeforeAll
  static void indexTheTestArchive() {
    Archive archive = new Archive(Path.of("src/test/resources/search/archive"));
    assertThat(archive.check().problems()).isEmpty();
    index = SearchIndex.open(dir.resolve("index"), SearchIndex.DEFAULT_SYNONYMS);
    index.update(archive);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static Stream<Arguments> queries() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in = RelevanceTest.class.getResourceAsStream("/search/queries.tsv")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .skip(1)
              .filter(l -> !l.isBlank())
              .toList();
      for (String line : lines) {
        String[] cells = line.split("\t");
        rows.add(Arguments.of(cells[0], cells[1], cells[2]));
      }
    }
    return rows.stream();
  }

  @Test
  void theSetIsLargeEnough() throws IOException {
    assertThat(queries().count()).isGreaterThanOrEqualTo(30);
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/search/archive"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".md")).count())
          .isGreaterThanOrEqualTo(40);
    }
  }

  @ParameterizedTest(name = "[{2}] {0}")
  @MethodSource("queries")
  void ranksTheExpectedColumnInTheTopThree(String query, String expected, String kind) {
    List<String> top =
        index.search(SearchRequest.of(query)).hits().stream().limit(3).map(Hit::slug).toList();
    assertThat(top).as("top 3 for %s", query).contains(expected);
  }

  static Stream<String> allSyntax() throws IOException {
    return Stream.concat(
        queries().map(a -> (String) a.get()[0]),
        Stream.of(
            "laid off",
            "burned out",
            "pay rise",
            "\"difficult conversation\"",
            "boss -client",
            "credit -manager",
            "boss -\"difficult conversation\"",
            "nurse OR teacher -burnout",
            "-boss",
            "nurse OR teacher",
            "boss AND deadline",
            "managment",
            "co-worker credit",
            "the"));
  }

  /**
   * The total and the facets come from a cheaper query than the ranking's (one field for all, as
   * bit sets): paging through every ranked hit must find exactly that many columns.
   */
  @ParameterizedTest
  @MethodSource("allSyntax")
  void theTotalIsTheNumberOfRankedHits(String query) {
    Results first = index.search(SearchRequest.of(query));
    java.util.Set<String> ranked = new java.util.HashSet<>();
    for (int page = 1; page <= first.pages(); page++) {
      index
          .search(new SearchRequest(query, null, null, null, false, page))
          .hits()
          .forEach(h -> assertThat(ranked.add(h.slug())).as("%s twice", h.slug()).isTrue());
    }
    assertThat(ranked).as(query).hasSize((int) first.total());
    // A column has one year: the year facet counts the same hits again.
    assertThat(first.facets().get("year").stream().mapToLong(Results.FacetCount::count).sum())
        .as(query)
        .isEqualTo(first.total());
  }
}
