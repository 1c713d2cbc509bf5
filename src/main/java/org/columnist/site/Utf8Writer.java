package org.columnist.site;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that keeps what is written as UTF-8 bytes, the same bytes as {@code
 * String.getBytes(UTF_8)} of all of it (an unpaired surrogate becomes '?'), without building that
 * String first. Not thread-safe: one page, one thread.
 */
final class Utf8Writer extends Writer {
  private byte[] bytes = new byte[16 * 1024];
  private int size;

  /** A high surrogate that ended the last write, waiting for its low half; 0 for none. */
  private char high;

  @Override
  public void write(String s, int off, int len) {
    if (len == 0) {
      return;
    }
    int from = joinedHigh(s.charAt(off)) ? off + 1 : off;
    int to = off + len;
    if (to > from && Character.isHighSurrogate(s.charAt(to - 1))) {
      high = s.charAt(--to);
    }
    if (to > from) {
      // Measured under C1: String's own encoder, piece by piece, is twice as fast as a char loop
      // here, and a Latin-1 piece needs no inflating to chars.
      append(s.substring(from, to).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    if (len == 0) {
      return;
    }
    int from = joinedHigh(cbuf[off]) ? off + 1 : off;
    int to = off + len;
    if (to > from && Character.isHighSurrogate(cbuf[to - 1])) {
      high = cbuf[--to];
    }
    ensure(size + 3 * (to - from)); // at most 3 bytes a char; a surrogate pair makes 4 of 2
    byte[] b = bytes;
    int at = size;
    for (int i = from; i < to; i++) {
      char c = cbuf[i];
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else if (c < 0x800) {
        b[at++] = (byte) (0xc0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3f);
      } else if (!Character.isSurrogate(c)) {
        b[at++] = (byte) (0xe0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
        b[at++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(cbuf[i + 1])) {
        int cp = Character.toCodePoint(c, cbuf[++i]);
        b[at++] = (byte) (0xf0 | cp >> 18);
        b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
        b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
        b[at++] = (byte) (0x80 | cp & 0x3f);
      } else {
        b[at++] = '?';
      }
    }
    size = at;
  }

  /**
   * Ends a high surrogate left by the last write: encoded with {@code next} when that is its low
   * half (true: {@code next} is taken), else as '?'.
   */
  private boolean joinedHigh(char next) {
    if (high == 0) {
      return false;
    }
    String pair = new String(new char[] {high, next});
    high = 0;
    if (Character.isLowSurrogate(next)) {
      append(pair.getBytes(StandardCharsets.UTF_8));
      return true;
    }
    append(new byte[] {'?'});
    return false;
  }

  private void append(byte[] piece) {
    ensure(size + piece.length);
    System.arraycopy(piece, 0, bytes, size, piece.length);
    size += piece.length;
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }

  /** The bytes written so far; a high surrogate still waiting for its low half counts as '?'. */
  byte[] toByteArray() {
    byte[] out = Arrays.copyOf(bytes, size + (high != 0 ? 1 : 0));
    if (high != 0) {
      out[size] = '?';
    }
    return out;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
