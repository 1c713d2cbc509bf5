package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.columnist.ColumnistException;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.columnist.column.Columns;
import org.columnist.config.Templates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {
  private static final String COLUMN = "2025/03/leading-the-team-you-used-to-be-part-of/index.html";
  private static final String SOURCE = "2025/03/leading-the-team-you-used-to-be-part-of.md";

  @TempDir Path dir;
  SiteFixture fx;

  @BeforeEach
  void setUp() {
    fx = new SiteFixture(dir);
  }

  @Test
  void rendersEveryKindOfPage() {
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.full()).isTrue();
    assertThat(report.columns()).isEqualTo(3);
    assertThat(fx.files())
        .contains(
            "index.html",
            COLUMN,
            "2025/index.html",
            "2025/03/index.html",
            "topics/index.html",
            "topics/burnout/index.html",
            "topics/burnout/feed.xml",
            "industries/index.html",
            "industries/software/index.html",
            "archive/index.html",
            "about/index.html",
            "ask/index.html",
            "404.html",
            "feed.xml",
            "sitemap.xml",
            "robots.txt",
            "style.css");
    Document page = Jsoup.parse(fx.read(COLUMN));
    assertThat(page.select("h1").text()).isEqualTo("Leading the team you used to be part of");
    assertThat(page.select("section.profile dd").eachText())
        .contains("Daniel", "34", "Engineering manager", "Software", "Managing former peers");
    assertThat(page.select("section.part h2").eachText())
        .containsExactly("Question", "Answer", "The inner game", "The outer game", "The last word");
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://column.example/2025/03/leading-the-team-you-used-to-be-part-of/");
    assertThat(page.select("meta[property=og:title]").attr("content"))
        .isEqualTo("Leading the team you used to be part of");
    assertThat(page.select("script[type=application/ld+json]").html())
        .contains("\"@type\":\"Article\"")
        .contains("\"datePublished\":\"2025-03-10\"")
        .as("in the same order in every build, so that an unchanged page is not written again")
        .contains("\"author\":{\"@type\":\"Person\",\"name\":\"Pat Example\"}")
        .contains(
            "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Coach's Corner\","
                + "\"url\":\"https://column.example/\"}");
    assertThat(page.select(".ask-box").text()).contains("ask@column.example").contains("subscribe");
    assertThat(page.select("a[rel=prev]").text()).startsWith("Newer: The nurse manager");
    assertThat(fx.read("robots.txt")).contains("Sitemap: https://column.example/sitemap.xml");
  }

  @Test
  void theHomeEveryColumnAndTheAskPageHaveASubscribeFormWithAHiddenHoneypot() {
    fx.builder().build(false);
    for (String page : List.of("index.html", COLUMN, "ask/index.html")) {
      Document doc = Jsoup.parse(fx.read(page));
      Element form = doc.selectFirst("form.subscribe");
      assertThat(form).as(page).isNotNull();
      assertThat(form.attr("action")).isEqualTo("/subscribe");
      assertThat(form.attr("method")).isEqualTo("post");
      assertThat(form.select("label[for=subscribe-email]").text()).isNotBlank();
      assertThat(form.select("input#subscribe-email").attr("name")).isEqualTo("email");
      assertThat(form.select("button[type=submit]").text()).isEqualTo("Subscribe");
      Element honeypot = form.selectFirst("input[name=website]");
      assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
      assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
      assertThat(honeypot.parent().attr("aria-hidden")).isEqualTo("true");
      assertThat(honeypot.parent().hasClass("hp")).isTrue();
    }
    assertThat(fx.read("style.css"))
        .contains(".subscribe .hp { position: absolute; left: -10000px");
  }

  @Test
  void everyInternalLinkResolves() throws IOException {
    fx.builder().build(false);
    List<String> broken = new ArrayList<>();
    Set<String> checked = new HashSet<>();
    for (String file : fx.files()) {
      if (!file.endsWith(".html")) {
        continue;
      }
      Document doc =
          Jsoup.parse(
              fx.publicDir().resolve(file).toFile(), "UTF-8", "https://column.example/" + file);
      for (Element link : doc.select("a[href], link[href], script[src], img[src]")) {
        String url = link.hasAttr("href") ? link.absUrl("href") : link.absUrl("src");
        if (!url.startsWith("https://column.example/") || !checked.add(url)) {
          continue;
        }
        String path = URI.create(url).getPath().substring(1);
        Path target =
            fx.publicDir()
                .resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
        if (!Files.isRegularFile(target)) {
          broken.add(file + " -> " + url);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(30);
    assertThat(broken).isEmpty();
  }

  @Test
  void showsImagesFromOtherHostsOnlyAsLinksUnlessTheSiteAllowsThem() throws IOException {
    String images =
        "![chart](/images/chart.png) ![own](https://column.example/images/own.png)"
            + " ![pixel](https://tracker.example/p.gif) ![](//tracker.example/q.gif)"
            + " [![badge](http://tracker.example/b.png)](https://column.example/about/) You are in";
    Path file = fx.archive.root().resolve(SOURCE);
    Files.writeString(
        file, Files.readString(file).replace("You are in one of the hardest", images + " one of"));
    fx.builder().build(false);
    Document page = Jsoup.parse(fx.read(COLUMN));
    assertThat(page.select("img").eachAttr("src"))
        .containsExactly("/images/chart.png", "https://column.example/images/own.png");
    assertThat(page.select("a[href=https://tracker.example/p.gif]").text()).isEqualTo("pixel");
    assertThat(page.select("a[href=//tracker.example/q.gif]").text())
        .isEqualTo("//tracker.example/q.gif");
    assertThat(page.select("a[href=https://column.example/about/]").text()).isEqualTo("badge");
    assertThat(Jsoup.parse(fx.read("feed.xml")).select("content").text())
        .doesNotContain("<img src=\"https://tracker.example");

    Path config = fx.dir.resolve("config/columnist.yml");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("  language: en\n", "  language: en\n  remote_images: true\n"));
    SiteBuilder.Report report = new SiteFixture(fx.dir, true).builder().build(false);
    assertThat(report.full()).isTrue();
    assertThat(Jsoup.parse(fx.read(COLUMN)).select("img").eachAttr("src"))
        .contains("https://tracker.example/p.gif", "//tracker.example/q.gif");
  }

  @Test
  void aQuestionParsedOnceGivesTheSameExcerptAndHtmlAsParsedForEach() throws IOException {
    // The build parses a column's question once for its excerpt and its HTML, and the HTML turns
    // remote images into links in the parsed document: the excerpt must come from it unchanged.
    Path file = fx.archive.root().resolve(SOURCE);
    String text = Files.readString(file);
    int from = text.indexOf("## Question\n") + "## Question\n".length();
    String images = "\n![](//tracker.example/q.gif) ![pixel](https://tracker.example/p.gif \"t\") ";
    Files.writeString(file, text.substring(0, from) + images + text.substring(from));
    fx.builder().build(false);
    Column column = fx.archive.read(file);
    String excerpt = Markdown.excerpt(column.question(), Summary.EXCERPT);
    Document page = Jsoup.parse(fx.read(COLUMN));
    assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(excerpt);
    assertThat(page.select("a[href=//tracker.example/q.gif]").text())
        .isEqualTo("//tracker.example/q.gif");
    assertThat(page.select("img")).isEmpty();
  }

  @Test
  void writesPagesForAnyWebServerToReadAndKeepsItsStateOwnerOnly() throws IOException {
    fx.builder().build(false);
    for (String page : List.of("index.html", COLUMN, "feed.xml", "sitemap.xml", "style.css")) {
      assertThat(mode(fx.publicDir().resolve(page))).as(page).isEqualTo("rw-r--r--");
    }
    for (Path folder = fx.publicDir().resolve(COLUMN).getParent();
        !folder.equals(fx.dir);
        folder = folder.getParent()) {
      assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwxr-xr-x");
    }
    assertThat(mode(fx.config.paths().data().resolve("site-build.tsv"))).isEqualTo("rw-------");
    assertThat(mode(fx.config.paths().data())).isEqualTo("rwx------");
  }

  @Test
  void aFullBuildMakesPagesAnOlderBuildLeftOwnerOnlyReadable() throws IOException {
    fx.builder().build(false);
    Path page = fx.publicDir().resolve(COLUMN);
    Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-------"));
    Path template = fx.dir.resolve("templates/site/robots.ftl");
    Files.createDirectories(template.getParent());
    Files.writeString(template, "User-agent: *\n");
    assertThat(fx.builder().build(false).full()).isTrue();
    assertThat(mode(page)).isEqualTo("rw-r--r--");
  }

  static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void hostileTextAppearsAsTextOnly() throws IOException {
    Column hostile =
        fx.archive
            .read(fx.archive.root().resolve(SOURCE))
            .withSlug("hostile")
            .withDate(LocalDate.of(2025, 12, 1));
    String text =
        ColumnCodec.write(hostile)
            .replace(
                "title: Leading the team you used to be part of",
                "title: \"Boss said \\\" onmouseover=\\\"alert(1)\\\" x=\\\" & more\"")
            .replace(
                "You are in one of the hardest",
                "Type `<script>alert(1)</script>` or `</textarea>` and &lt;b&gt; then. You are in one of the hardest");
    Path file = fx.archive.root().resolve("2025/12/hostile.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    fx.builder().build(false);
    String html = fx.read("2025/12/hostile/index.html");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
    assertThat(doc.select("textarea")).isEmpty();
    assertThat(doc.select("[onmouseover]")).isEmpty();
    assertThat(doc.select("h1").text())
        .isEqualTo("Boss said \" onmouseover=\"alert(1)\" x=\" & more");
    assertThat(doc.select("meta[property=og:title]").attr("content"))
        .isEqualTo("Boss said \" onmouseover=\"alert(1)\" x=\" & more");
    assertThat(doc.select("code").eachText()).contains("<script>alert(1)</script>", "</textarea>");
    assertThat(html).doesNotContain("<script>alert").doesNotContain("</textarea>");
    assertThat(doc.select("script[type=application/ld+json]").html()).doesNotContain("</");
  }

  @Test
  void dropsScriptLinksAndEscapesRawHtmlInMarkdown() {
    Markdown markdown = new Markdown(fx.config.site());
    assertThat(markdown.html("[click](javascript:alert(1)) [ok](https://example.com)"))
        .contains("href=\"\"")
        .contains("href=\"https://example.com\"")
        .doesNotContain("javascript:");
    assertThat(markdown.html("<script>alert(1)</script>\n\n<b onmouseover=x>"))
        .doesNotContain("<script")
        .doesNotContain("<b ")
        .contains("&lt;script&gt;");
  }

  @Test
  void removesThePagesOfAColumnThatLeftTheArchive() throws IOException {
    fx.builder().build(false);
    Files.delete(fx.archive.root().resolve(SOURCE));
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.removed()).isGreaterThanOrEqualTo(3);
    assertThat(fx.files())
        .doesNotContain(
            COLUMN,
            "industries/software/index.html",
            "topics/managing-peers/index.html",
            "2025/03/index.html");
    assertThat(fx.read("index.html")).doesNotContain("Leading the team");
    assertThat(fx.read("sitemap.xml")).doesNotContain("leading-the-team");
  }

  @Test
  void anInstanceTemplateReplacesTheShippedOneAndRebuildsEverything() throws IOException {
    fx.builder().build(false);
    Path override = fx.dir.resolve("templates/site/404.ftlh");
    Files.createDirectories(override.getParent());
    Files.writeString(
        override,
        "<!DOCTYPE html><html lang=\"en\"><head><title>Lost</title></head><body><p>Lost at ${site.title}</p></body></html>");
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.full()).isTrue();
    assertThat(fx.read("404.html")).contains("Lost at Coach&#39;s Corner");
    assertThat(fx.read(COLUMN)).contains("Client profile");
  }

  @Test
  void theStylesheetIsCopiedAsWrittenNotRenderedAsATemplate() throws Exception {
    // '${' means itself in CSS; rendered by Freemarker it broke the build.
    String css = "a::after { content: '${not freemarker}'; }\n";
    Path own = fx.dir.resolve("templates/site/style.css");
    Files.createDirectories(own.getParent());
    Files.writeString(own, css);

    fx.builder().build(false);

    assertThat(fx.read("style.css")).isEqualTo(css);
  }

  @Test
  void anUpgradeWhoseShippedTemplatesChangedRewritesEveryPage() throws Exception {
    Path shipped = dir.resolve("release");
    Path jar = Path.of(Templates.class.getResource("/templates").toURI());
    try (java.util.stream.Stream<Path> walk = Files.walk(jar)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path copy = shipped.resolve(jar.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    fx.builder(shipped).build(false);
    Path layout = shipped.resolve("site/layout.ftlh");
    Files.writeString(
        layout, Files.readString(layout).replace("</body>", "<p class=\"release\">2</p></body>"));

    SiteBuilder.Report report = fx.builder(shipped).build(false);

    assertThat(report.full()).isTrue();
    List<String> pages = fx.files().stream().filter(f -> f.endsWith(".html")).toList();
    assertThat(pages).hasSizeGreaterThan(20);
    for (String page : pages) {
      assertThat(Jsoup.parse(fx.read(page)).select("p.release")).as(page).hasSize(1);
    }
    assertThat(fx.builder(shipped).build(false).full()).isFalse();
  }

  @Test
  void aTemplateErrorNamesTheTemplateTheLineAndTheColumn() throws IOException {
    Path override = fx.dir.resolve("templates/site/column.ftlh");
    Files.createDirectories(override.getParent());
    Files.writeString(override, "<p>fine</p>\n<p>${column.no_such_thing}</p>\n");
    assertThatThrownBy(() -> fx.builder().build(false))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("site/column.ftlh line 2")
        .hasMessageContaining("(column 2025/");
  }

  @Test
  void cleanRebuildsEverythingAndRemovesStrayFiles() throws IOException {
    fx.builder().build(false);
    Files.writeString(fx.publicDir().resolve("stray.html"), "old");
    SiteBuilder.Report report = fx.builder().build(true);
    assertThat(report.full()).isTrue();
    assertThat(fx.files()).doesNotContain("stray.html").contains(COLUMN);
  }

  @Test
  void cleanLeavesAPageWhoseBytesAreOnDiskAsItIsAndRewritesAChangedOne() throws IOException {
    fx.builder().build(false);
    Path column = fx.publicDir().resolve(COLUMN);
    Path home = fx.publicDir().resolve("index.html");
    Object inode = Files.getAttribute(column, "unix:ino");
    Files.writeString(home, "edited by hand");
    Files.createDirectories(fx.publicDir().resolve("stray/deep"));
    Files.writeString(fx.publicDir().resolve("stray/deep/page.html"), "stray");
    SiteBuilder.Report report = fx.builder().build(true);
    assertThat(Files.getAttribute(column, "unix:ino")).isEqualTo(inode);
    assertThat(fx.read("index.html")).contains("<html");
    assertThat(report.written()).isEqualTo(1);
    assertThat(fx.publicDir().resolve("stray")).doesNotExist();
  }

  @Test
  void cleanTellsAnEditOfTheSameSizeRemovesLinksWithoutFollowingThemAndMakesPagesReadable()
      throws IOException {
    fx.builder().build(false);
    Path column = fx.publicDir().resolve(COLUMN);
    Path home = fx.publicDir().resolve("index.html");
    byte[] built = Files.readAllBytes(home);
    byte[] edited = built.clone();
    edited[edited.length / 2] = (byte) (edited[edited.length / 2] == 'x' ? 'y' : 'x');
    Files.write(home, edited);
    Files.setPosixFilePermissions(column, PosixFilePermissions.fromString("rw-------"));
    Path outside = Files.writeString(fx.dir.resolve("outside.html"), "not the site's");
    Files.createSymbolicLink(fx.publicDir().resolve("linked.html"), outside);
    SiteBuilder.Report report = fx.builder().build(true);
    assertThat(Files.readAllBytes(home)).isEqualTo(built);
    assertThat(report.written()).isEqualTo(1);
    assertThat(mode(column)).isEqualTo("rw-r--r--");
    assertThat(fx.publicDir().resolve("linked.html")).doesNotExist();
    assertThat(outside).hasContent("not the site's");
  }

  @Test
  void whichColumnsTakeResponsesIsAskedNewestFirstUntilTheFirstClosedOne() throws IOException {
    fx.archive.write(
        Columns.aColumn().withSlug("an-older-column").withDate(LocalDate.of(2024, 1, 5)).build());
    LocalDate closing = LocalDate.of(2025, 6, 1);
    List<LocalDate> asked = new ArrayList<>();
    ReaderSide readers =
        new ReaderSide() {
          @Override
          public Readers column(String slug, LocalDate date) {
            return Readers.NONE;
          }

          @Override
          public Map<String, String> fingerprints() {
            return Map.of();
          }

          @Override
          public boolean open(LocalDate date) {
            asked.add(date);
            return !date.isBefore(closing);
          }

          @Override
          public String pageToken(String form) {
            return "";
          }
        };
    new SiteBuilder(fx.config, fx.archive, slug -> List.of(), readers).build(false);
    List<String> prints =
        Files.readAllLines(fx.config.paths().data().resolve("site-build.tsv")).stream()
            .filter(line -> line.startsWith("r\t"))
            .map(line -> line.split("\t")[1] + " " + line.split("\t")[2].strip())
            .sorted()
            .toList();
    assertThat(prints)
        .containsExactly(
            "an-older-column closed",
            "leading-the-team-you-used-to-be-part-of closed",
            "the-nurse-manager-who-cannot-say-no open",
            "when-a-colleague-takes-credit-for-your-work open");
    assertThat(asked).hasSize(3).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aFirstBuildPutsTheWholeSiteInPlaceAndLeavesNothingBesideIt() throws IOException {
    SiteBuilder.Report report = fx.builder().build(false);
    assertThat(report.written()).isEqualTo(fx.files().size());
    assertThat(fx.files()).contains(COLUMN, "index.html");
    try (var siblings = Files.list(fx.publicDir().getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".public"));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.publicDir())))
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void anExistingEmptyPublicFolderIsWrittenInPlaceKeepingWhatTheOperatorGaveIt()
      throws IOException {
    Files.createDirectories(fx.publicDir());
    Files.setPosixFilePermissions(fx.publicDir(), PosixFilePermissions.fromString("rwxr-x---"));
    Object inode = Files.getAttribute(fx.publicDir(), "unix:ino");
    fx.builder().build(false);
    assertThat(fx.files()).contains(COLUMN);
    assertThat(Files.getAttribute(fx.publicDir(), "unix:ino")).isEqualTo(inode);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.publicDir())))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void aPublicFolderEmptiedByHandIsBuiltWholeAgain() throws IOException {
    int pages = fx.builder().build(false).written();
    try (var walk = Files.walk(fx.publicDir())) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(fx.publicDir())) {
          Files.delete(p);
        }
      }
    }
    SiteBuilder.Report again = fx.builder().build(false);
    assertThat(again.written()).isEqualTo(pages);
    assertThat(fx.files()).contains(COLUMN, "index.html", "style.css");
  }

  @Test
  void aStateFromAnOlderReleaseStillLetsTheBuildRemoveThePagesItNoLongerMakes() throws IOException {
    fx.builder().build(false);
    Path state = fx.config.paths().data().resolve("site-build.tsv");
    Path column = fx.publicDir().resolve(COLUMN);
    Object inode = Files.getAttribute(column, "unix:ino");
    // An older release hashed pages by SHA-256 and made /page/2/ for a list that now has none.
    Files.createDirectories(fx.publicDir().resolve("page/2"));
    Files.writeString(fx.publicDir().resolve("page/2/index.html"), "older columns");
    String older =
        Files.readString(state)
                .replaceFirst("^[^\n]*", "columnist-site-build 3")
                .replaceAll("(?m)^(o\t[^\t]+\t)[0-9a-f]+$", "$1" + "ab".repeat(32))
            + "o\tpage/2/index.html\t"
            + "cd".repeat(32)
            + "\n";
    Files.writeString(state, older);
    fx.builder().build(false);
    assertThat(fx.publicDir().resolve("page/2")).doesNotExist();
    assertThat(Files.getAttribute(column, "unix:ino")).isEqualTo(inode);
  }
}
