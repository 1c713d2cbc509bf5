package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.columnist.column.Column;
import org.columnist.search.SearchIndex;
import org.columnist.search.SearchRequest;
import org.columnist.site.SiteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column's place is one rule ({@link Column#path()}): the publisher's URL, the archive file, the
 * site's page and the search hit all follow it, and a correction moves none of them.
 */
class ColumnPlaceTest {
  @TempDir Path dir;
  QueueFixture fx;
  Queue queue;

  @BeforeEach
  void setUp() throws Exception {
    fx = new QueueFixture(dir);
    queue = fx.queue();
  }

  @Test
  void thePublishedUrlTheArchiveFileThePageAndTheSearchHitAgreeBeforeAndAfterACorrection() {
    long id = fx.question();
    String text =
        QueueTest.withIssue(queue.accept(id, "pat").text())
            .replace("## Answer\n", "## Answer\n\nTalk to her.\n");
    queue.drafts().save(id, text, "pat", null);
    queue.move(id, Transition.REVIEW, "pat", null);
    Publisher.Published first = queue.publish(id, "pat", null);
    assertOnePlace(first, "2026/10/caught-between-my-boss-and-a-client/");

    fx.clock.set(Instant.parse("2026-12-03T15:00:00Z"));
    String corrected =
        queue
            .drafts()
            .latest(id)
            .text()
            .replace("slug: caught-between-my-boss-and-a-client", "slug: another-slug")
            .replace("Talk to her.", "Talk to her first.");
    queue.drafts().save(id, corrected, "pat", null);
    Publisher.Published again = queue.republish(id, "pat", null);
    assertOnePlace(again, "2026/10/caught-between-my-boss-and-a-client/");
  }

  private void assertOnePlace(Publisher.Published published, String path) {
    Column column = fx.archive.read(published.path());
    assertThat(column.path()).isEqualTo(path);
    assertThat(published.url()).isEqualTo("https://column.example/" + path);
    assertThat(fx.archive.root().relativize(published.path()).toString().replace('\\', '/'))
        .isEqualTo(column.archiveFile())
        .isEqualTo(path.substring(0, path.length() - 1) + ".md");

    new SiteBuilder(fx.config, fx.archive).build(false);
    assertThat(Files.isRegularFile(fx.config.paths().publicDir().resolve(path + "index.html")))
        .isTrue();
    try (SearchIndex index =
        SearchIndex.open(fx.config.paths().data().resolve("index"), SearchIndex.DEFAULT_SYNONYMS)) {
      index.update(fx.archive);
      assertThat(index.search(SearchRequest.of("")).hits())
          .singleElement()
          .satisfies(hit -> assertThat(hit.path()).isEqualTo(path));
    }
  }
}
