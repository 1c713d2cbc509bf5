package org.columnist.newsletter;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as the big mailing services export it (RFC 4180): quoted fields with commas, quotes and
 * line breaks inside, CRLF or LF, and a UTF-8 byte order mark that Excel puts first. Each record
 * knows the line it started on, so that a bad one is reported where the coach can find it.
 */
final class CsvRecords {
  private final Reader in;
  private int line = 1;
  private int next = -2; // -2: nothing read ahead
  private boolean first = true;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** One record: its fields and the line it starts on. */
  record Record(int line, List<String> fields) {}

  /** The next record, or null at the end of the input. */
  Record next() throws IOException {
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c == -1) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          break; // an unterminated quote: take what there is
        } else if (c == '"') {
          int after = read();
          if (after == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = after;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int after = read();
          if (after != '\n') {
            next = after;
          }
        }
        if (c != -1) {
          line++;
        }
        break;
      } else {
        field.append((char) c);
      }
      c = read();
    }
    fields.add(field.toString());
    return new Record(start, fields);
  }

  private int read() throws IOException {
    if (next != -2) {
      int c = next;
      next = -2;
      return c;
    }
    return in.read();
  }
}
