package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;
import static org.columnist.column.Columns.aColumn;

import java.nio.file.Path;
import org.columnist.archive.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'columnist search' as a user reads it in a terminal: plain text, matches between stars. */
class SearchCommandTest {
  @TempDir Path dir;

  @Test
  void printsSnippetsAsPlainTextWithEveryEntityDecoded() {
    Path instance = dir.resolve("column");
    assertThat(columnist("init", instance.toString()).exit()).isZero();
    new Archive(instance.resolve("archive"))
        .write(
            aColumn()
                .withSlug("quirky-characters")
                .withQuestion(
                    "I don't know if our A/B tests are \"fair\": Q&A time runs 5 > 3 minutes.")
                .build());
    String config = instance.resolve("config/columnist.yml").toString();
    assertThat(columnist("index", "--config", config).exit()).isZero();

    CliTest.Result search = columnist("search", "fair", "--config", config);
    assertThat(search.exit()).as(search.err()).isZero();
    assertThat(search.out())
        .startsWith("1 column found\n")
        .contains("I don't know if our A/B tests are \"*fair*\": Q&A time runs 5 > 3 minutes.")
        .doesNotContain("&#")
        .doesNotContain("&amp;")
        .doesNotContain("<mark>");
  }
}
