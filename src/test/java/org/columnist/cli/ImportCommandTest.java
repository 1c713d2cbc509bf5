package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;
import static org.columnist.cli.CliTest.columnistWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'columnist import' as a coach runs it: lines per column, refusals, summary and exit code. */
class ImportCommandTest {
  private static final String SAMPLES = "src/test/resources/import/importer";
  private static final String CATALOGUE = SAMPLES + "/catalogue";

  @TempDir Path dir;
  private Path instance;
  private String config;

  @BeforeEach
  void anInstance() {
    instance = dir.resolve("column");
    assertThat(columnist("init", instance.toString()).exit()).isZero();
    config = instance.resolve("config/columnist.yml").toString();
  }

  @Test
  void importedColumnsAreFoundByIndexAndShownByBuild() throws IOException {
    CliTest.Result run = columnistWith(config, "import", CATALOGUE);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "imported 2009/08/the-promotion-that-never-came.md <- "
                + CATALOGUE
                + "/2009/the-promotion-that-never-came.md\n"
                + "imported 2008/04/caught-between-two-managers.md <- "
                + CATALOGUE
                + "/caught-between.txt\n"
                + "Imported 2, skipped 0 as duplicates, refused 0 (of 2 files);"
                + " 1 file of another kind ignored.\n");
    assertThat(columnistWith(config, "check").exit()).isZero();
    assertThat(columnistWith(config, "index").exit()).isZero();
    CliTest.Result build = columnistWith(config, "build");
    assertThat(build.exit()).as(build.err()).isZero();
    assertThat(
            Files.readString(
                instance.resolve("public/2008/04/caught-between-two-managers/index.html")))
        .contains("Caught between two managers")
        .contains("planning problem");
    CliTest.Result search = columnistWith(config, "search", "reorganisation");
    assertThat(search.out()).startsWith("1 column found\n").contains("Caught between two managers");
  }

  @Test
  void aReRunSaysEachColumnIsADuplicateAndAddsNothing() throws IOException {
    columnistWith(config, "import", CATALOGUE);
    Map<Path, String> before = tree(instance.resolve("archive"));

    CliTest.Result again = columnistWith(config, "import", CATALOGUE);

    assertThat(again.exit()).isZero();
    assertThat(again.out())
        .contains(
            "duplicate "
                + CATALOGUE
                + "/caught-between.txt of "
                + instance.resolve("archive/2008/04/caught-between-two-managers.md")
                + "\n")
        .contains("Imported 0, skipped 2 as duplicates, refused 0 (of 2 files)");
    assertThat(tree(instance.resolve("archive"))).isEqualTo(before);
  }

  @Test
  void aDryRunPrintsWhatEachInputWouldBecomeAndLeavesTheArchiveByteForByte() throws IOException {
    Map<Path, String> before = tree(instance.resolve("archive"));

    CliTest.Result dry =
        columnistWith(config, "import", "--dry-run", CATALOGUE + "/caught-between.txt");

    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .isEqualTo(
            "would import 2008/04/caught-between-two-managers.md <- "
                + CATALOGUE
                + "/caught-between.txt\n"
                + "    title:   Caught between two managers\n"
                + "    date:    2008-04-14\n"
                + "    slug:    caught-between-two-managers\n"
                + "    profile: (no profile); issue: Caught between two managers\n"
                + "    Question: I report to two directors since our reorganisation last"
                + " spring. Each of \u2026\n"
                + "    Answer: You are not failing: the arrangement is. Two people who each"
                + " believe \u2026\n"
                + "    The inner game: Notice the story you tell yourself on Wednesday night."
                + " \"I should be \u2026\n"
                + "    The outer game: Put both lists on one page and send it to both"
                + " directors \u2026\n"
                + "    The last word: A shared list turns a loyalty test into a planning"
                + " problem.\n"
                + "Would import 1, skipped 0 as duplicates, refused 0 (of 1 file).\n");
    assertThat(tree(instance.resolve("archive"))).isEqualTo(before);
  }

  @Test
  void warnsOfAnOldAddressTheSiteWouldNotWrite() throws IOException {
    Path input = dir.resolve("takes-the-home-page.md");
    Files.writeString(
        input,
        "---\ntitle: Taking the home page\ndate: 2011-06-02\naliases: [/index.html]\n---\n"
            + "Q. Can an old address be the home page?\n\nA. Not on this site.\n");

    CliTest.Result run = columnistWith(config, "import", input.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains(": warning: ").contains("/index.html");
  }

  @Test
  void anImportThatOnlyRefusesDoesNotClaimToHaveImportedTheRest() {
    CliTest.Result run = columnistWith(config, "import", SAMPLES + "/with-address.txt");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).endsWith("import: 1 refused; nothing else to import\n");
  }

  @Test
  void aRefusalIsPrintedAsFileLineReasonAndExitsOneWhileTheRestIsImported() {
    CliTest.Result run = columnistWith(config, "import", CATALOGUE, SAMPLES + "/with-address.txt");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            SAMPLES
                + "/with-address.txt:9: an e-mail address in the question (m\u2026@\u2026):"
                + " remove it or import with --allow-private\n")
        .contains("import: 1 refused; the rest was imported\n");
    assertThat(run.out()).contains("Imported 2, skipped 0 as duplicates, refused 1 (of 3 files)");
  }

  @Test
  void allowPrivateImportsWithTheFindingAsAWarning() {
    CliTest.Result run =
        columnistWith(config, "import", "--allow-private", SAMPLES + "/with-address.txt");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            SAMPLES
                + "/with-address.txt:9: warning: an e-mail address in the question"
                + " (m\u2026@\u2026); imported as --allow-private asks\n");
  }

  @Test
  void jsonIsOneDocumentOfOutcomesAndSummary() throws IOException {
    CliTest.Result run =
        columnistWith(config, "import", "--json", CATALOGUE, SAMPLES + "/an-essay.txt");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode document = new ObjectMapper().readTree(run.out());
    assertThat(document.get("outcomes")).hasSize(3);
    assertThat(document.get("outcomes").get(1).get("file").asText())
        .isEqualTo("2008/04/caught-between-two-managers.md");
    assertThat(document.get("outcomes").get(2).get("outcome").asText()).isEqualTo("refused");
    assertThat(document.get("summary").get("imported").asInt()).isEqualTo(2);
    assertThat(document.get("summary").get("refused").asInt()).isEqualTo(1);
  }

  @Test
  void importWithoutAPathIsBadUsage() {
    assertThat(columnistWith(config, "import").exit()).isEqualTo(2);
  }

  private static Map<Path, String> tree(Path root) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p), Files.readString(p));
      }
    }
    return files;
  }
}
