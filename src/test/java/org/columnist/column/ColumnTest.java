package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ColumnTest {
  @Test
  void livesUnderItsPublicationYearAndMonthByItsSlug() {
    Column column =
        Columns.aColumn()
            .withSlug("caught-between-boss-and-client")
            .withDate(LocalDate.of(2008, 4, 14))
            .build();
    assertThat(column.path()).isEqualTo("2008/04/caught-between-boss-and-client/");
    assertThat(column.archiveFile()).isEqualTo("2008/04/caught-between-boss-and-client.md");
  }

  @Test
  void aCorrectionKeepsThePlace() {
    Column column = Columns.aColumn().withDate(LocalDate.of(2008, 4, 14)).build();
    Column corrected = column.withCorrected(LocalDate.of(2010, 1, 2));
    assertThat(corrected.path()).isEqualTo(column.path());
    assertThat(corrected.archiveFile()).isEqualTo(column.archiveFile());
  }
}
