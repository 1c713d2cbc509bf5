package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.columnist.column.Column;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalPlanTest {
  private static final String COLUMN = "2025/03/leading-the-team-you-used-to-be-part-of/index.html";
  private static final String SOURCE = "2025/03/leading-the-team-you-used-to-be-part-of.md";

  @TempDir Path dir;
  SiteFixture fx;

  @BeforeEach
  void setUp() {
    fx = new SiteFixture(dir);
  }

  private static final IncrementalPlan NO_INDEX = new IncrementalPlan(slug -> List.of(), false);

  @Test
  void nothingChangedMeansNothingToRender() {
    Catalog catalog = new Catalog(List.of(summary("a", "2025-01-06", "A", "burnout")));
    assertThat(NO_INDEX.pages(catalog, catalog, Set.of(), Pages.all(catalog))).isEmpty();
  }

  @Test
  void anEditThatLeavesTheSummaryAloneRendersTheColumnAndTheFeedsItIsIn() {
    Summary a = summary("a", "2025-01-06", "A", "burnout");
    Summary b = summary("b", "2025-02-03", "B", "credit");
    Catalog before = new Catalog(List.of(a, b));
    Catalog now = new Catalog(List.of(touched(a), b));

    assertThat(NO_INDEX.pages(now, before, Set.of("a.md"), Pages.all(now)))
        .containsExactlyInAnyOrder("2025/01/a/index.html", "feed.xml", "topics/burnout/feed.xml");
  }

  @Test
  void aNewTitleAlsoRendersTheNeighboursAndTheListPagesShowingIt() {
    Summary a = summary("a", "2025-01-06", "A", "burnout");
    Summary b = summary("b", "2025-02-03", "B", "credit");
    Summary c = summary("c", "2025-03-03", "C", "credit");
    Catalog before = new Catalog(List.of(a, b, c));
    Summary retitled = retitled(b, "Another B");
    Catalog now = new Catalog(List.of(a, retitled, c));

    assertThat(NO_INDEX.pages(now, before, Set.of("b.md"), Pages.all(now)))
        .contains("2025/02/b/index.html", "2025/01/a/index.html", "2025/03/c/index.html")
        .contains("index.html", "2025/index.html", "2025/02/index.html", "topics/credit/index.html")
        .doesNotContain("2025/01/index.html", "topics/burnout/index.html")
        .as("the indexes list columns by date, topic and industry, not by title")
        .doesNotContain("sitemap.xml", "archive/index.html", "topics/index.html");
  }

  @Test
  void aNewColumnRendersTheIndexesAndTheSitemap() {
    Summary a = summary("a", "2025-01-06", "A", "burnout");
    Catalog before = new Catalog(List.of(a));
    Catalog now = new Catalog(List.of(a, summary("b", "2025-02-03", "B", "credit")));

    Set<String> planned = NO_INDEX.pages(now, before, Set.of("b.md"), Pages.all(now));

    assertThat(planned)
        .contains("2025/02/b/index.html", "topics/credit/index.html", "topics/credit/feed.xml")
        .containsAll(
            Pages.all(now).values().stream()
                .filter(PageKind::indexesTheArchive)
                .map(PageKind::path)
                .toList());
  }

  @Test
  void withAnIndexARemovedColumnRendersEveryColumnPageForItsRelatedLists() {
    Summary a = summary("a", "2025-01-06", "A", "burnout");
    Summary b = summary("b", "2025-02-03", "B", "credit");
    Summary c = summary("c", "2025-03-03", "C", "credit");
    Catalog before = new Catalog(List.of(a, b, c));
    Catalog now = new Catalog(List.of(a, c));
    IncrementalPlan indexed = new IncrementalPlan(slug -> List.of(), true);

    assertThat(indexed.pages(now, before, Set.of("b.md"), Pages.all(now)))
        .contains("2025/01/a/index.html", "2025/03/c/index.html");
    assertThat(NO_INDEX.pages(now, before, Set.of("b.md"), Pages.all(now)))
        .as("without an index, only the neighbours of the removed column")
        .contains("2025/01/a/index.html", "2025/03/c/index.html");
  }

  @Test
  void withAnIndexAnEditedColumnRendersThePagesThatListItAsRelated() {
    Summary a = summary("a", "2025-01-06", "A", "burnout");
    Summary b = summary("b", "2025-02-03", "B", "credit");
    Summary c = summary("c", "2025-03-03", "C", "credit");
    Summary d = summary("d", "2025-04-07", "D", "credit");
    Catalog before = new Catalog(List.of(a, b, c, d));
    Catalog now = new Catalog(List.of(a, b, c, touched(d)));
    IncrementalPlan indexed =
        new IncrementalPlan(
            slug -> slug.equals("d") ? List.of(new SiteBuilder.Related("A", a.path())) : List.of(),
            true);

    assertThat(indexed.pages(now, before, Set.of("d.md"), Pages.all(now)))
        .contains("2025/04/d/index.html", "2025/01/a/index.html")
        .doesNotContain("2025/02/b/index.html", "2025/03/c/index.html");
  }

  @Test
  void anIncrementalBuildWritesOnlyWhatTheChangeTouches() throws IOException {
    fx.builder().build(false);
    Path file = fx.archive.root().resolve(SOURCE);
    Files.writeString(
        file,
        Files.readString(file)
            .replace("You are in one of the hardest", "You are in one of the toughest"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    Map<String, Object> before = mtimes();
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.full()).isFalse();
    Set<String> written = changedSince(before);
    assertThat(written)
        .containsExactlyInAnyOrder(
            COLUMN,
            "feed.xml",
            "topics/new-manager/feed.xml",
            "topics/team-conflict/feed.xml",
            "topics/managing-peers/feed.xml");
    assertThat(report.written()).isEqualTo(written.size());
    assertThat(fx.read(COLUMN)).contains("one of the toughest");
    assertThat(fx.builder().build(false).written()).as("a second build writes nothing").isZero();
  }

  @Test
  void anIncrementalBuildRefreshesTheRelatedListsAColumnJoinsOrLeaves() throws IOException {
    String nurse = "2025/06/the-nurse-manager-who-cannot-say-no/index.html";
    try (org.columnist.search.SearchIndex index =
        org.columnist.search.SearchIndex.open(
            dir.resolve("data/index"), org.columnist.search.SearchIndex.DEFAULT_SYNONYMS)) {
      SiteBuilder builder =
          new SiteBuilder(
              fx.config,
              fx.archive,
              slug ->
                  index.related(slug, 4).stream()
                      .map(h -> new SiteBuilder.Related(h.title(), h.path()))
                      .toList(),
              ReaderSide.NONE);
      index.update(fx.archive);
      builder.build(false);
      assertThat(fx.read(nurse)).doesNotContain("Another ward");

      Column sibling =
          aColumn()
              .withTitle("Another ward, another nurse manager who cannot say no")
              .withSlug("another-ward")
              .withDate(java.time.LocalDate.of(2026, 1, 5)) // not a neighbour of the nurse column
              .withIssue("A nurse manager burning out on a short-staffed ward")
              .withQuestion(
                  "I manage nurses on a surgical ward, short of staff, and cannot say no.")
              .build();
      fx.archive.write(sibling);
      index.update(fx.archive);
      SiteBuilder.Report added = builder.build(false);
      assertThat(added.full()).isFalse();
      assertThat(fx.read(nurse)).contains("Another ward");

      Files.delete(fx.archive.pathFor(sibling));
      index.update(fx.archive);
      builder.build(false);
      assertThat(fx.read(nurse)).doesNotContain("Another ward").doesNotContain("another-ward");
    }
  }

  /** Each file's inode: an atomic write replaces it, so a changed key means a rewrite. */
  private Map<String, Object> mtimes() throws IOException {
    Map<String, Object> keys = new java.util.HashMap<>();
    for (String f : fx.files()) {
      keys.put(
          f,
          Files.readAttributes(
                  fx.publicDir().resolve(f), java.nio.file.attribute.BasicFileAttributes.class)
              .fileKey());
    }
    return keys;
  }

  private Set<String> changedSince(Map<String, Object> before) throws IOException {
    Set<String> changed = new HashSet<>();
    mtimes()
        .forEach(
            (f, key) -> {
              if (!key.equals(before.get(f))) {
                changed.add(f);
              }
            });
    return changed;
  }

  private static Summary summary(String slug, String date, String title, String... tags) {
    return new Summary(
        title,
        date,
        null,
        slug,
        date.substring(0, 4) + "/" + date.substring(5, 7) + "/" + slug + "/",
        List.of(tags),
        List.of(),
        null,
        "An issue",
        "An excerpt of " + title,
        slug + ".md",
        100,
        1);
  }

  private static Summary touched(Summary s) {
    return retitled(s, s.title());
  }

  /** {@code s} under {@code title}, its file changed. */
  private static Summary retitled(Summary s, String title) {
    return new Summary(
        title,
        s.date(),
        s.corrected(),
        s.slug(),
        s.path(),
        s.tags(),
        s.aliases(),
        s.industry(),
        s.issue(),
        s.excerpt(),
        s.source(),
        s.size() + 1,
        s.modified() + 1);
  }
}
