package org.columnist.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Nu HTML Checker (the W3C's validator), run as a child process on the classpath the build
 * wrote to the file named by the {@code nu.checker.classpath} system property (see pom.xml): it
 * brings a Jetty that cannot share this process's classpath.
 */
final class NuChecker {
  private NuChecker() {}

  /** The checker's errors in {@code files}, one line each ("file":line.col: error: message). */
  static List<String> errors(List<Path> files) throws IOException, InterruptedException {
    String classpathFile = System.getProperty("nu.checker.classpath");
    if (classpathFile == null) {
      throw new IllegalStateException("run through Maven: nu.checker.classpath is not set");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Files.readString(Path.of(classpathFile)),
                "nu.validator.client.SimpleCommandLineValidator",
                // Warnings are advice (e.g. about heading structure), not invalid markup.
                "--errors-only",
                "--format",
                "gnu"));
    files.forEach(f -> command.add(f.toString()));
    // Its output goes to a file, so that the wait below can time out while it runs.
    Path log = Files.createTempFile("nu-checker", ".log");
    Process checker =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!checker.waitFor(5, TimeUnit.MINUTES)) {
      checker.destroyForcibly();
      throw new AssertionError("the checker did not finish in 5 minutes: " + Files.readString(log));
    }
    List<String> output = Files.readString(log, StandardCharsets.UTF_8).lines().toList();
    Files.delete(log);
    List<String> errors = output.stream().filter(l -> l.contains(": error: ")).toList();
    // Exit 1 means errors were found; anything else unexplained is the checker failing to run.
    if (checker.exitValue() != 0 && errors.isEmpty()) {
      throw new AssertionError("the checker exited " + checker.exitValue() + ": " + output);
    }
    return errors;
  }
}
