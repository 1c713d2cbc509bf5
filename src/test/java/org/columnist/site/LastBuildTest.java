package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.columnist.Progress;
import org.columnist.column.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's builds start from the last one it remembers, unless another process built since. */
class LastBuildTest {
  @TempDir Path dir;

  private static final Column LATE =
      aColumn()
          .withTitle("A late column")
          .withSlug("a-late-column")
          .withDate(LocalDate.of(2026, 2, 2))
          .build();
  private static final String PAGE = "2026/02/a-late-column/index.html";

  @Test
  void aBuildByAnotherProcessIsNoticed() throws IOException {
    SiteFixture fx = new SiteFixture(dir);
    LastBuild server = new LastBuild();
    fx.builder().build(false, server, Progress.NONE);

    // The CLI publishes a column and builds; then the column is taken out again.
    fx.archive.write(LATE);
    fx.builder().build(false);
    assertThat(fx.files()).contains(PAGE);
    Files.delete(fx.archive.pathFor(LATE));

    SiteBuilder.Report report = fx.builder().build(false, server, Progress.NONE);

    assertThat(report.full()).isFalse();
    assertThat(report.removed()).as("the CLI's pages, known from its state file").isPositive();
    assertThat(fx.files()).doesNotContain(PAGE);
    assertThat(fx.read("index.html")).doesNotContain("A late column");
  }

  @Test
  void theServersOwnBuildsFollowOneAnother() {
    SiteFixture fx = new SiteFixture(dir);
    LastBuild server = new LastBuild();
    fx.builder().build(false, server, Progress.NONE);

    fx.archive.write(LATE);
    assertThat(fx.builder().build(false, server, Progress.NONE).written()).isPositive();
    assertThat(fx.read("index.html")).contains("A late column");
    assertThat(fx.builder().build(false, server, Progress.NONE).written())
        .as("nothing changed since the remembered build")
        .isZero();
    assertThat(fx.builder().build(false).written())
        .as("and the state file says the same to another process")
        .isZero();
  }

  @Test
  void theServerAppendsWhatItsBuildChangedAndAnotherProcessReadsItAll() throws IOException {
    SiteFixture fx = new SiteFixture(dir);
    LastBuild server = new LastBuild();
    fx.builder().build(false, server, Progress.NONE);
    byte[] before = Files.readAllBytes(state(fx));

    fx.archive.write(LATE);
    fx.builder().build(false, server, Progress.NONE);

    byte[] after = Files.readAllBytes(state(fx));
    assertThat(after).as("appended to, not written again").startsWith(before);
    assertThat(after.length - before.length).isLessThan(before.length);
    assertThat(fx.builder().build(false).rendered())
        .as("another process reads the appended lines too")
        .isZero();
  }

  @Test
  void aKillDuringAnAppendLeavesTheStateBeforeItWhichTheNextBuildStartsFrom() throws IOException {
    SiteFixture fx = new SiteFixture(dir);
    LastBuild server = new LastBuild();
    fx.builder().build(false, server, Progress.NONE);
    byte[] before = Files.readAllBytes(state(fx));
    fx.archive.write(LATE);
    fx.builder().build(false, server, Progress.NONE);
    byte[] after = Files.readAllBytes(state(fx));
    // Killed after the appended summary of the new column, before its pages' lines.
    int torn = before.length;
    while (after[torn] != '\n') {
      torn++;
    }
    Files.write(state(fx), java.util.Arrays.copyOf(after, torn + 4));

    assertThat(fx.builder().build(false).full())
        .as("the state before the append is still trusted")
        .isFalse();
    assertThat(fx.read("index.html")).contains("A late column");
    Files.delete(fx.archive.pathFor(LATE));
    fx.builder().build(false);

    assertThat(fx.files()).as("the state knew the page, to remove it").doesNotContain(PAGE);
  }

  private static Path state(SiteFixture fx) {
    return fx.config.paths().data().resolve("site-build.tsv");
  }

  @Test
  void aStateSavedByAnotherProcessDuringTheServersBuildIsReplacedNotAppendedTo() {
    Path file = dir.resolve("site-build.tsv");
    LastBuild server = new LastBuild();
    BuildState first = new BuildState("f", Map.of(), Map.of("a.html", "1"), Map.of());
    server.save(file, null, first, new Catalog(List.of()));
    BuildState before = server.state(file);
    server.forget(); // as a build does when it begins
    // The CLI's build saves a whole state of its own meanwhile.
    new BuildState("f", Map.of(), Map.of("a.html", "1", "cli.html", "2"), Map.of()).save(file);

    BuildState ours = new BuildState("f", Map.of(), Map.of("a.html", "3"), Map.of());
    server.save(file, before, ours, new Catalog(List.of()));

    assertThat(BuildState.load(file).outputs()).isEqualTo(Map.of("a.html", "3"));
  }
}
