package org.columnist.importer;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a saved page's bytes: a UTF-16 byte-order mark first, then the charset the page
 * declares (a {@code <meta charset>} near the top, or a MIME part's), then UTF-8 if the bytes are,
 * else Windows-1252, which old pages without a declaration usually are.
 */
final class PageCharset {
  // HTML §13.2.3.2: the declaration must sit in the first 1024 bytes; a little slack costs nothing.
  private static final int PRESCAN = 4096;
  private static final Pattern DECLARED =
      Pattern.compile("(?i)<meta[^>]*?charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private PageCharset() {}

  /** The page's text; {@code declared} is a charset named outside the page (MIME), or null. */
  static String decoded(byte[] bytes, String declared) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return TextInput.decoded(bytes);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    Charset charset = named(declared);
    if (charset == null) {
      String head =
          new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
      Matcher m = DECLARED.matcher(head);
      charset = m.find() ? named(m.group(1)) : null;
    }
    // TextInput's rule (a UTF-8 mark, UTF-8 if valid, else Windows-1252) is the one for text
    // without a declaration, in a page as in a text file.
    return charset != null ? new String(bytes, charset) : TextInput.decoded(bytes);
  }

  private static Charset named(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // HTML's encoding rules: pages labelled Latin-1 or ASCII are read as Windows-1252, which is
    // what the browsers that wrote them showed (curly quotes in 0x80-0x9F).
    if (lower.equals("iso-8859-1") || lower.equals("latin1") || lower.equals("us-ascii")) {
      return WINDOWS_1252;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
