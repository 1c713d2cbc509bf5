package org.columnist.importer;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A page saved as one file ({@code .mhtml}, {@code .mht}: RFC 2557, MIME multipart/related): its
 * {@code text/html} part is the page, and its Content-Location the address it had.
 */
final class Mhtml {
  /** Larger than a page: the images come along inside. */
  static final int MAX_BYTES = 25 << 20;

  private static final Session SESSION = Session.getInstance(new Properties());

  private Mhtml() {}

  static List<Found> read(Path file) {
    byte[] bytes = TextInput.bytes(file, MAX_BYTES);
    try {
      MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
      Part page = htmlPart(message);
      if (page == null) {
        throw new Refusal(1, "holds no text/html part: is it a page saved as MHTML?");
      }
      String location = location(page);
      if (location == null) {
        // Chrome names the page's address on the whole message.
        location = location(message);
      }
      String charset = new ContentType(page.getContentType()).getParameter("charset");
      try (InputStream in = page.getInputStream()) {
        String html = PageCharset.decoded(in.readAllBytes(), charset);
        return List.of(HtmlInput.found(file, html, location));
      }
    } catch (MessagingException | IOException e) {
      throw new Refusal(1, "is not a readable MHTML file: " + e.getMessage());
    }
  }

  /** The first text/html part; RFC 2557 puts the page first (or names it by "start"). */
  private static Part htmlPart(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/html")) {
      return part;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart child = parts.getBodyPart(i);
        Part html = htmlPart(child);
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  private static String location(Part part) throws MessagingException {
    for (String name : new String[] {"Content-Location", "Snapshot-Content-Location"}) {
      String[] values = part.getHeader(name);
      if (values != null && values.length > 0 && !values[0].isBlank()) {
        return values[0].strip();
      }
    }
    return null;
  }
}
