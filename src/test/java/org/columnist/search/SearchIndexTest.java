package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.columnist.column.Columns.aColumn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.columnist.archive.Archive;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.Section;
import org.columnist.config.InstanceSkeleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  @TempDir Path dir;
  Archive archive;
  SearchIndex index;

  @BeforeEach
  void setUp() {
    InstanceSkeleton.copyTo(dir);
    archive = new Archive(dir.resolve("archive"));
    index = SearchIndex.open(dir.resolve("data/index"), SearchIndex.DEFAULT_SYNONYMS);
  }

  @AfterEach
  void tearDown() {
    index.close();
  }

  @Test
  void indexesIncrementallyBySlug() throws Exception {
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(3, 0, 0, 0));
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(0, 0, 0, 3));
    Path file = archive.root().resolve("2025/06/the-nurse-manager-who-cannot-say-no.md");
    Files.writeString(
        file,
        Files.readString(file).replace("Start by taking the crying", "Begin by taking the crying"));
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    archive.write(aColumn().withSlug("a-fourth-column").withDate(LocalDate.of(2026, 1, 5)).build());
    Files.delete(archive.root().resolve("2025/03/leading-the-team-you-used-to-be-part-of.md"));
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(1, 1, 1, 1));
    assertThat(index.search(SearchRequest.of("begin crying")).hits())
        .extracting(Hit::slug)
        .contains("the-nurse-manager-who-cannot-say-no");
    assertThat(index.search(SearchRequest.of("former peers")).hits())
        .extracting(Hit::slug)
        .doesNotContain("leading-the-team-you-used-to-be-part-of");
    assertThat(index.rebuild(archive)).isEqualTo(new SearchIndex.UpdateReport(3, 0, 0, 0));
  }

  @Test
  void whatAnIndexRemembersBetweenUpdatesIsWhatItHolds() throws Exception {
    index.update(archive);
    Path file = archive.root().resolve("2025/06/the-nurse-manager-who-cannot-say-no.md");
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    archive.write(aColumn().withSlug("a-fourth-column").withDate(LocalDate.of(2026, 1, 5)).build());
    assertThat(index.update(archive))
        .as("a new time with the same bytes is not indexed again")
        .isEqualTo(new SearchIndex.UpdateReport(1, 0, 0, 3));
    index.rebuild(archive);
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(0, 0, 0, 4));
    index.close();
    index = SearchIndex.open(dir.resolve("data/index"), SearchIndex.DEFAULT_SYNONYMS);
    assertThat(index.update(archive))
        .as("read from the index itself when opened again")
        .isEqualTo(new SearchIndex.UpdateReport(0, 0, 0, 4));
  }

  @Test
  void aPublicationIsSearchedAtOnceAndOnDiskJustAfterOrAtClose() throws Exception {
    index.update(archive);
    Path indexDir = dir.resolve("data/index");
    Column fourth =
        aColumn().withSlug("a-fourth-column").withDate(LocalDate.of(2026, 1, 5)).build();
    Path file = archive.write(fourth);
    index.update(archive, List.of(file));
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(4);
    // What another process reads: the last commit, made on the committer's thread.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> committedDocs(indexDir) == 4);
    Files.delete(file);
    index.update(archive, List.of(file));
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(3);
    index.close();
    assertThat(committedDocs(indexDir)).as("committed by close, if not before").isEqualTo(3);
    index = SearchIndex.open(indexDir, SearchIndex.DEFAULT_SYNONYMS);
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(0, 0, 0, 3));
  }

  private static int committedDocs(Path indexDir) throws java.io.IOException {
    try (var reader =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(indexDir))) {
      return reader.numDocs();
    }
  }

  @Test
  void rebuildsAnIndexWrittenByAnotherVersion() throws Exception {
    index.close();
    Path dirOfIndex = dir.resolve("data/index");
    try (var old =
        new org.apache.lucene.index.IndexWriter(
            org.apache.lucene.store.FSDirectory.open(dirOfIndex),
            new org.apache.lucene.index.IndexWriterConfig())) {
      var doc = new org.apache.lucene.document.Document();
      doc.add(
          new org.apache.lucene.document.StringField(
              "source",
              "2025/03/leading-the-team-you-used-to-be-part-of.md",
              org.apache.lucene.document.Field.Store.YES));
      old.addDocument(doc); // no schema in its commit, none of today's fields
      old.commit();
    }
    assertThatThrownBy(() -> SearchIndex.openForSearch(dirOfIndex, SearchIndex.DEFAULT_SYNONYMS))
        .hasMessageContaining("written by another version of columnist: run 'columnist index'");
    index = SearchIndex.open(dirOfIndex, SearchIndex.DEFAULT_SYNONYMS);
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(3, 0, 0, 0));
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(3);
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(0, 0, 0, 3));
    try (SearchIndex reader = SearchIndex.openForSearch(dirOfIndex, SearchIndex.DEFAULT_SYNONYMS)) {
      assertThat(reader.search(SearchRequest.of("")).total()).isEqualTo(3);
    }
  }

  @Test
  void aHitFoundOrRelatedShowsEachOfItsStoredFields() {
    index.update(archive);
    Hit expected =
        new Hit(
            "leading-the-team-you-used-to-be-part-of",
            "Leading the team you used to be part of",
            archive
                .read(archive.root().resolve("2025/03/leading-the-team-you-used-to-be-part-of.md"))
                .path(),
            "2025-03-10",
            "Managing former peers",
            List.of("new manager", "team conflict", "managing peers"),
            "");
    Hit found = index.search(SearchRequest.of("transitions")).hits().get(0);
    assertThat(found).usingRecursiveComparison().ignoringFields("snippet").isEqualTo(expected);
    assertThat(found.snippet()).contains("<mark>transitions</mark>");
    Hit opening =
        index.search(SearchRequest.of("")).hits().stream()
            .filter(h -> h.slug().equals(expected.slug()))
            .findFirst()
            .orElseThrow();
    assertThat(opening.snippet()).startsWith("Six months ago I was promoted");
  }

  @Test
  void findsBySynonymStemAndPhraseAndHighlights() {
    index.update(archive);
    Results boss = index.search(SearchRequest.of("my boss takes credit"));
    assertThat(boss.hits().get(0).slug()).isEqualTo("when-a-colleague-takes-credit-for-your-work");
    assertThat(boss.hits().get(0).snippet()).contains("<mark>");
    assertThat(index.search(SearchRequest.of("nurses burning")).hits().get(0).slug())
        .isEqualTo("the-nurse-manager-who-cannot-say-no");
    assertThat(index.search(SearchRequest.of("\"former peers\"")).hits())
        .extracting(Hit::slug)
        .containsExactly("leading-the-team-you-used-to-be-part-of");
    // The words are sought in the weighted field, and marked in the answer (not in the question);
    // a phrase where its words are one after the other.
    assertThat(index.search(SearchRequest.of("transitions")).hits().get(0).snippet())
        .contains("<mark>transitions</mark>");
    assertThat(index.search(SearchRequest.of("\"hardest transitions\"")).hits().get(0).snippet())
        .contains("<mark>hardest</mark> <mark>transitions</mark>");
    // A phrase found in the issue only marks no passage of the question or answer.
    assertThat(index.search(SearchRequest.of("\"former peers\"")).hits().get(0).snippet())
        .doesNotContain("<mark>");
    assertThat(index.search(SearchRequest.of("credit -analyst")).hits()).isEmpty();
    assertThat(index.search(SearchRequest.of("nurse OR peers")).hits())
        .extracting(Hit::slug)
        .contains("the-nurse-manager-who-cannot-say-no", "leading-the-team-you-used-to-be-part-of");
    assertThat(index.search(SearchRequest.of("nurse")).hits())
        .extracting(Hit::slug)
        .doesNotContain("leading-the-team-you-used-to-be-part-of");
  }

  @Test
  void correctsMisspelledWordsAndSaysSo() {
    index.update(archive);
    Results results = index.search(SearchRequest.of("nursse"));
    assertThat(results.shownFor()).matches("nurses?");
    assertThat(results.hits())
        .extracting(Hit::slug)
        .contains("the-nurse-manager-who-cannot-say-no");
  }

  @Test
  void filtersAndCountsFacets() {
    index.update(archive);
    Results all = index.search(SearchRequest.of(""));
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.hits().get(0).date()).isEqualTo("2025-10-06");
    assertThat(all.facets().get("industry"))
        .extracting(Results.FacetCount::value)
        .containsExactlyInAnyOrder("Software", "Health care", "Insurance");
    assertThat(all.facets().get("year")).containsExactly(new Results.FacetCount("2025", 3));
    assertThat(index.search(new SearchRequest("", "burnout", null, null, false, 1)).hits())
        .extracting(Hit::slug)
        .containsExactly("the-nurse-manager-who-cannot-say-no");
    assertThat(index.search(new SearchRequest("", null, "software", null, false, 1)).total())
        .isEqualTo(1);
    assertThat(index.search(new SearchRequest("", null, null, 2019, false, 1)).total()).isZero();
  }

  @Test
  void facetCountsAreExactOverSegmentsAndUpdatedColumns() {
    Map<String, Column> columns = new TreeMap<>();
    for (int i = 0; i < 120; i++) {
      columns.put("c" + i, facetColumn(i, "t" + i % 23, "u" + i % 2));
      if (i % 30 == 29) {
        columns.values().forEach(archive::write);
        index.update(archive); // a commit, a segment
      }
    }
    for (int i = 0; i < 120; i += 12) {
      columns.put("c" + i, facetColumn(i, "renamed"));
      archive.write(columns.get("c" + i));
    }
    index.update(archive); // leaves deleted documents in the older segments
    archive.entries().stream()
        .filter(e -> !e.file().getFileName().toString().startsWith("c"))
        .forEach(e -> delete(e.file()));
    index.update(archive);

    assertThat(index.search(SearchRequest.of("")).facets())
        .isEqualTo(expectedFacets(columns.values()));
    assertThat(index.search(SearchRequest.of("zebras")).facets())
        .isEqualTo(
            expectedFacets(
                columns.values().stream()
                    .filter(c -> c.section(Section.ANSWER).contains("zebras"))
                    .toList()));
    Results renamed = index.search(new SearchRequest("", "renamed", null, null, false, 1));
    assertThat(renamed.total()).isEqualTo(10);
    assertThat(renamed.facets().get("tags")).containsExactly(new Results.FacetCount("renamed", 10));
  }

  private static Column facetColumn(int i, String... tags) {
    return aColumn()
        .withSlug("c" + i)
        .withDate(LocalDate.of(1990 + i % 30, 1 + i % 12, 1))
        .withTags(tags)
        .withClient(analyst(i))
        .withAnswer(i % 4 == 0 ? "A word about zebras." : "A word about giraffes.")
        .build();
  }

  /** An analyst in one of three industries, by {@code i}. */
  private static ClientProfile analyst(int i) {
    return new ClientProfile(
        "Sam", 30, "Analyst", 2, 1, List.of("Banking", "Retail", "Media").get(i % 3), "Pay");
  }

  /** At most 20 topics and industries, most frequent first; at most 50 years, newest first. */
  private static Map<String, List<Results.FacetCount>> expectedFacets(Collection<Column> columns) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (Column c : columns) {
      c.tags()
          .forEach(
              t -> counts.computeIfAbsent("tags", k -> new TreeMap<>()).merge(t, 1, Integer::sum));
      counts
          .computeIfAbsent("industry", k -> new TreeMap<>())
          .merge(c.client().industry(), 1, Integer::sum);
      counts
          .computeIfAbsent("year", k -> new TreeMap<>())
          .merge(String.valueOf(c.date().getYear()), 1, Integer::sum);
    }
    Map<String, List<Results.FacetCount>> expected = new LinkedHashMap<>();
    for (String dim : List.of("tags", "industry", "year")) {
      List<Results.FacetCount> values =
          counts.getOrDefault(dim, Map.of()).entrySet().stream()
              .map(e -> new Results.FacetCount(e.getKey(), e.getValue()))
              .sorted(Comparator.comparing(Results.FacetCount::count).reversed())
              .limit(dim.equals("year") ? 50 : 20)
              .sorted(
                  dim.equals("year")
                      ? Comparator.comparing(Results.FacetCount::value).reversed()
                      : Comparator.comparing(Results.FacetCount::count).reversed())
              .toList();
      expected.put(dim, values);
    }
    return expected;
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void neverFailsOnBadQueries() {
    index.update(archive);
    List<String> bad =
        List.of(
            "\"unbalanced",
            "*:*",
            "((((",
            "-",
            "| | |",
            "AND OR NOT",
            "x".repeat(10_000),
            "boss \u0000\u0007\u001b[31m",
            "title:boss^9~2",
            "\\",
            "\"\"",
            "word ".repeat(2000),
            "日本語 クライアント",
            "<script>alert(1)</script>",
            "%00%ff",
            "a+b-c|d\"e*f~g(h)i");
    for (String q : bad) {
      Results r = index.search(SearchRequest.of(q));
      // The sample archive holds three columns, all on the first page.
      assertThat(r.total()).as(q).isBetween(0L, 3L);
      assertThat(r.hits()).as(q).hasSize((int) r.total());
      if (!q.matches("(?s).*[\\p{L}\\p{N}].*")) {
        assertThat(r.total()).as("syntax alone finds nothing: " + q).isZero();
      }
      assertThat(r.query().length()).isLessThanOrEqualTo(SearchRequest.MAX_QUERY);
    }
    assertThat(index.search(SearchRequest.of("<script>")).hits())
        .allSatisfy(h -> assertThat(h.snippet()).doesNotContain("<script"));
  }

  @Test
  void listsRelatedColumnsNearestFirstButNotItself() throws Exception {
    Path nurse = archive.root().resolve("2025/06/the-nurse-manager-who-cannot-say-no.md");
    String twin =
        Files.readString(nurse)
            .replace("slug: the-nurse-manager-who-cannot-say-no", "slug: another-ward-another-gap")
            .replace(
                "title: The nurse manager who cannot say no", "title: Another ward, another gap")
            .replace("date: 2025-06-16", "date: 2025-06-23");
    Files.writeString(archive.root().resolve("2025/06/another-ward-another-gap.md"), twin);
    index.update(archive);
    List<Hit> related = index.related("the-nurse-manager-who-cannot-say-no", 4);
    assertThat(related)
        .extracting(Hit::slug)
        .doesNotContain("the-nurse-manager-who-cannot-say-no")
        .first()
        .isEqualTo("another-ward-another-gap");
    assertThat(index.related("no-such-column", 4)).isEmpty();
  }

  @Test
  void searchesGoOnWhileTheIndexIsUpdated() throws Exception {
    index.update(archive);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> searchers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      searchers.add(
          pool.submit(
              () -> {
                int n = 0;
                while (!stop.get()) {
                  assertThat(index.search(SearchRequest.of("credit")).total())
                      .isGreaterThanOrEqualTo(1);
                  n++;
                }
                return n;
              }));
    }
    for (int i = 0; i < 20; i++) {
      archive.write(
          aColumn().withSlug("extra-" + i).withDate(LocalDate.of(2023, 1, 1 + i)).build());
      index.update(archive);
    }
    stop.set(true);
    int searches = 0;
    for (Future<Integer> f : searchers) {
      searches += f.get();
    }
    pool.shutdown();
    assertThat(searches).isGreaterThan(20);
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(23);
  }

  @Test
  void aRebuildOnEveryCoreFindsWhatAnIncrementalIndexFinds() {
    for (int i = 0; i < 90; i++) {
      archive.write(variedColumn(i));
      if (i % 25 == 24) {
        index.update(archive); // several commits and segments, in the archive's order
      }
    }
    index.update(archive);
    List<SearchRequest> requests = new ArrayList<>();
    requests.add(SearchRequest.of(""));
    for (String q :
        List.of("w7", "w13 OR w41", "manager", "\"about w3\"", "crying", "banking", "nursse")) {
      requests.add(SearchRequest.of(q));
    }
    requests.add(new SearchRequest("", "t4", null, null, false, 1));
    requests.add(new SearchRequest("", null, "retail", 1995, false, 2));
    try (SearchIndex rebuilt =
        SearchIndex.open(dir.resolve("data/rebuilt"), SearchIndex.DEFAULT_SYNONYMS)) {
      assertThat(rebuilt.rebuild(archive)).isEqualTo(new SearchIndex.UpdateReport(93, 0, 0, 0));
      for (SearchRequest r : requests) {
        Results incremental = index.search(r);
        Results anew = rebuilt.search(r);
        assertThat(anew.total()).as(r.toString()).isEqualTo(incremental.total());
        assertThat(anew.facets()).as(r.toString()).isEqualTo(incremental.facets());
        assertThat(anew.shownFor()).as(r.toString()).isEqualTo(incremental.shownFor());
        // Equal scores may come in either order: the same hits, snippets and all, when they all
        // fit on the page (past it, which of equals make the page is the order's).
        if (incremental.total() <= SearchRequest.PAGE_SIZE) {
          assertThat(anew.hits()).as(r.toString()).hasSameElementsAs(incremental.hits());
        } else {
          assertThat(anew.hits()).as(r.toString()).hasSameSizeAs(incremental.hits());
        }
      }
      assertThat(rebuilt.search(SearchRequest.of("")).hits())
          .isEqualTo(index.search(SearchRequest.of("")).hits()); // newest first, dates distinct
    }
  }

  /** Columns whose words differ in number, so that most queries rank without ties. */
  private static Column variedColumn(int i) {
    return aColumn()
        .withSlug("v" + i)
        .withTitle("Column w" + i + " about w" + (i % 7))
        .withDate(LocalDate.of(1990 + i % 30, 1 + i % 12, 1 + i % 28))
        .withTags("t" + i % 5, "t" + i % 3)
        .withClient(analyst(i))
        .withQuestion(("My manager's w" + i + " crying. ").repeat(1 + i % 4))
        .withAnswer(("A word about w" + (i % 11) + " and w" + i + ". ").repeat(1 + i % 6))
        .build();
  }

  @Test
  void tellsProgressOfEachColumnRebuilt() {
    List<String> told = new ArrayList<>();
    java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
    index.rebuild(
        archive,
        new org.columnist.Progress() {
          @Override
          public void started(String task, String unit, long total) {
            told.add(task + ": " + total + " " + unit);
          }

          @Override
          public void advanced(long n) {
            steps.addAndGet(n);
          }

          @Override
          public void finished() {
            told.add("finished after " + steps.get());
          }
        });
    assertThat(told).containsExactly("Rebuilding the search index: 3 columns", "finished after 3");
  }

  @Test
  void aRebuildThatFailsHalfWayLeavesTheLastCommit() {
    index.update(archive);
    for (int i = 0; i < 40; i++) {
      archive.write(
          aColumn().withSlug("later-" + i).withDate(LocalDate.of(2030, 1, 1 + i % 28)).build());
    }
    assertThatThrownBy(() -> index.rebuild(archive, stopping(false)))
        .hasMessageContaining("stopped half-way");
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(3);
    index.close();
    index = SearchIndex.open(dir.resolve("data/index"), SearchIndex.DEFAULT_SYNONYMS);
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(3);
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(40, 0, 0, 3));
  }

  @Test
  void anUpdateAfterAFailedRebuildByTheSameWriterIndexesEverything() {
    index.update(archive);
    archive.write(aColumn().withSlug("later").withDate(LocalDate.of(2030, 1, 1)).build());
    assertThatThrownBy(() -> index.rebuild(archive, stopping(true)))
        .hasMessageContaining("stopped half-way");
    // The writer holds the rebuild's uncommitted deleteAll: an incremental update over it would
    // commit an index of the one new column.
    assertThat(index.update(archive)).isEqualTo(new SearchIndex.UpdateReport(4, 0, 0, 0));
    assertThat(index.search(SearchRequest.of("")).total()).isEqualTo(4);
  }

  /** Progress that stops the work: as it starts, or once a column is in the writer. */
  private static org.columnist.Progress stopping(boolean atStart) {
    return new org.columnist.Progress() {
      @Override
      public void started(String task, String unit, long total) {
        if (atStart) {
          throw new IllegalStateException("stopped half-way");
        }
      }

      @Override
      public void advanced(long n) {
        throw new IllegalStateException("stopped half-way");
      }

      @Override
      public void finished() {}
    };
  }
}
