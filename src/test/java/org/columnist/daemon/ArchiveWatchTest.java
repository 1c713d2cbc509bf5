package org.columnist.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.columnist.cli.CliTest;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
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
      Path sample = instance.resolve("archive/2025/03/leading-the-team-you-used-to-be-part-of.md");
      Files.writeString(
          sample.resolveSibling("a-column-the-cli-published.md"),
          Files.readString(sample)
              .replace(
                  "slug: leading-the-team-you-used-to-be-part-of",
                  "slug: a-column-the-cli-published"));
      Path broken = instance.resolve("templates/site/column.ftlh");
      Files.createDirectories(broken.getParent());
      Files.writeString(broken, "${unclosed");

      assertThatThrownBy(watch::refresh).hasMessageContaining("column.ftlh");

      Files.delete(broken);
      watch.refresh();
      assertThat(instance.resolve("public/2025/03/a-column-the-cli-published/index.html")).exists();
    }
  }
}
