package org.columnist.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per event on stderr ({@link LogLine}): time, level, part, message, values escaped. No
 * stack traces for the expected; bugs print theirs.
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
    handler.setFormatter(new LogLine());
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    // Libraries log their internals at INFO; an operator wants Columnist's own events.
    for (String name : new String[] {"org", "io.javalin", "freemarker", "com.icegreen"}) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.WARNING);
      QUIETED.add(logger);
    }
  }
}
