package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 'build' takes in exactly what 'check' accepts: one validation of an archive file for both. */
class CheckAndBuildTest {
  private static final String SAMPLE = "2025/03/leading-the-team-you-used-to-be-part-of.md";

  @TempDir Path dir;

  @ParameterizedTest(name = "a sample column copied to archive/{0}")
  @ValueSource(
      strings = {
        "loose.md",
        "2025/leading-the-team-you-used-to-be-part-of.md",
        "2025/04/leading-the-team-you-used-to-be-part-of.md",
        "2025/03/another-name.md",
        "notes/2025/03.md"
      })
  void buildRefusesAFileThatCheckRejectsForWhereItIs(String misplaced) throws IOException {
    Path instance = dir.resolve("column");
    assertThat(columnist("init", instance.toString()).exit()).isZero();
    String config = instance.resolve("config/columnist.yml").toString();
    Path archive = instance.resolve("archive");
    Path copy = archive.resolve(misplaced);
    Files.createDirectories(copy.getParent());
    Files.move(archive.resolve(SAMPLE), copy);

    CliTest.Result check = columnist("check", "--config", config);
    assertThat(check.exit()).isEqualTo(1);
    List<String> problems = check.out().lines().toList();
    assertThat(problems).isNotEmpty().allMatch(line -> line.contains(misplaced));

    CliTest.Result build = columnist("build", "--config", config);
    assertThat(build.exit()).as(build.out()).isEqualTo(1);
    assertThat(build.err().lines()).containsExactlyElementsOf(problems);
    assertThat(instance.resolve("public/index.html")).doesNotExist();
  }
}
