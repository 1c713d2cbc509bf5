package org.columnist.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per event on stderr: time, level, part, message. Only a bug (an event with an exception)
 * adds its stack trace, the expected failures carry their reason in the message.
 */
final class Logging {
  // JUL keeps loggers weakly: without these references the levels set below would be lost.
  private static final java.util.List<Logger> QUIETED = new java.util.ArrayList<>();

  private Logging() {}

  static void configure() {
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new Line());
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    // Libraries log their internals at INFO; an operator wants Columnist's own events.
    for (String name : new String[] {"org", "io.javalin", "freemarker", "com.icegreen"}) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.WARNING);
      QUIETED.add(logger);
    }
  }

  /** The format of {@link #configure}: one line, and the stack trace of a bug below it. */
  static final class Line extends Formatter {
    @Override
    public String format(LogRecord r) {
      String line =
          Instant.ofEpochMilli(r.getMillis()).truncatedTo(ChronoUnit.SECONDS)
              + " "
              + (r.getLevel() == Level.WARNING ? "WARN" : r.getLevel().getName())
              + " "
              + r.getLoggerName()
              + ": "
              + formatMessage(r)
              + System.lineSeparator();
      if (r.getThrown() == null) {
        return line;
      }
      StringWriter trace = new StringWriter();
      try (PrintWriter out = new PrintWriter(trace)) {
        r.getThrown().printStackTrace(out);
      }
      return line + trace;
    }
  }
}
