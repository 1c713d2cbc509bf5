package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ColumnRoundTripTest {
  private static final Path FILE = Path.of("generated.md");

  @Test
  void everyGeneratedColumnReadsBackAsWritten() {
    RandomColumns columns = new RandomColumns(20260423);
    for (int i = 0; i < 2_000; i++) {
      Column column = columns.next();
      String written = ColumnCodec.write(column);
      assertThat(read(written)).as("column %d:%n%s", i, written).isEqualTo(column);
    }
  }

  @Test
  void everyGeneratedColumnReadsBackFromCrlfInput() {
    RandomColumns columns = new RandomColumns(7);
    for (int i = 0; i < 500; i++) {
      Column column = columns.next();
      String written = ColumnCodec.write(column).replace("\n", "\r\n");
      assertThat(read(written)).as("column %d", i).isEqualTo(column);
    }
  }

  @Test
  void writingIsStableAfterOneRoundTrip() {
    RandomColumns columns = new RandomColumns(99);
    for (int i = 0; i < 200; i++) {
      String once = ColumnCodec.write(columns.next());
      assertThat(ColumnCodec.write(read(once))).isEqualTo(once);
    }
  }

  private static Column read(String text) {
    return ColumnCodec.read(FILE, text.getBytes(StandardCharsets.UTF_8));
  }
}
