package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.columnist.Problem;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedirectPagesTest {
  private static final String LEADING = "2025/03/leading-the-team-you-used-to-be-part-of.md";
  private static final String LEADING_PAGE = "/2025/03/leading-the-team-you-used-to-be-part-of/";
  private static final String NURSE = "2025/06/the-nurse-manager-who-cannot-say-no.md";

  @TempDir Path dir;
  SiteFixture fx;

  @BeforeEach
  void setUp() {
    fx = new SiteFixture(dir);
  }

  private void alias(String source, String... aliases) throws IOException {
    Path file = fx.archive.root().resolve(source);
    Column column = fx.archive.read(file).withAliases(List.of(aliases));
    Files.writeString(file, ColumnCodec.write(column));
  }

  @Test
  void writesARedirectAtEachFormOfOldAddress() throws IOException {
    alias(
        LEADING,
        "/columns/2008/04/caught.html",
        "/old/caught.htm",
        "/blog/caught/",
        "/blog/caught-between",
        "/cgi/column.php");
    fx.builder().build(false);
    assertThat(fx.files())
        .contains(
            "columns/2008/04/caught.html",
            "old/caught.htm",
            "blog/caught/index.html",
            "blog/caught-between/index.html",
            "cgi/column.php");
    for (String page : List.of("columns/2008/04/caught.html", "cgi/column.php")) {
      assertThat(SiteBuilderTest.mode(fx.publicDir().resolve(page))).isEqualTo("rw-r--r--");
    }
  }

  @Test
  void theRedirectSendsBrowsersOnAndTellsSearchEnginesTheColumnsAddress() throws IOException {
    alias(LEADING, "/columns/caught.html");
    fx.builder().build(false);
    Document page = Jsoup.parse(fx.read("columns/caught.html"));
    assertThat(page.select("meta[http-equiv=refresh]").attr("content"))
        .isEqualTo("0; url=" + LEADING_PAGE);
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://column.example" + LEADING_PAGE);
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(page.select("a").attr("href")).isEqualTo(LEADING_PAGE);
    assertThat(page.select("a").text()).isEqualTo("Leading the team you used to be part of");
    assertThat(page.title()).contains("Coach's Corner");
  }

  @Test
  void escapesTheTitleOnTheRedirect() throws IOException {
    alias(LEADING, "/caught.html");
    Path file = fx.archive.root().resolve(LEADING);
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "title: Leading the team you used to be part of",
                "title: \"Boss & me <3 \\\"><b onclick=\\\"x\""));
    fx.builder().build(false);
    String html = fx.read("caught.html");
    assertThat(html).doesNotContain("<b onclick").doesNotContain("\" onclick");
    assertThat(Jsoup.parse(html).select("a").text()).isEqualTo("Boss & me <3 \"><b onclick=\"x");
  }

  @Test
  void listsEveryAliasSortedInRedirectsAndNowhereElse() throws IOException {
    alias(LEADING, "/z/caught.html", "/blog/caught/");
    alias(NURSE, "/m/nurse.php");
    fx.builder().build(false);
    assertThat(fx.read("_redirects"))
        .isEqualTo(
            "/blog/caught/ "
                + LEADING_PAGE
                + " 301\n"
                + "/m/nurse.php /2025/06/the-nurse-manager-who-cannot-say-no/ 301\n"
                + "/z/caught.html "
                + LEADING_PAGE
                + " 301\n");
    for (String page : List.of("sitemap.xml", "feed.xml", "index.html", "archive/index.html")) {
      assertThat(fx.read(page)).as(page).doesNotContain("caught").doesNotContain("nurse.php");
    }
  }

  @Test
  void anIncrementalBuildWritesAndRemovesOnlyTheRedirectsAnEditTouches() throws IOException {
    alias(LEADING, "/a.html", "/b/");
    fx.builder().build(false);
    Path redirects = fx.publicDir().resolve("_redirects");
    long before = Files.getLastModifiedTime(redirects).toMillis();

    alias(LEADING, "/a.html", "/c.html");
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.full()).isFalse();
    assertThat(fx.files()).contains("a.html", "c.html").doesNotContain("b/index.html", "b");
    assertThat(report.removed()).isEqualTo(1);
    assertThat(fx.read("_redirects")).contains("/c.html").doesNotContain("/b/");

    Files.setLastModifiedTime(redirects, java.nio.file.attribute.FileTime.fromMillis(before));
    Path other = fx.archive.root().resolve(NURSE);
    Files.writeString(other, Files.readString(other).replace("Question", "Question") + "\n");
    fx.builder().build(false);
    assertThat(Files.getLastModifiedTime(redirects).toMillis())
        .as("_redirects is rewritten only when it changes")
        .isEqualTo(before);

    alias(LEADING);
    fx.builder().build(false);
    assertThat(fx.files()).doesNotContain("a.html", "c.html");
    assertThat(fx.read("_redirects")).isEmpty();
  }

  @Test
  void aRemovedAliasLeavesAFileTheBuildDidNotWriteAlone() throws IOException {
    Files.createDirectories(fx.publicDir());
    Files.writeString(fx.publicDir().resolve("coach.html"), "the coach's own page");
    alias(LEADING, "/a.html");
    fx.builder().build(false);
    alias(LEADING);
    fx.builder().build(false);
    assertThat(fx.read("coach.html")).isEqualTo("the coach's own page");
    assertThat(fx.files()).doesNotContain("a.html");
  }

  @Test
  void neverPutsARedirectInPlaceOfAPageTheBuildMakes() throws IOException {
    alias(
        LEADING,
        "/index.html",
        "/2025/06/the-nurse-manager-who-cannot-say-no/",
        "/style.css",
        "/feed.xml/",
        "/topics",
        "/search/old.html",
        "/_redirects",
        "/.htaccess");
    alias(NURSE, "/shared.html");
    alias("2025/10/when-a-colleague-takes-credit-for-your-work.md", "/shared.html");
    fx.builder().build(false);
    Document nurse = Jsoup.parse(fx.read("2025/06/the-nurse-manager-who-cannot-say-no/index.html"));
    assertThat(nurse.select("meta[http-equiv=refresh]")).isEmpty();
    assertThat(fx.read("index.html")).doesNotContain("http-equiv=\"refresh\"");
    assertThat(fx.read("topics/index.html")).doesNotContain("http-equiv=\"refresh\"");
    assertThat(fx.files()).doesNotContain("search/old.html", ".htaccess", "feed.xml/index.html");
    assertThat(fx.read("_redirects"))
        .isEqualTo("/shared.html /2025/10/when-a-colleague-takes-credit-for-your-work/ 301\n");
  }

  @Test
  void checkReportsEveryAliasTheBuildWouldNotWriteTheNewestColumnKeepingAShared()
      throws IOException {
    alias(LEADING, "/ok.html", "/index.html", "/2025/06/the-nurse-manager-who-cannot-say-no");
    alias(NURSE, "/ok.html", "/style.css/x.html", "/api/x", "/ask/confirm");
    List<String> problems =
        Aliases.problems(fx.archive).stream()
            .map(p -> p.format(fx.archive.root().relativize(p.file())))
            .toList();
    assertThat(problems)
        .containsExactlyInAnyOrder(
            LEADING + ":14: alias '/index.html' is already the site's page /index.html",
            LEADING
                + ":14: alias '/2025/06/the-nurse-manager-who-cannot-say-no' is already the"
                + " address of "
                + NURSE,
            LEADING + ":14: alias '/ok.html' is already an alias of " + NURSE,
            NURSE
                + ":14: alias '/style.css/x.html' needs a folder where there is the site's page"
                + " /style.css",
            NURSE + ":14: alias '/api/x' is an address the public server answers itself (/api)",
            NURSE
                + ":14: alias '/ask/confirm' is an address the public server answers itself"
                + " (/ask)");
  }

  @Test
  void checkFindsNothingWrongWithAliasesThatHaveRoom() throws IOException {
    alias(LEADING, "/columns/caught.html");
    List<Problem> problems = Aliases.problems(fx.archive);
    assertThat(problems).isEmpty();
  }

  @Test
  void neverWritesOutsidePublicWhateverTheAliasOrALinkInside() throws IOException {
    Path publicDir = fx.publicDir().toAbsolutePath().normalize();
    assertThat(RedirectPage.inside(publicDir, RedirectPage.file("/../../etc/x.html"))).isFalse();
    assertThat(RedirectPage.inside(publicDir, RedirectPage.file("/a/../../x/"))).isFalse();
    assertThat(RedirectPage.inside(publicDir, RedirectPage.file("/a/ok.html"))).isTrue();

    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(publicDir);
    Files.createSymbolicLink(publicDir.resolve("old"), outside);
    alias(LEADING, "/old/caught.html", "/fine.html");
    fx.builder().build(false);
    assertThat(outside.resolve("caught.html")).doesNotExist();
    assertThat(fx.files()).contains("fine.html");
  }
}
