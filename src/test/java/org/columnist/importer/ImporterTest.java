package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.columnist.column.Columns.aColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  static final Path SAMPLES = Path.of("src/test/resources/import/importer");
  private static final Path CATALOGUE = SAMPLES.resolve("catalogue");
  private static final Importer.Options PLAIN = new Importer.Options(false, false, false);

  @TempDir Path dir;

  private Archive archive() {
    return new Archive(dir.resolve("archive"));
  }

  /** Every outcome of one run, in order. */
  static final class Recorded implements Importer.Listener {
    final List<Importer.Outcome> outcomes = new ArrayList<>();
    Importer.Summary summary;

    @Override
    public void outcome(Importer.Outcome outcome) {
      outcomes.add(outcome);
    }

    <T extends Importer.Outcome> List<T> of(Class<T> kind) {
      return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
  }

  private Recorded run(Importer.Options options, Path... inputs) {
    Recorded recorded = new Recorded();
    recorded.summary =
        new Importer(archive(), "Ruth Hallberg").run(List.of(inputs), options, recorded);
    return recorded;
  }

  @Test
  void importsEachColumnOfAFolderAsAnArchiveFileThatCheckAccepts() {
    Recorded run = run(PLAIN, CATALOGUE);

    List<Importer.Outcome.Imported> imported = run.of(Importer.Outcome.Imported.class);
    assertThat(imported).hasSize(2);
    assertThat(imported.get(0).input())
        .isEqualTo(CATALOGUE.resolve("2009/the-promotion-that-never-came.md"));
    assertThat(imported.get(1).input()).isEqualTo(CATALOGUE.resolve("caught-between.txt"));
    Column caught = imported.get(1).column();
    assertThat(caught.title()).isEqualTo("Caught between two managers");
    assertThat(caught.date()).isEqualTo(LocalDate.of(2008, 4, 14));
    assertThat(caught.slug()).isEqualTo("caught-between-two-managers");
    assertThat(caught.question()).startsWith("I report to two directors");
    assertThat(caught.answer()).startsWith("You are not failing: the arrangement is.");
    assertThat(caught.innerGame()).startsWith("Notice the story");
    assertThat(caught.outerGame()).startsWith("Put both lists on one page");
    assertThat(caught.lastWord())
        .isEqualTo("A shared list turns a loyalty test into a planning problem.");
    assertThat(imported.get(1).archiveFile())
        .isEqualTo(archive().root().resolve("2008/04/caught-between-two-managers.md"));
    assertThat(archive().read(imported.get(1).archiveFile())).isEqualTo(caught);
    assertThat(archive().check().problems()).isEmpty();
    assertThat(run.summary).isEqualTo(new Importer.Summary(2, 0, 0, 2, 1, List.of()));
  }

  @Test
  void reRunningTheSameImportAddsNothing() throws IOException {
    run(PLAIN, CATALOGUE);
    Map<Path, String> before = tree(archive().root());

    Recorded again = run(PLAIN, CATALOGUE);

    assertThat(again.of(Importer.Outcome.Imported.class)).isEmpty();
    assertThat(again.of(Importer.Outcome.Duplicate.class))
        .extracting(Importer.Outcome.Duplicate::existing)
        .containsExactly(
            archive().root().resolve("2009/08/the-promotion-that-never-came.md"),
            archive().root().resolve("2008/04/caught-between-two-managers.md"));
    assertThat(tree(archive().root())).isEqualTo(before);
    assertThat(again.summary.duplicates()).isEqualTo(2);
  }

  @Test
  void aColumnWhoseQuestionTheArchiveHasInOtherTypographyIsADuplicate() {
    assertCaughtBetweenIsADuplicateOf(
        aColumn()
            .withTitle("Two bosses")
            .withDate(LocalDate.of(2008, 5, 1))
            .withSlug("two-bosses")
            .withQuestion(
                "I report to two directors since our reorganisation last spring.  Each of"
                    + " them sets my priorities on Monday -- and by Wednesday their lists"
                    + " have nothing in common! I work late to keep both happy, and I am"
                    + " \u201cfailing\u201d both.")
            .build());
  }

  @Test
  void aColumnWithTheTitleAndDateOfOneInTheArchiveIsADuplicate() {
    assertCaughtBetweenIsADuplicateOf(
        aColumn()
            .withTitle("Caught Between Two Managers")
            .withDate(LocalDate.of(2008, 4, 14))
            .withSlug("caught")
            .withQuestion("Another question altogether.")
            .build());
  }

  private void assertCaughtBetweenIsADuplicateOf(Column inArchive) {
    Path existing = archive().write(inArchive);

    Recorded run = run(PLAIN, CATALOGUE.resolve("caught-between.txt"));

    assertThat(run.of(Importer.Outcome.Duplicate.class))
        .singleElement()
        .satisfies(d -> assertThat(d.existing()).isEqualTo(existing));
    assertThat(archive().files()).containsExactly(existing);
  }

  @Test
  void aSlugTheArchiveUsesGetsTheFirstFreeSuffix() {
    for (String slug : List.of("caught-between-two-managers", "caught-between-two-managers-2")) {
      archive()
          .write(
              aColumn()
                  .withTitle("Caught between two managers, " + slug)
                  .withDate(LocalDate.of(2011, 1, 3))
                  .withSlug(slug)
                  .withQuestion("Quite another question, " + slug)
                  .build());
    }

    Recorded run = run(PLAIN, CATALOGUE.resolve("caught-between.txt"));

    assertThat(run.of(Importer.Outcome.Imported.class))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.archiveFile().getFileName().toString())
                    .isEqualTo("caught-between-two-managers-3.md"));
    assertThat(archive().check().problems()).isEmpty();
  }

  @Test
  void aDryRunReportsWhatWouldBeImportedAndWritesNothing() throws IOException {
    archive().write(aColumn().withSlug("already-here").build());
    Map<Path, String> before = tree(archive().root());

    Recorded run = run(new Importer.Options(true, false, false), CATALOGUE, CATALOGUE);

    assertThat(tree(archive().root())).isEqualTo(before);
    assertThat(run.of(Importer.Outcome.Imported.class))
        .extracting(i -> archive().root().relativize(i.archiveFile()).toString())
        .containsExactly(
            "2009/08/the-promotion-that-never-came.md", "2008/04/caught-between-two-managers.md");
    // The second time the run meets the folder, its columns are ones it would have imported.
    assertThat(run.of(Importer.Outcome.Duplicate.class)).hasSize(2);
  }

  @Test
  void aColumnWithAnEmailAddressIsRefusedAtItsLineUnlessPrivateDetailsAreAllowed() {
    Path input = SAMPLES.resolve("with-address.txt");
    Recorded refused = run(PLAIN, input);

    assertThat(refused.of(Importer.Outcome.Refused.class))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.note().format(input))
                    .isEqualTo(
                        input
                            + ":9: an e-mail address in the question (m\u2026@\u2026): remove it or"
                            + " import with --allow-private"));
    assertThat(archive().files()).isEmpty();

    Recorded allowed = run(new Importer.Options(false, false, true), input);

    assertThat(allowed.of(Importer.Outcome.Imported.class))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.warnings())
                    .extracting(Note::message)
                    .contains(
                        "an e-mail address in the question (m\u2026@\u2026); imported as"
                            + " --allow-private asks"));
    assertThat(archive().files()).hasSize(1);
  }

  @Test
  void anOldAddressThatIsTheColumnsNewOneIsNotKeptAsAnAlias() throws IOException {
    Path input = dir.resolve("same-address.md");
    Files.writeString(
        input,
        "---\ntitle: Same address\ndate: 2010-03-09\n"
            + "aliases: [/2010/03/same-address/, /old/same.html]\n---\n"
            + "Q. Is my old address my new one?\n\nA. Here it is.\n");

    Recorded run = run(PLAIN, input);

    assertThat(run.of(Importer.Outcome.Imported.class))
        .singleElement()
        .satisfies(i -> assertThat(i.column().aliases()).containsExactly("/old/same.html"));
    // the site would have refused a redirect over the column's own page, and check with it
    assertThat(org.columnist.site.Aliases.problems(archive())).isEmpty();
  }

  @Test
  void aTextWithoutQuestionAndAnswerIsRefusedWithItsPlace() {
    Path input = SAMPLES.resolve("an-essay.txt");
    Recorded run = run(PLAIN, input);

    assertThat(run.of(Importer.Outcome.Refused.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.note().file()).isEqualTo(input);
              assertThat(r.note().line()).isPositive();
              assertThat(r.note().message()).isNotBlank();
            });
    assertThat(run.summary.refused()).isEqualTo(1);
    assertThat(archive().files()).isEmpty();
  }

  @Test
  void aNamedFileOfNoKnownFormatOrNoFileAtAllIsRefusedWithTheReason() {
    Path docx = CATALOGUE.resolve("2009/notes.docx");
    Path missing = dir.resolve("nowhere.txt");
    Recorded run = run(PLAIN, docx, missing);

    assertThat(run.of(Importer.Outcome.Refused.class))
        .extracting(r -> r.note().format(r.input()))
        .containsExactly(
            docx
                + ": is not a kind of file columnist import reads; 'columnist import --help'"
                + " lists them",
            missing + ": no such file or folder");
    assertThat(run.summary.files()).isEqualTo(2);
  }

  @Test
  void theWalkSkipsHiddenFilesLinksAndTheAssetsOfAPageSavedComplete() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("page_files"));
    Files.createDirectories(in.resolve("other_files"));
    Files.createDirectories(in.resolve(".hidden"));
    Files.writeString(in.resolve("page.html"), "<p>saved</p>");
    Files.writeString(in.resolve("page_files/asset.txt"), "an asset");
    Files.writeString(in.resolve("other_files/b.txt"), "a folder that only looks like assets");
    Files.writeString(in.resolve(".hidden/c.txt"), "hidden");
    Files.writeString(in.resolve(".d.txt"), "hidden");
    Files.writeString(in.resolve("a.md"), "a");
    Files.writeString(in.resolve("e.jpg"), "an image");
    Files.createSymbolicLink(in.resolve("link.txt"), in.resolve("a.md").toAbsolutePath());

    Walk walk = Walk.of(List.of(in));

    // page.html is read once the HTML format is there; its assets never are.
    assertThat(walk.files())
        .contains(in.resolve("a.md"), in.resolve("other_files/b.txt"))
        .doesNotContain(
            in.resolve("page_files/asset.txt"),
            in.resolve(".hidden/c.txt"),
            in.resolve(".d.txt"),
            in.resolve("link.txt"));
    assertThat(walk.refused()).isEmpty();
  }

  @Test
  void anImportStoppedAfterAFileIsWrittenIsFinishedByARerunWithNothingLostOrRepeated() {
    Importer.Checkpoint crash =
        (step, input) -> {
          throw new IllegalStateException("crashed after " + input);
        };
    assertThatThrownBy(
            () ->
                new Importer(archive(), "Ruth Hallberg", crash)
                    .run(List.of(CATALOGUE), PLAIN, new Recorded()))
        .hasMessageContaining("the-promotion-that-never-came.md");
    assertThat(archive().files()).hasSize(1);

    Recorded rerun = run(PLAIN, CATALOGUE);

    assertThat(rerun.summary.imported()).isEqualTo(1);
    assertThat(rerun.summary.duplicates()).isEqualTo(1);
    assertThat(archive().files())
        .extracting(f -> archive().root().relativize(f).toString())
        .containsExactly(
            "2008/04/caught-between-two-managers.md", "2009/08/the-promotion-that-never-came.md");
    assertThat(archive().check().problems()).isEmpty();
  }

  @Test
  void anArchiveFileCheckRefusesIsNamedInTheSummaryAndTheImportGoesOn() throws IOException {
    Path broken = archive().root().resolve("2008/04/broken.md");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "no front matter\n");

    Recorded run = run(PLAIN, CATALOGUE);

    assertThat(run.summary.unreadable()).containsExactly(broken);
    assertThat(run.summary.imported()).isEqualTo(2);
  }

  /** Every file under {@code root} with its content, to compare a tree before and after. */
  static Map<Path, String> tree(Path root) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p), Files.readString(p));
      }
    }
    return files;
  }
}
