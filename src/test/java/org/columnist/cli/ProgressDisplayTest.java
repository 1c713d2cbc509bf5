package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  private static final long SECOND = 1_000_000_000L;

  private final StringWriter text = new StringWriter();
  private final AtomicLong now = new AtomicLong();
  private final ProgressDisplay progress =
      new ProgressDisplay(line -> text.append(line).append('\n'), false, now::get);

  @Test
  void offATerminalLongWorkIsSaidOnALineAtEachTenth() {
    progress.started("build", "pages written", 100);
    now.addAndGet(3 * SECOND);
    IntStream.range(0, 100).forEach(i -> progress.advanced(1));
    progress.finished();
    assertThat(text.toString().lines())
        .hasSize(9)
        .startsWith("build: 10 of 100 pages written", "build: 20 of 100 pages written")
        .endsWith("build: 90 of 100 pages written");
  }

  @Test
  void slowWorkIsSaidEveryTenSecondsBetweenTenths() {
    progress.started("index", "columns indexed", 1000);
    now.addAndGet(3 * SECOND);
    progress.advanced(1);
    now.addAndGet(11 * SECOND);
    progress.advanced(1);
    now.addAndGet(11 * SECOND);
    progress.advanced(1);
    assertThat(text.toString().lines())
        .containsExactly("index: 2 of 1000 columns indexed", "index: 3 of 1000 columns indexed");
  }

  @Test
  void workDoneWithinTwoSecondsSaysNothing() {
    progress.started("check", "archive files read", 3);
    IntStream.range(0, 3).forEach(i -> progress.advanced(1));
    progress.finished();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void stepsFromManyThreadsAreAllCounted() {
    progress.started("index", "columns indexed", 10_000);
    now.addAndGet(3 * SECOND);
    IntStream.range(0, 9_999).parallel().forEach(i -> progress.advanced(1));
    progress.finished();
    assertThat(text.toString().lines())
        .hasSize(9)
        .last()
        .isEqualTo("index: 9000 of 10000 columns indexed");
  }
}
