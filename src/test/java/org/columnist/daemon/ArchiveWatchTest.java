package org.columnist.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.columnist.column.Columns.aColumn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.columnist.ColumnistException;
import org.columnist.Progress;
import org.columnist.archive.Archive;
import org.columnist.cli.CliTest;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWatchTest {
  @TempDir Path dir;

  @Test
  void aSiteBuildThatFailedIsTriedAgainAtTheNextRefresh() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Wiring wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
    try (ArchiveWatch watch = wiring.archiveWatch(() -> {})) {
      new Archive(wiring.config.paths().archive())
          .write(
              aColumn()
                  .withSlug("a-column-the-cli-published")
                  .withDate(LocalDate.of(2025, 3, 10))
                  .build());
      Path broken = instance.resolve("templates/site/column.ftlh");
      Files.createDirectories(broken.getParent());
      Files.writeString(broken, "${unclosed");

      assertThatThrownBy(watch::refresh).hasMessageContaining("column.ftlh");

      Files.delete(broken);
      watch.refresh();
      assertThat(instance.resolve("public/2025/03/a-column-the-cli-published/index.html")).exists();
    }
  }

  @Test
  void aPublicationIsLiveFromTheFileItWroteAndTheWatchCatchesWhatOthersWrote() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Wiring wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
    Archive archive = new Archive(wiring.config.paths().archive());
    Path site = instance.resolve("public/2025/03");
    try (ArchiveWatch watch = wiring.archiveWatch(() -> {})) {
      Path ours =
          archive.write(
              aColumn()
                  .withTitle("Published from the editor")
                  .withSlug("published-from-the-editor")
                  .withDate(LocalDate.of(2025, 3, 10))
                  .build());
      archive.write(
          aColumn()
              .withTitle("Published by the CLI")
              .withSlug("published-by-the-cli")
              .withDate(LocalDate.of(2025, 3, 11))
              .build());

      watch.refreshSite(List.of(ours));

      assertThat(site.resolve("published-from-the-editor/index.html")).exists();
      assertThat(Files.readString(instance.resolve("public/index.html")))
          .contains("Published from the editor");
      assertThat(watch.index().pathOf("published-from-the-editor")).isPresent();
      assertThat(site.resolve("published-by-the-cli/index.html"))
          .as("a file this process did not write waits for the watch")
          .doesNotExist();
      assertThat(watch.index().pathOf("published-by-the-cli")).isEmpty();

      watch.refresh();

      assertThat(site.resolve("published-by-the-cli/index.html")).exists();
      assertThat(watch.index().pathOf("published-by-the-cli")).isPresent();

      Files.delete(ours);
      watch.refreshSite(List.of(ours));

      assertThat(site.resolve("published-from-the-editor/index.html")).doesNotExist();
      assertThat(Files.readString(instance.resolve("public/index.html")))
          .doesNotContain("Published from the editor")
          .contains("Published by the CLI");
      assertThat(watch.index().pathOf("published-from-the-editor")).isEmpty();
    }
  }

  @Test
  void aTemplateEditedWhileTheWatchRunsIsRenderedByItsNextBuild() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Wiring wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
    Path page = instance.resolve("public/2025/03/a-column/index.html");
    Path own = instance.resolve("templates/site/column.ftlh");
    String shipped;
    try (var in = ArchiveWatch.class.getResourceAsStream("/templates/site/column.ftlh")) {
      shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try (ArchiveWatch watch = wiring.archiveWatch(() -> {})) {
      Path file =
          new Archive(wiring.config.paths().archive())
              .write(aColumn().withSlug("a-column").withDate(LocalDate.of(2025, 3, 10)).build());
      Files.createDirectories(own.getParent());
      Files.writeString(own, shipped + "<!-- first edit -->");
      watch.refreshSite(List.of(file));
      assertThat(Files.readString(page)).contains("<!-- first edit -->");

      Files.writeString(own, shipped + "<!-- second edit -->");
      watch.refreshSite(List.of());

      assertThat(Files.readString(page)).contains("<!-- second edit -->");
    }
  }

  @Test
  void aPublicationAfterAFailedBuildBuildsWhatThatOneLeftUndone() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Wiring wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
    Archive archive = new Archive(wiring.config.paths().archive());
    try (ArchiveWatch watch = wiring.archiveWatch(() -> {})) {
      archive.write(
          aColumn()
              .withSlug("a-column-the-cli-published")
              .withDate(LocalDate.of(2025, 3, 10))
              .build());
      Path broken = instance.resolve("templates/site/column.ftlh");
      Files.createDirectories(broken.getParent());
      Files.writeString(broken, "${unclosed");
      assertThatThrownBy(watch::refresh).hasMessageContaining("column.ftlh");
      Files.delete(broken);

      watch.refreshSite(List.of());

      assertThat(instance.resolve("public/2025/03/a-column-the-cli-published/index.html")).exists();
    }
  }

  @Test
  void aPublicationAfterARefreshThatFailedBeforeItsBuildLooksAtEveryFile() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Wiring wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
    Archive archive = new Archive(wiring.config.paths().archive());
    AtomicBoolean failing = new AtomicBoolean();
    try (ArchiveWatch watch =
        ArchiveWatch.open(
            archive,
            wiring.searchIndex(),
            index -> {
              if (failing.get()) {
                throw new ColumnistException("the site's settings cannot be read");
              }
              return wiring.siteBuilder(archive, index);
            },
            () -> {},
            Progress.NONE)) {
      archive.write(
          aColumn()
              .withSlug("a-column-the-cli-published")
              .withDate(LocalDate.of(2025, 3, 10))
              .build());
      failing.set(true);
      // The index takes the CLI's column in; the site's build does not start.
      assertThatThrownBy(watch::refresh).hasMessageContaining("settings");
      failing.set(false);
      Path ours =
          archive.write(
              aColumn()
                  .withSlug("published-from-the-editor")
                  .withDate(LocalDate.of(2025, 3, 11))
                  .build());

      watch.refreshSite(List.of(ours));

      assertThat(instance.resolve("public/2025/03/published-from-the-editor/index.html")).exists();
      assertThat(instance.resolve("public/2025/03/a-column-the-cli-published/index.html"))
          .as("the failed refresh's column, which no later watch would find changed")
          .exists();
    }
  }

  @Test
  void aSecondEditOfTheSameSizeAndTimeIsLiveWhenThePublisherNamesTheFile() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Wiring wiring = new Wiring(Config.load(instance.resolve("config/columnist.yml"), Map.of()));
    Archive archive = new Archive(wiring.config.paths().archive());
    try (ArchiveWatch watch = wiring.archiveWatch(() -> {})) {
      Path ours =
          archive.write(
              aColumn().withSlug("corrected-twice").withDate(LocalDate.of(2025, 3, 10)).build());
      watch.refreshSite(List.of(ours));
      FileTime time = Files.getLastModifiedTime(ours);
      String text = Files.readString(ours);
      String word = "Zanzibarian";
      int at = text.indexOf("## The last word") + "## The last word\n\n".length();
      // The same length, and the same time as a clock of coarse resolution gives.
      Files.writeString(
          ours, text.substring(0, at) + word + " " + text.substring(at + word.length() + 1));
      Files.setLastModifiedTime(ours, time);

      watch.refreshSite(List.of(ours));

      assertThat(Files.readString(instance.resolve("public/2025/03/corrected-twice/index.html")))
          .contains(word);
      assertThat(watch.index().search(SearchRequest.of(word)).hits()).hasSize(1);
    }
  }
}
