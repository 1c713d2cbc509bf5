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
  void itsYearHasFourDigitsAndItsMonthTwo() {
    for (LocalDate date :
        new LocalDate[] {
          LocalDate.of(2008, 4, 14),
          LocalDate.of(1999, 12, 31),
          LocalDate.of(987, 1, 2),
          LocalDate.of(5, 10, 1),
          LocalDate.of(0, 1, 1),
          LocalDate.of(12345, 6, 7),
          LocalDate.of(-5, 3, 1)
        }) {
      Column column = Columns.aColumn().withSlug("s").withDate(date).build();
      String month = String.format("%04d/%02d/", date.getYear(), date.getMonthValue());
      assertThat(column.path()).isEqualTo(month + "s/");
      assertThat(column.archiveFile()).isEqualTo(month + "s.md");
    }
    assertThat(Columns.aColumn().withSlug("s").withDate(LocalDate.of(987, 1, 2)).build().path())
        .isEqualTo("0987/01/s/");
  }

  @Test
  void aCorrectionKeepsThePlace() {
    Column column = Columns.aColumn().withDate(LocalDate.of(2008, 4, 14)).build();
    Column corrected = column.withCorrected(LocalDate.of(2010, 1, 2));
    assertThat(corrected.path()).isEqualTo(column.path());
    assertThat(corrected.archiveFile()).isEqualTo(column.archiveFile());
  }
}
