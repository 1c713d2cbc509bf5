package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.columnist.archive.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exclusions ({@code -word}) over the relevance set's archive: they take out their columns and
 * leave the others ranked as without them, on every page, by relevance and by date.
 */
class ExclusionsTest {
  @TempDir static Path dir;
  static SearchIndex index;

  @BeforeAll
  static void indexTheTestArchive() {
    index = SearchIndex.open(dir.resolve("index"), SearchIndex.DEFAULT_SYNONYMS);
    index.update(new Archive(Path.of("src/test/resources/search/archive")));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @ParameterizedTest(name = "{0} -{1}, by date: {2}")
  @CsvSource({
    "work, team, false",
    "work, team, true",
    "feedback, review, false",
    "team \"performance review\", years, false"
  })
  void anExclusionTakesOutItsColumnsAndLeavesTheRestInTheirOrder(
      String words, String excluded, boolean byDate) {
    List<String> all = slugs(words, byDate);
    Set<String> withExcluded = Set.copyOf(slugs(excluded, byDate));
    List<String> without = slugs(words + " -" + excluded, byDate);
    assertThat(all).containsAnyElementsOf(withExcluded);
    assertThat(without)
        .isNotEmpty()
        .isEqualTo(all.stream().filter(s -> !withExcluded.contains(s)).toList());
    assertThat(
            index
                .search(new SearchRequest(words + " -" + excluded, null, null, null, byDate, 1))
                .total())
        .isEqualTo(without.size());
  }

  /** Every hit of {@code query}, page after page. */
  private static List<String> slugs(String query, boolean byDate) {
    List<String> slugs = new ArrayList<>();
    Results page;
    int n = 1;
    do {
      page = index.search(new SearchRequest(query, null, null, null, byDate, n++));
      page.hits().forEach(h -> slugs.add(h.slug()));
    } while (page.page() < page.pages());
    return slugs;
  }
}
