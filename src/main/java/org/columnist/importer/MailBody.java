package org.columnist.importer;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.Optional;

/**
 * The text of a mail that is the column: the first text/plain part that is not an attachment, else
 * the first text/html one as Markdown. A charset Java does not know is read as UTF-8 when the bytes
 * are, else as Windows-1252 ({@link TextInput#decoded}), rather than refused.
 *
 * @param text the body, LF line ends
 * @param exact whether its lines are the file's: a whole-message text/plain body in 7bit or 8bit
 */
record MailBody(String text, boolean exact) {
  /** Deeper than any mailer nests; a message nested further is not a column. */
  private static final int MAX_DEPTH = 8;

  static Optional<MailBody> of(MimePart message) throws MessagingException, IOException {
    Optional<MailBody> plain = first(message, "text/plain", 0);
    if (plain.isPresent()) {
      String encoding = message.getEncoding();
      boolean whole = message.isMimeType("text/plain");
      boolean raw =
          encoding == null
              || encoding.equalsIgnoreCase("7bit")
              || encoding.equalsIgnoreCase("8bit")
              || encoding.equalsIgnoreCase("binary");
      return Optional.of(new MailBody(plain.get().text(), whole && raw));
    }
    return first(message, "text/html", 0)
        .map(html -> new MailBody(HtmlMarkdown.of(html.text()), false));
  }

  private static Optional<MailBody> first(Part part, String type, int depth)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (part.isMimeType("multipart/*")) {
      if (!(part.getContent() instanceof Multipart multipart)) {
        return Optional.empty();
      }
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<MailBody> found = first(multipart.getBodyPart(i), type, depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (!part.isMimeType(type) || isAttachment(part)) {
      return Optional.empty();
    }
    return Optional.of(new MailBody(text(part), false));
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
  }

  private static String text(Part part) throws MessagingException, IOException {
    try {
      if (part.getContent() instanceof String text) {
        return lf(text);
      }
    } catch (UnsupportedEncodingException e) {
      // an unknown charset: decoded below
    }
    try (InputStream in = part.getInputStream()) {
      return TextInput.decoded(in.readAllBytes());
    }
  }

  private static String lf(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** How many lines the header block of {@code raw} takes, its blank line included. */
  static int headerLines(byte[] raw) {
    int lines = 0;
    boolean lineEmpty = true;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\n') {
        lines++;
        if (lineEmpty) {
          return lines;
        }
        lineEmpty = true;
      } else if (raw[i] != '\r') {
        lineEmpty = false;
      }
    }
    return lines;
  }
}
