package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.column.ColumnCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftsTest {
  @TempDir Path dir;
  QueueFixture fx;
  Queue queue;

  @BeforeEach
  void setUp() throws Exception {
    fx = new QueueFixture(dir);
    queue = fx.queue();
  }

  @Test
  void keepsEverySaveAsAVersionAndDiffsThem() {
    long id = fx.question();
    String v1 = queue.accept(id, "pat").text();
    String v2 = v1.replace("## Answer\n", "## Answer\n\nStart with your boss.\n");
    assertThat(queue.drafts().save(id, v2, "pat", 1)).isEqualTo(2);
    assertThat(queue.drafts().save(id, v2, "pat", 2))
        .as("unchanged text is no new version")
        .isEqualTo(2);
    assertThat(queue.drafts().history(id)).extracting(Draft::version).containsExactly(1, 2);
    assertThat(queue.drafts().diff(id, null, null))
        .contains("--- draft " + id + " version 1")
        .contains("+++ draft " + id + " version 2")
        .contains("+Start with your boss.");
    assertThat(queue.drafts().diff(id, 1, 1)).isEmpty();
  }

  @Test
  void refusesAnInvalidDraftWithItsLine() {
    long id = fx.question();
    String text = queue.accept(id, "pat").text().replace("date: 2026-10-30", "date: someday");
    assertThatThrownBy(() -> queue.drafts().save(id, text, "pat", null))
        .isInstanceOfSatisfying(
            InvalidFileException.class, e -> assertThat(e.problems().get(0).line()).isEqualTo(3));
    assertThat(queue.drafts().history(id)).hasSize(1);
  }

  @Test
  void refusesASaveOverAVersionSavedMeanwhile() {
    long id = fx.question();
    String v1 = queue.accept(id, "pat").text();
    queue.drafts().save(id, v1.replace("## Answer\n", "## Answer\n\nOne.\n"), "sam", 1);
    assertThatThrownBy(
            () ->
                queue.drafts().save(id, v1.replace("## Answer\n", "## Answer\n\nTwo.\n"), "pat", 1))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("was saved as version 2 by sam since you opened version 1");
  }

  @Test
  void startsAColumnWithoutAQuestion() {
    long id = queue.drafts().start("Five habits of good managers", "pat");
    assertThat(fx.state(id)).isEqualTo("accepted");
    assertThat(fx.column("SELECT origin FROM questions WHERE id = ?", id)).containsExactly("coach");
    assertThat(queue.drafts().latest(id).text()).contains("slug: five-habits-of-good-managers");
  }

  @Test
  void aDraftWithAnEmptyIssueSavesAndLoadsWhileAnArchiveFileMustSayIt() {
    long id = fx.question();
    String text = queue.accept(id, "pat").text().replace("## Answer\n", "## Answer\n\nOne.\n");
    assertThat(text).contains("  issue: \"\"\n");
    assertThat(queue.drafts().save(id, text, "pat", null)).isEqualTo(2);
    assertThat(Drafts.parse(id, queue.drafts().latest(id).text()).client().issue()).isNull();
    assertThatThrownBy(
            () -> ColumnCodec.read(Path.of("a.md"), text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("'client.issue' is empty");
  }
}
