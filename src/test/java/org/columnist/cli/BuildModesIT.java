package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.column.Columns.aColumn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.columnist.archive.Archive;
import org.columnist.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A first build gives every page and folder the modes a web server running as another user can
 * read, whatever the umask of the process that builds: it leaves out setting them only where the
 * umask already gives them.
 */
class BuildModesIT {
  @ParameterizedTest
  @ValueSource(strings = {"022", "077", "027"})
  void aFirstBuildMakesPagesAndFoldersEveryoneCanRead(String umask) throws Exception {
    Path instance = Files.createTempDirectory("build-modes-");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Path config = instance.resolve("config/columnist.yml");
    new Archive(Config.load(config, Map.of()).paths().archive())
        .write(aColumn().withSlug("a-column").withDate(LocalDate.of(2025, 3, 10)).build());

    Process build =
        new ProcessBuilder(
                List.of(
                    "sh",
                    "-c",
                    "umask " + umask + " && exec \"$0\" -jar \"$1\" build --config \"$2\"",
                    DemoIT.java(),
                    DemoIT.jar(),
                    config.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(output).isZero();

    Path site = instance.resolve("public");
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as("umask %s: %s", umask, site.relativize(p))
            .isEqualTo(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--");
      }
    }
    assertThat(site.resolve("2025/03/a-column/index.html")).exists();
    try (Stream<Path> entries = Files.list(site)) {
      assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("probe"));
    }
  }
}
