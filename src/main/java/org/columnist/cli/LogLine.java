package org.columnist.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One log record as one line: time, level, part, message. Values in a message often come from
 * outside (a login name, a mail header), so every control character in it is written escaped
 * ({@code \n}, {@code \u0085}): a line in the log is always one event, never one forged by a value.
 * A bug's stack trace follows its line, each of its messages escaped the same way.
 */
final class LogLine extends Formatter {
  private static final String NL = System.lineSeparator();

  @Override
  public String format(LogRecord r) {
    StringBuilder line =
        new StringBuilder()
            .append(Instant.ofEpochMilli(r.getMillis()).truncatedTo(ChronoUnit.SECONDS))
            .append(' ')
            .append(r.getLevel() == Level.WARNING ? "WARN" : r.getLevel().getName())
            .append(' ')
            .append(escape(r.getLoggerName()))
            .append(": ")
            .append(escape(formatMessage(r)))
            .append(NL);
    if (r.getThrown() != null) {
      trace(r.getThrown(), "", line, Collections.newSetFromMap(new IdentityHashMap<>()));
    }
    return line.toString();
  }

  /** {@code s} with every control, format and line-separator character escaped. */
  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          int type = Character.getType(c);
          if (type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  // Like Throwable.printStackTrace, with the messages escaped.
  private static void trace(Throwable t, String caption, StringBuilder out, Set<Throwable> seen) {
    if (!seen.add(t)) {
      out.append(caption).append("[circular reference: ").append(escape(t.toString())).append(']');
      out.append(NL);
      return;
    }
    out.append(caption).append(escape(t.toString())).append(NL);
    for (StackTraceElement frame : t.getStackTrace()) {
      out.append("\tat ").append(escape(frame.toString())).append(NL);
    }
    for (Throwable s : t.getSuppressed()) {
      trace(s, "\tSuppressed: ", out, seen);
    }
    if (t.getCause() != null) {
      trace(t.getCause(), "Caused by: ", out, seen);
    }
  }
}
