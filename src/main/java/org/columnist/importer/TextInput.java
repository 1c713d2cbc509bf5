package org.columnist.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A plain-text or Markdown file: one column, its lines as the file has them (typography made one,
 * see {@link Typography}), a Jekyll or Hugo post's {@link FrontMatter} read as its hints.
 */
final class TextInput {
  /** Far above any column; a larger text file is not one. */
  static final int MAX_BYTES = 2 << 20;

  private TextInput() {}

  static List<Found> read(Path file) {
    String text = Typography.normalised(decoded(bytes(file, MAX_BYTES)));
    return FrontMatter.of(file, text)
        .map(fm -> found(file, text, fm))
        .orElseGet(() -> List.of(new Found(file, 1, true, text, Hints.NONE)));
  }

  private static List<Found> found(Path file, String text, FrontMatter fm) {
    int start = 0;
    for (int i = 0; i < fm.lines(); i++) {
      start = text.indexOf('\n', start) + 1;
    }
    return List.of(new Found(file, fm.lines() + 1, true, text.substring(start), fm.hints()));
  }

  /** The bytes of {@code file}, refused when it passes {@code limit}. */
  static byte[] bytes(Path file, long limit) {
    try {
      long size = Files.size(file);
      if (size > limit) {
        throw new Refusal(
            0,
            String.format(
                "is %.1f MB; an input of this kind may be at most %d MB", size / 1e6, limit >> 20));
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of {@code bytes}: UTF-8 when they are (a byte-order mark dropped), else Windows-1252,
   * which old text files on a coach's disk usually are; line ends as LF.
   */
  static String decoded(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, Charset.forName("windows-1252"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
