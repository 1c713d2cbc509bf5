package org.columnist.importer;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An mbox file: many e-mails, one column each, after "From " separator lines (mboxo and mboxrd:
 * "&gt;From " in a body loses one "&gt;").
 *
 * <p>The lines are split here rather than by Apache mime4j's mbox iterator (0.8.9 is the version
 * served): it tells no line numbers, which every {@link Found} needs for {@code file:line}, does
 * not unescape "&gt;From ", and decodes the whole file in one charset, where each message names its
 * own. The format is one rule, a line that starts with "From " after a blank line.
 */
final class MboxInput {
  /** Whole years of mail fit; larger is refused rather than read into memory. */
  static final long MAX_BYTES = 200L << 20;

  private MboxInput() {}

  static List<Found> read(Path file) {
    byte[] bytes = TextInput.bytes(file, MAX_BYTES);
    List<Found> found = new ArrayList<>();
    ByteArrayOutputStream message = null;
    int messageLine = 0;
    int lineNumber = 0;
    boolean afterBlank = true;
    for (int start = 0; start < bytes.length; ) {
      int end = lineEnd(bytes, start);
      lineNumber++;
      if (afterBlank && startsWith(bytes, start, "From ")) {
        if (message != null) {
          found.add(MailMessage.found(file, messageLine, message.toByteArray()));
        }
        message = new ByteArrayOutputStream();
        messageLine = lineNumber + 1;
      } else if (message == null) {
        throw new Refusal(lineNumber, "is not an mbox: it does not start with a \"From \" line");
      } else {
        // mboxrd: ">From ", ">>From "... were written for a body's "From ", ">From "...
        int from = escapedFrom(bytes, start) ? start + 1 : start;
        message.write(bytes, from, end - from);
      }
      afterBlank = isBlank(bytes, start, end);
      start = end;
    }
    if (message != null) {
      found.add(MailMessage.found(file, messageLine, message.toByteArray()));
    }
    if (found.isEmpty()) {
      throw new Refusal(0, "is an empty mbox");
    }
    return found;
  }

  /** The index after the line's LF, or the end. */
  private static int lineEnd(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return bytes.length;
  }

  private static boolean startsWith(byte[] bytes, int start, String prefix) {
    if (start + prefix.length() > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[start + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean escapedFrom(byte[] bytes, int start) {
    int i = start;
    while (i < bytes.length && bytes[i] == '>') {
      i++;
    }
    return i > start && startsWith(bytes, i, "From ");
  }

  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] != '\n' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
