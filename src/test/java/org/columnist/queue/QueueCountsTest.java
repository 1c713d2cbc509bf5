package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueCountsTest {
  @TempDir Path dir;

  @Test
  void countsEveryStateInOrderWithTheEmptyOnesAtZero() throws Exception {
    QueueFixture fx = new QueueFixture(dir);
    Queue queue = fx.queue();
    fx.question();
    long declined = fx.question();
    queue.decline(declined, "pat", null, false);
    queue.accept(fx.question(), "pat");
    queue.drafts().start("A column of the coach's own", "pat");

    assertThat(queue.counts())
        .containsExactly(
            Map.entry("new", 1),
            Map.entry("accepted", 2),
            Map.entry("in_review", 0),
            Map.entry("scheduled", 0),
            Map.entry("published", 0),
            Map.entry("declined", 1),
            Map.entry("spam", 0),
            Map.entry("withdrawn", 0),
            Map.entry("merged", 0));
  }
}
