package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineTest {
  static String format(String message, Throwable thrown) {
    LogRecord r = new LogRecord(Level.WARNING, message);
    r.setLoggerName("editor");
    r.setThrown(thrown);
    return new LogLine().format(r);
  }

  @Test
  void aNewlineInAValueCannotForgeALine() {
    String forged =
        "failed login for 'pat\n2026-12-01T10:00:00Z INFO editor: pat logged in' from x";
    String line = format(forged, null);
    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .endsWith(
            "WARN editor: failed login for 'pat\\n2026-12-01T10:00:00Z INFO editor: pat logged in'"
                + " from x"
                + System.lineSeparator());
  }

  @Test
  void everyControlAndLineSeparatorIsEscaped() {
    assertThat(LogLine.escape("a\rb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029i\u202ej"))
        .isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029i\\u202ej");
    assertThat(LogLine.escape("Zoë’s question — «ok»")).isEqualTo("Zoë’s question — «ok»");
  }

  @Test
  void aBugStillPrintsItsStackTraceWithItsCauseAndEscapedMessages() {
    IllegalStateException bug =
        new IllegalStateException("broken\nINFO editor: forged", new ArithmeticException("cause"));
    String text = format("Uncaught exception", bug);
    assertThat(text.lines().toList())
        .first()
        .asString()
        .endsWith("WARN editor: Uncaught exception");
    assertThat(text)
        .contains("java.lang.IllegalStateException: broken\\nINFO editor: forged")
        .contains("\tat org.columnist.cli.LogLineTest.")
        .contains("Caused by: java.lang.ArithmeticException: cause");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("INFO editor: forged"));
  }
}
