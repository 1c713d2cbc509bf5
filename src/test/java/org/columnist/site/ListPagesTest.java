package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout of list pages: numbered from the oldest, so that a new column changes few pages. */
class ListPagesTest {
  private static final LocalDate FIRST = LocalDate.of(2020, 1, 6);
  private static final IncrementalPlan NO_INDEX = new IncrementalPlan(slug -> List.of(), false);

  @TempDir Path dir;

  @Test
  void numberedPagesHoldFixedSlicesFromTheOldestAndTheFrontTheRest() {
    Map<Integer, List<String>> seen = new HashMap<>();
    for (int size = 1; size <= 65; size++) {
      Catalog.Listing home = new Catalog(weekly(size)).home();
      int numbered = home.numbered();
      assertThat(numbered).isEqualTo(size < 20 ? 0 : size / 10 - 1);
      assertThat(home.page(0))
          .as("the front shows the newest, %d of %d", home.page(0).size(), size)
          .hasSize(size < 20 ? size : 10 + size % 10)
          .startsWith(home.items().get(0));
      List<String> everyPage = new ArrayList<>();
      for (int n :
          IntStream.concat(IntStream.of(0), IntStream.iterate(numbered, n -> n > 0, n -> n - 1))
              .toArray()) {
        List<String> slugs = home.page(n).stream().map(Summary::slug).toList();
        everyPage.addAll(slugs);
        if (n > 0) {
          assertThat(slugs).hasSize(10);
          List<String> before = seen.putIfAbsent(n, slugs);
          assertThat(before == null ? slugs : before)
              .as("page %d once made never changes", n)
              .isEqualTo(slugs);
        }
      }
      assertThat(everyPage)
          .as("every column on one page, newest first")
          .isEqualTo(home.items().stream().map(Summary::slug).toList());
    }
    assertThat(seen.get(1)).as("page 1 is the ten oldest").endsWith("c0").startsWith("c9");
  }

  @Test
  void aNewColumnPlansTheFrontsItJoinsAndNoNumberedPageUntilItFillsASlice() {
    Summary fresh = summary(345);

    Set<String> lists = listPages(plannedForOneMore(345));

    assertThat(lists)
        .containsExactlyInAnyOrder(
            "index.html",
            year(fresh) + "/index.html",
            fresh.path().replaceAll("[^/]+/$", "") + "index.html",
            "topics/" + topic(345) + "/index.html");
  }

  @Test
  void aColumnThatFillsASliceAlsoPlansTheNewPageAndTheOneBefore() {
    assertThat(new Catalog(weekly(350)).home().numbered()).isEqualTo(34);

    Set<String> planned = plannedForOneMore(349);

    assertThat(listPages(planned)).filteredOn(p -> !p.contains("/")).containsExactly("index.html");
    assertThat(listPages(planned))
        .filteredOn(p -> p.startsWith("page/"))
        .containsExactlyInAnyOrder("page/34/index.html", "page/33/index.html");
    assertThat(planned.size())
        .as("bounded whatever the archive's size: %s", planned)
        .isLessThan(20);
  }

  @Test
  void aRemovedColumnShiftsOnlyThePagesNewerThanIt() {
    List<Summary> columns = weekly(345);
    Catalog before = new Catalog(columns);
    Summary gone = columns.get(300);
    List<Summary> rest = new ArrayList<>(columns);
    rest.remove(gone);
    Catalog now = new Catalog(rest);

    Set<String> home =
        listPages(NO_INDEX.pages(now, before, Set.of(gone.source()), Pages.all(now))).stream()
            .filter(p -> !p.contains("/") || p.startsWith("page/"))
            .collect(java.util.stream.Collectors.toSet());

    assertThat(home)
        .as("c300 was on page 31; pages 1 to 30 stay")
        .containsExactlyInAnyOrder(
            "index.html", "page/31/index.html", "page/32/index.html", "page/33/index.html");
  }

