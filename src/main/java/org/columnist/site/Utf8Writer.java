package org.columnist.site;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that keeps what is written as UTF-8 bytes, the same bytes as {@code
 * String.getBytes(UTF_8)} of all of it (an unpaired surrogate becomes '?'), without building that
 * String first. Not thread-safe: one page, one thread.
 */
final class Utf8Writer extends Writer {
  private byte[] bytes = new byte[16 * 1024];
  private int size;
  private char[] chars = new char[1024];

  /** A high surrogate written last, waiting for its low half; 0 for none. */
  private char high;

  @Override
  public void write(String s, int off, int len) {
    while (len > 0) {
      int n = Math.min(len, chars.length);
      s.getChars(off, off + n, chars, 0);
      write(chars, 0, n);
      off += n;
      len -= n;
    }
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void write(int c) {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    // At most 3 bytes a char (a surrogate pair makes 4 of 2), and 1 for a pending high surrogate.
    ensure(size + 3 * len + 1);
    byte[] b = bytes;
    int at = size;
    int end = off + len;
    int i = off;
    if (high != 0 && i < end) {
      char c = cbuf[i];
      if (Character.isLowSurrogate(c)) {
        at = pair(b, at, high, c);
        i++;
      } else {
        b[at++] = '?';
      }
      high = 0;
    }
    for (; i < end; i++) {
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
      } else if (Character.isHighSurrogate(c) && i + 1 == end) {
        high = c;
      } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(cbuf[i + 1])) {
        at = pair(b, at, c, cbuf[++i]);
      } else {
        b[at++] = '?';
      }
    }
    size = at;
  }

  private static int pair(byte[] b, int at, char high, char low) {
    int cp = Character.toCodePoint(high, low);
    b[at++] = (byte) (0xf0 | cp >> 18);
    b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
    b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
    b[at++] = (byte) (0x80 | cp & 0x3f);
    return at;
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }

  /** The bytes written so far; a surrogate still waiting for its other half counts as '?'. */
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
