package org.columnist.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.columnist.column.Columns.aColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
  @TempDir Path root;

  @Test
  void writesAColumnToItsYearAndMonthFolderAndReadsItBack() {
    Archive archive = new Archive(root);
    Column column = aColumn().build();
    Path path = archive.write(column);
    assertThat(path).isEqualTo(root.resolve("2008/04/caught-between-boss-and-client.md"));
    assertThat(archive.read(path)).isEqualTo(column);
    assertThat(archive.files()).containsExactly(path);
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    Archive archive = new Archive(root);
    archive.write(aColumn().build());
    archive.write(aColumn().withAnswer("A corrected answer.").build());
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile))
          .containsExactly(root.resolve("2008/04/caught-between-boss-and-client.md"));
    }
    assertThat(archive.read(archive.files().get(0)).answer()).isEqualTo("A corrected answer.");
  }

  @Test
  void writesAColumnWithTheModesOfTheFilesAroundIt() throws IOException {
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));
    Archive archive = new Archive(root);
    Path path = archive.write(aColumn().build());
    assertThat(mode(path)).isEqualTo("rw-r-----");
    assertThat(mode(path.getParent())).isEqualTo("rwxr-x---");
    assertThat(mode(path.getParent().getParent())).isEqualTo("rwxr-x---");

    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-r--"));
    archive.write(aColumn().withAnswer("A corrected answer.").build());
    assertThat(mode(path)).isEqualTo("rw-rw-r--");
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void refusesSlugsThatLeaveTheArchive() {
    Archive archive = new Archive(root.resolve("archive"));
    for (String slug : List.of("../../escape", "/etc/passwd", "a/../../b", "..", "Caps", "")) {
      assertThatThrownBy(() -> archive.write(aColumn().withSlug(slug).build()))
          .as(slug)
          .isInstanceOf(ColumnistException.class)
          .hasMessageContaining("not a valid slug");
    }
    assertThat(root.resolve("escape")).doesNotExist();
    assertThat(root.resolve("archive")).doesNotExist();
  }

  @Test
  void refusesASlugThatAnotherColumnUses() {
    Archive archive = new Archive(root);
    archive.write(aColumn().build());
    assertThatThrownBy(() -> archive.write(aColumn().withDate(LocalDate.of(2010, 1, 1)).build()))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("already used by");
  }

  @Test
  void refusesAColumnThatWouldNotReadBack() {
    Archive archive = new Archive(root);
    assertThatThrownBy(() -> archive.write(aColumn().withAnswer("## Background\nText").build()))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("unknown section '## Background'");
    assertThat(archive.files()).isEmpty();
  }

  @Test
  void givesUniqueSlugsFromTitles() {
    Archive archive = new Archive(root);
    assertThat(archive.uniqueSlug("Caught between boss and client"))
        .isEqualTo("caught-between-boss-and-client");
    archive.write(aColumn().build());
    assertThat(archive.uniqueSlug("Caught between boss and client"))
        .isEqualTo("caught-between-boss-and-client-2");
  }

  @Test
  void checkFindsNothingWrongWithGoodFiles() {
    Archive archive = new Archive(root);
    archive.write(aColumn().build());
    archive.write(aColumn().withSlug("another").withDate(LocalDate.of(2009, 12, 1)).build());
    Archive.CheckReport report = archive.check();
    assertThat(report.files()).isEqualTo(2);
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void checkReportsMisplacedFilesAndSharedSlugs() throws IOException {
    String text = ColumnCodec.write(aColumn().build());
    put("2008/04/caught-between-boss-and-client.md", text);
    put("2008/05/caught-between-boss-and-client.md", text);
    put(
        "2008/04/other-name.md",
        text.replace("slug: caught-between-boss-and-client", "slug: elsewhere"));
    put("loose.md", text.replace("slug: caught-between-boss-and-client", "slug: loose"));
    assertThat(new Archive(root).check().problems())
        .extracting(p -> root.relativize(p.file()) + ": " + p.message())
        .containsExactlyInAnyOrder(
            "2008/05/caught-between-boss-and-client.md: should be at 2008/04/caught-between-boss-and-client.md to match its date and slug",
            "2008/05/caught-between-boss-and-client.md: slug 'caught-between-boss-and-client' is also used by "
                + root.resolve("2008/04/caught-between-boss-and-client.md"),
            "2008/04/other-name.md: should be at 2008/04/elsewhere.md to match its date and slug",
            "loose.md: is not in a YYYY/MM folder of the archive; move it to YYYY/MM/<slug>.md");
  }

  @Test
  void checkReportsHostileFilesWithoutFailing() throws IOException {
    String good = ColumnCodec.write(aColumn().build());
    put(
        "2008/04/a.md",
        good.replace("slug: caught-between-boss-and-client", "slug: ../../etc/passwd"));
    put("2008/04/b.md", good.replace("You are caught", "<script>alert(1)</script> You are caught"));
    put("2008/04/c.md", good + "x".repeat(5 * 1024 * 1024));
    Path bad = root.resolve("2008/04/d.md");
    Files.write(bad, new byte[] {'-', '-', '-', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
    Files.createSymbolicLink(root.resolve("2008/04/e.md"), Path.of("/etc/hostname"));
    List<Problem> problems = new Archive(root).check().problems();
    assertThat(problems)
        .extracting(p -> root.relativize(p.file()).toString())
        .containsExactlyInAnyOrder(
            "2008/04/a.md", "2008/04/b.md", "2008/04/c.md", "2008/04/d.md", "2008/04/e.md");
    assertThat(problems)
        .extracting(Problem::message)
        .anyMatch(m -> m.startsWith("'slug' must be lowercase"))
        .anyMatch(m -> m.startsWith("raw HTML (<script>)"))
        .anyMatch(m -> m.startsWith("is 5.2 MB"))
        .anyMatch(m -> m.startsWith("is not valid UTF-8"))
        .anyMatch(m -> m.startsWith("is not a plain file"));
  }

  @Test
  void ignoresTheAboutPageAndHiddenFiles() throws IOException {
    put("about.md", "About the coach.");
    put("2008/04/.draft.md.tmp", "partial");
    put("2008/04/.hidden.md", "partial");
    assertThat(new Archive(root).files()).isEmpty();
  }

  @Test
  void theRepositorysSampleArchiveIsValid() {
    Archive.CheckReport report = new Archive(Path.of("archive")).check();
    assertThat(report.files()).isGreaterThanOrEqualTo(3);
    assertThat(report.problems()).isEmpty();
  }

  private void put(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