  @Test
  void pagesLinkNewerTowardsTheFrontAndOlderTowardsPageOne() throws IOException {
    SiteFixture fx = new SiteFixture(dir);
    writeWeekly(fx, 40); // with the three samples, 43: pages 1 to 3 and a front of 13
    fx.builder().build(false);

    Document front = page(fx, "index.html");
    assertThat(front.select("ol.columns > li")).hasSize(13);
    assertThat(front.select("h1").text()).isEqualTo("Latest columns");
    assertThat(front.select(".pager a[rel=next]").attr("href")).isEqualTo("/page/3/");
    assertThat(front.select(".pager a[rel=prev]")).isEmpty();
    assertThat(front.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://column.example/");

    Document newest = page(fx, "page/3/index.html");
    assertThat(newest.select("h1").text()).isEqualTo("Earlier columns (page 3)");
    assertThat(newest.select(".pager a[rel=prev]").attr("href")).isEqualTo("/");
    assertThat(newest.select(".pager a[rel=next]").attr("href")).isEqualTo("/page/2/");
    assertThat(newest.select(".pager span").text()).isEqualTo("Page 3");
    assertThat(newest.select("link[rel=canonical]").attr("href"))
        .as("each page is its own: no column is on two")
        .isEqualTo("https://column.example/page/3/");

    Document oldest = page(fx, "page/1/index.html");
    assertThat(oldest.select(".pager a[rel=prev]").attr("href")).isEqualTo("/page/2/");
    assertThat(oldest.select(".pager a[rel=next]")).isEmpty();
    assertThat(oldest.select("ol.columns h2").eachText())
        .as("the ten oldest, newest first: seven and the samples of 2025")
        .startsWith("Column 6")
        .endsWith("Leading the team you used to be part of");

    assertThat(fx.files()).doesNotContain("page/4/index.html");
    assertThat(fx.read("sitemap.xml"))
        .as("the sitemap lists the columns, which are what a list page shows")
        .doesNotContain("/page/");

    Document yearPage = page(fx, "2026/page/1/index.html");
    assertThat(yearPage.select("title").text()).startsWith("Columns from 2026, page 1");
  }

  @Test
  void aNewColumnInAnArchiveOfHundredsWritesNoNumberedPage() {
    SiteFixture fx = new SiteFixture(dir);
    writeWeekly(fx, 300); // 303 columns: the front shows 13
    fx.builder().build(false);
    Map<String, String> before = contents(fx);

    fx.archive.write(column(300));
    SiteBuilder.Report report = fx.builder().build(false);

    Set<String> written = changedSince(fx, before);
    assertThat(report.full()).isFalse();
    assertThat(written)
        .as("the home list's numbered pages stay; its year's fills a slice")
        .noneMatch(p -> p.startsWith("page/"))
        .contains("2031/page/3/index.html", "2031/page/2/index.html");
    assertThat(written)
        .contains("index.html", "feed.xml", "sitemap.xml", "topics/topic-0/index.html")
        .hasSize(report.written());
    assertThat(report.written()).as("%s", written).isLessThan(20);
    assertThat(Jsoup.parse(fx.read("index.html")).select("ol.columns h2").first().text())
        .isEqualTo("Column 300");
  }

  private static Set<String> listPages(Set<String> planned) {
    Set<String> lists = new HashSet<>();
    for (String p : planned) {
      if (p.endsWith("index.html")
          && !p.matches("\\d{4}/\\d{2}/[^/]+/index\\.html")
          && !p.matches("(archive|topics|industries)/index\\.html")) {
        lists.add(p);
      }
    }
    return lists;
  }

  /** The pages planned when a column joins {@code count} at the newest end. */
  private static Set<String> plannedForOneMore(int count) {
    Catalog now = new Catalog(weekly(count + 1));
    return NO_INDEX.pages(
        now, new Catalog(weekly(count)), Set.of(summary(count).source()), Pages.all(now));
  }

  /** {@code count} columns a week apart from {@link #FIRST}, {@code c0} the oldest. */
  private static List<Summary> weekly(int count) {
    return IntStream.range(0, count).mapToObj(ListPagesTest::summary).toList();
  }

  private static Summary summary(int i) {
    LocalDate date = FIRST.plusWeeks(i);
    String slug = "c" + i;
    return new Summary(
        "Column " + i,
        date.toString(),
        null,
        slug,
        String.format("%d/%02d/%s/", date.getYear(), date.getMonthValue(), slug),
        List.of("topic " + i % 3),
        List.of(),
        null,
        "An issue",
        "An excerpt",
        slug + ".md",
        100,
        1);
  }

  private static String year(Summary s) {
    return s.date().substring(0, 4);
  }

  private static String topic(int i) {
    return "topic-" + i % 3;
  }

  private static void writeWeekly(SiteFixture fx, int count) {
    for (int i = 0; i < count; i++) {
      fx.archive.write(column(i));
    }
  }

  /** Column {@code i}, a week after column {@code i - 1}; all after the samples of 2025. */
  private static org.columnist.column.Column column(int i) {
    return aColumn()
        .withTitle("Column " + i)
        .withSlug("column-" + i)
        .withDate(LocalDate.of(2026, 1, 5).plusWeeks(i))
        .withTags("topic " + i % 3)
        .build();
  }

  private static Document page(SiteFixture fx, String path) {
    return Jsoup.parse(fx.read(path));
  }

  /** Each file's bytes, as text: the build writes a page only when its bytes change. */
  private static Map<String, String> contents(SiteFixture fx) {
    Map<String, String> texts = new HashMap<>();
    fx.files().forEach(f -> texts.put(f, fx.read(f)));
    return texts;
  }

  private static Set<String> changedSince(SiteFixture fx, Map<String, String> before) {
    Set<String> changed = new HashSet<>();
    contents(fx)
        .forEach(
            (f, text) -> {
              if (!text.equals(before.get(f))) {
                changed.add(f);
              }
            });
    return changed;
  }
}
