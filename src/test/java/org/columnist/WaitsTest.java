package org.columnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests wait one way: Awaitility's {@code await()}, with a timeout, for a condition. A second way
 * (a sleep, a hand-written deadline loop, Selenium's own waits) would drift from it in timeouts and
 * in what it reports when the condition never comes.
 */
class WaitsTest {
  // Split so that this file does not find itself.
  private static final List<String> OTHER_WAYS =
      List.of("Thread." + "sleep(", "WebDriver" + "Wait", "Fluent" + "Wait", "nanoTime()" + " <");

  @Test
  void noTestSleepsOrWritesItsOwnPollingLoop() throws IOException {
    for (Path root : List.of(Path.of("src/test/java"), Path.of("src/bench/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          for (String way : OTHER_WAYS) {
            assertThat(text).as(file + " waits with " + way + ": use await()").doesNotContain(way);
          }
        }
      }
    }
  }
}
