package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final Summary a = summary("a", "2024-12-30", null, "Burnout");
  private final Summary b = summary("b", "2025-01-06", "Retail", "burnout", "credit");
  private final Summary c = summary("c", "2025-01-06", "Retail", "Credit");
  private final Summary d = summary("d", "2025-02-03", null);
  private final Catalog before = new Catalog(List.of(d, a, c, b));

  @Test
  void aPatchedCatalogIsTheCatalogMadeAnew() {
    Summary moved = summary("b", "2025-03-03", "Mining", "credit");
    Summary added = summary("e", "2025-01-06", null, "managing up");

    Catalog patched = before.patched(Set.of("b.md", "c.md", "e.md"), List.of(moved, added));

    assertSame(patched, new Catalog(List.of(a, d, moved, added)));
  }

  @Test
  void topicsThatDifferInCaseShareOneListInSiteOrder() {
    Catalog.Listing burnout = before.listings.get("topic:topics/burnout/");
    assertThat(burnout.name()).isEqualTo("burnout");
    assertThat(burnout.items()).containsExactly(b, a);
    assertThat(before.listings.get("topic:topics/credit/").items()).containsExactly(b, c);
  }

  @Test
  void keysOfNamesEveryListThatHoldsTheColumn() {
    for (Summary s : before.columns) {
      Set<String> holding =
          before.listings.values().stream()
              .filter(l -> l.items().contains(s))
              .map(Catalog.Listing::key)
              .collect(Collectors.toSet());
      assertThat(Catalog.keysOf(s)).as(s.slug()).isEqualTo(holding);
    }
  }

  @Test
  void indexOfFindsAColumnInSiteOrderAndNotAnotherVersionOfIt() {
    assertThat(before.indexOf(c)).isEqualTo(before.columns.indexOf(c));
    assertThat(before.indexOf(summary("c", "2025-01-06", "Mining", "Credit"))).isNegative();
  }

  private static void assertSame(Catalog actual, Catalog expected) {
    assertThat(actual.columns).isEqualTo(expected.columns);
    assertThat(new ArrayList<>(actual.listings.keySet()))
        .isEqualTo(new ArrayList<>(expected.listings.keySet()));
    assertThat(actual.listings.values()).containsExactlyElementsOf(expected.listings.values());
  }

  private static Summary summary(String slug, String date, String industry, String... tags) {
    return new Summary(
        slug.toUpperCase(),
        date,
        null,
        slug,
        date.substring(0, 4) + "/" + date.substring(5, 7) + "/" + slug + "/",
        List.of(tags),
        List.of(),
        industry,
        "An issue",
        "An excerpt",
        slug + ".md",
        100,
        1);
  }
}
