package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
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
  void theJarCarriesSqlitesNativeLibraryOnlyForTheSupportedPlatforms() throws IOException {
    List<String> natives;
    try (JarFile jar = new JarFile("target/columnist.jar")) {
      natives =
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith("org/sqlite/native/") && !n.endsWith("/"))
              .map(n -> n.substring("org/sqlite/native/".length(), n.lastIndexOf('/')))
              .toList();
    }
    assertThat(natives)
        .containsExactlyInAnyOrder(
            "Linux/x86_64", "Linux/aarch64", "Mac/x86_64", "Mac/aarch64", "Windows/x86_64");
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

  @Test
  void theJarHoldsTheRepositorysTemplatesOnceAndOutsideTheNewInstance() throws IOException {
    // One copy to edit: the shipped templates live in templates/, nowhere else in the sources.
    assertThat(Path.of("src/main/resources/templates")).doesNotExist();
    Path repository = Path.of("templates");
    List<String> shipped;
    try (Stream<Path> walk = Files.walk(repository)) {
      shipped =
          walk.filter(Files::isRegularFile)
              .map(
                  f ->
                      repository
                          .relativize(f)
                          .toString()
                          .replace(f.getFileSystem().getSeparator(), "/"))
              .filter(name -> !name.equals("README.md"))
              .toList();
    }
    List<String> entries;
    try (JarFile jar = new JarFile("target/columnist.jar")) {
      entries = jar.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).toList();
    }
    assertThat(shipped).contains("site/column.ftlh", "mail/ack.ftl", "editor/editor.js");
    for (String name : shipped) {
      assertThat(entries.stream().filter(e -> e.endsWith("/" + name)))
          .as(name)
          .containsExactly("templates/" + name);
    }
    assertThat(entries.stream().filter(e -> e.startsWith("instance/templates/")))
        .containsExactly("instance/templates/README.md");
  }

  @Test
  void anInstanceMadeByTheJarOverridesOneTemplateAndBuildsWithTheShippedRest() throws Exception {
    run(dir, "init", "column");
    Path instance = dir.resolve("column");
    Files.createDirectories(instance.resolve("templates/site"));
    Files.writeString(
        instance.resolve("templates/site/robots.ftl"), "User-agent: *\nDisallow: /\n");

    Run build = run(instance, "build");

    assertThat(build.exit).as(build.err).isZero();
    assertThat(instance.resolve("public/robots.txt")).hasContent("User-agent: *\nDisallow: /");
    assertThat(Files.readAllBytes(instance.resolve("public/style.css")))
        .isEqualTo(Files.readAllBytes(Path.of("templates/site/style.css")));
    assertThat(instance.resolve("public/404.html")).isRegularFile();
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
