package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  void aCatalogPatchedEditAfterEditIsTheCatalogMadeAnew() {
    // Few names, days and slugs, so that edits meet: names equal but for case or punctuation,
    // columns of one day, a column tagged twice, a list emptied and one made.
    List<String> names = List.of("Burnout", "burnout", "Burn-out", "credit", "Managing up", "pay");
    java.util.Random random = new java.util.Random(18);
    Map<String, Summary> archive = new java.util.HashMap<>();
    for (int i = 0; i < 60; i++) {
      Summary s = random(random, names, "c" + i);
      archive.put(s.source(), s);
    }
    Catalog catalog = new Catalog(archive.values());
    for (int edit = 0; edit < 300; edit++) {
      Set<String> sources = new java.util.HashSet<>();
      List<Summary> added = new ArrayList<>();
      for (int n = random.nextInt(3) + 1; n > 0; n--) {
        String slug = "c" + random.nextInt(80);
        sources.add(slug + ".md");
        archive.remove(slug + ".md");
        added.removeIf(a -> a.slug().equals(slug));
        if (random.nextInt(4) > 0) {
          Summary s = random(random, names, slug);
          added.add(s);
          archive.put(s.source(), s);
        }
      }

      catalog = catalog.patched(sources, added);

      assertSame(catalog, new Catalog(archive.values()));
    }
  }

  private static Summary random(java.util.Random random, List<String> names, String slug) {
    List<String> tags = new ArrayList<>();
    for (int n = random.nextInt(4); n > 0; n--) {
      tags.add(names.get(random.nextInt(names.size())));
    }
    String date = "2025-0" + (1 + random.nextInt(3)) + "-0" + (1 + random.nextInt(4));
    String industry = random.nextInt(3) == 0 ? null : names.get(random.nextInt(names.size()));
    return summary(slug, date, industry, tags.toArray(String[]::new));
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
    assertThat(lists(actual)).containsExactlyElementsOf(lists(expected));
    assertThat(actual.listings.values()).containsExactlyElementsOf(expected.listings.values());
  }

  /** Each list of {@code catalog} as a line: its key, its name and its columns' slugs. */
  private static List<String> lists(Catalog catalog) {
    return catalog.listings.values().stream()
        .map(
            l ->
                l.key()
                    + " "
                    + l.name()
                    + ": "
                    + l.items().stream().map(Summary::slug).collect(Collectors.joining(" ")))
        .toList();
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
