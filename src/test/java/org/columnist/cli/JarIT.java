package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as a user would, in a child process. */
class JarIT {
  @TempDir Path dir;

  @Test
  void theJarInitsAnInstanceAndChecksItFromInsideIt() throws Exception {
    assertThat(run(dir, "--version").out).startsWith("columnist ");
    Run init = run(dir, "init", "column");
    assertThat(init.exit).as(init.err).isZero();
    Run check = run(dir.resolve("column"), "check");
    assertThat(check.exit).as(check.err).isZero();
    assertThat(check.out).contains("3 archive files: no problems");
  }

  @Test
  void outputPrintedWithoutANewlineIsNotLostAtExit() throws Exception {
    run(dir, "init", "column");
    Run draft = run(dir.resolve("column"), "draft", "new", "--title", "Flushed");
    assertThat(draft.exit).as(draft.err).isZero();
    Run show = run(dir.resolve("column"), "draft", "show", "1");
    assertThat(show.out).startsWith("---\ntitle: Flushed\n");
  }

  @Test
  void aFailureIsOneLineWithoutAStackTrace() throws Exception {
    Run check = run(dir, "check");
    assertThat(check.exit).isEqualTo(1);
    assertThat(check.err.lines().toList()).hasSize(1);
    assertThat(check.err).doesNotContain("\tat ");
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target/columnist.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
