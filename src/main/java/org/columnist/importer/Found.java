package org.columnist.importer;

import java.nio.file.Path;

/**
 * One column's worth of text found in an input, before its layout is read: the words as Markdown
 * (headings, "Q." and "A." markers and profile lines as the source had them), what the file's
 * metadata said, and where in the file the text starts, so that a report can say {@code file:line}.
 *
 * @param file the input file
 * @param line the file's line (from 1) where {@code text} begins
 * @param exactLines whether line {@code i} of {@code text} is line {@code line + i} of the file
 *     (plain text, a mail's plain body); false when the text was converted (HTML), and then every
 *     report names {@code line}
 * @param text the column's words, as Markdown
 * @param hints what the file's metadata says, apart from the text
 */
record Found(Path file, int line, boolean exactLines, String text, Hints hints) {

  /** The file's line for line {@code textLine} (from 0) of {@link #text}. */
  int at(int textLine) {
    return exactLines ? line + textLine : line;
  }
}
