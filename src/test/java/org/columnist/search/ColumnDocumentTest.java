package org.columnist.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.columnist.column.Column;
import org.columnist.column.Columns;
import org.junit.jupiter.api.Test;

class ColumnDocumentTest {
  @Test
  void aColumnsDocumentShowsAsAHitAtTheColumnsOwnPath() {
    Column column =
        Columns.aColumn()
            .withSlug("caught-between-boss-and-client")
            .withDate(LocalDate.of(2008, 4, 14))
            .withTags("managing up")
            .withQuestion("My boss & my client <both> want my loyalty.")
            .build();
    Document doc = ColumnDocument.of(column, column.archiveFile(), "hash", "1:2");

    Hit hit = ColumnDocument.hit(doc, null);

    assertThat(hit.slug()).isEqualTo("caught-between-boss-and-client");
    assertThat(hit.path()).isEqualTo(column.path());
    assertThat(hit.date()).isEqualTo("2008-04-14");
    assertThat(hit.tags()).containsExactly("managing up");
    assertThat(hit.snippet()).isEqualTo("My boss &amp; my client &lt;both&gt; want my loyalty.");
  }
}
