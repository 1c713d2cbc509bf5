package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LoggingTest {
  @Test
  void aBugIsLoggedWithItsStackTraceAndAnExpectedFailureAsOneLine() {
    LogRecord bug = new LogRecord(Level.SEVERE, "scheduler failed: a bug; will try again");
    bug.setLoggerName("timers");
    bug.setThrown(new NullPointerException());
    LogRecord expected = new LogRecord(Level.WARNING, "outbox failed: SMTP refused");
    expected.setLoggerName("timers");

    String bugLines = new Logging.Line().format(bug);
    String expectedLines = new Logging.Line().format(expected);

    assertThat(bugLines)
        .contains("SEVERE timers: scheduler failed: a bug; will try again")
        .contains("java.lang.NullPointerException")
        .contains("at org.columnist.cli.LoggingTest.");
    assertThat(expectedLines.lines())
        .singleElement()
        .asString()
        .endsWith("WARN timers: outbox failed: SMTP refused");
  }
}
