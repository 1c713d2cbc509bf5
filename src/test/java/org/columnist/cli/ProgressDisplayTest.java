package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  private final StringWriter text = new StringWriter();

  @Test
  void offATerminalItSaysEachTenthOfTheWorkOnALine() {
    ProgressDisplay progress = new ProgressDisplay(new PrintWriter(text), false);
    progress.started("build", "pages written", 100);
    IntStream.range(0, 100).forEach(i -> progress.advanced(1));
    progress.finished();
    assertThat(text.toString().lines())
        .hasSize(9)
        .first()
        .isEqualTo("build: 10 of 100 pages written");
    assertThat(text.toString().lines()).last().isEqualTo("build: 90 of 100 pages written");
  }

  @Test
  void stepsFromManyThreadsAreAllCounted() {
    ProgressDisplay progress = new ProgressDisplay(new PrintWriter(text), false);
    progress.started("index", "columns indexed", 10_000);
    IntStream.range(0, 9_999).parallel().forEach(i -> progress.advanced(1));
    progress.finished();
    assertThat(text.toString().lines()).hasSize(9).allMatch(l -> l.startsWith("index: "));
  }

  @Test
  void workOfOneStepSaysNothing() {
    ProgressDisplay progress = new ProgressDisplay(new PrintWriter(text), false);
    progress.started("build", "pages written", 1);
    progress.advanced(1);
    progress.finished();
    assertThat(text.toString()).isEmpty();
  }
}
