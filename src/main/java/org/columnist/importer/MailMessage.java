package org.columnist.importer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One e-mail of a column (from a {@code .eml} file or one message of an mbox) as a {@link Found}:
 * its text/plain body, else its text/html body as Markdown, without quoted replies or the
 * signature; attachments are not read. The Subject is the title, the Date header only a {@code
 * sent} date (a dateline in the text wins), and the From's name the author when it is a person's.
 *
 * <p>Broken mail is read the way intake reads it: Jakarta Mail's lenient switches are set at start
 * by {@code mail/MimeLeniency.install()} ({@code cli/Main.run}, and for the tests a JUnit
 * extension); the importer may not call {@code mail}, so it relies on that start-up.
 */
final class MailMessage {
  // No provider is needed to parse: the session only carries properties.
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final Pattern SUBJECT_PREFIX =
      Pattern.compile("(?i)^\\s*(re|fwd?|fw|aw|column)\\s*(\\[\\d+])?\\s*:\\s*");

  private MailMessage() {}

  /**
   * The column in the message {@code raw}, whose first line is line {@code firstLine} of {@code
   * file}; throws {@link Refusal} for bytes that are not a mail with a text body.
   */
  static Found found(Path file, int firstLine, byte[] raw) {
    try {
      MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      if (message.getHeader("From") == null
          && message.getHeader("Subject") == null
          && message.getHeader("Date") == null) {
        throw new Refusal(firstLine, "is not an e-mail: it has no From, Subject or Date header");
      }
      int bodyLine = firstLine + MailBody.headerLines(raw);
      MailBody body =
          MailBody.of(message)
              .orElseThrow(
                  () -> new Refusal(bodyLine, "has no text/plain or text/html part to import"));
      String text = OwnWords.of(body.text());
      int leading = leadingBlankLines(text);
      return new Found(
          file,
          body.exact() ? bodyLine + leading : bodyLine,
          body.exact(),
          text.strip(),
          new Hints(
              title(message, text), null, sent(message), author(message), List.of(), List.of()));
    } catch (MessagingException e) {
      throw new Refusal(firstLine, "is not a readable e-mail: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // A subject often wraps the headline ("Column for Tuesday: The ..."): when the body's first line
  // is the headline the subject holds, the body says it best and the layout takes it from there.
  private static String title(MimeMessage message, String text) throws MessagingException {
    String subject = message.getSubject();
    if (subject == null || subject.isBlank()) {
      return null;
    }
    String first = Markup.plain(text.strip().lines().findFirst().orElse(""));
    if (!first.isEmpty()
        && Typography.normalised(subject)
            .toLowerCase(Locale.ROOT)
            .contains(first.toLowerCase(Locale.ROOT))) {
      return null;
    }
    String title = subject.strip();
    for (String cut = SUBJECT_PREFIX.matcher(title).replaceFirst("");
        !cut.equals(title);
        cut = SUBJECT_PREFIX.matcher(title).replaceFirst("")) {
      title = cut;
    }
    return title.isBlank() ? null : Typography.normalised(title);
  }

  /** The From's display name when it looks like a person's: two to four words, no digits. */
  private static String author(MimeMessage message) {
    Address[] from;
    try {
      from = message.getFrom();
    } catch (MessagingException e) {
      return null; // an unreadable From names no one
    }
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
      return null;
    }
    String name = address.getPersonal();
    if (name == null) {
      return null;
    }
    name = name.strip().replaceAll("\\s+", " ");
    return name.matches("\\p{L}[\\p{L}.'-]*( \\p{L}[\\p{L}.'-]*){1,3}") ? name : null;
  }

  /**
   * The day the Date header names, in the sender's own offset (a column sent late on April 14 in
   * New York was sent on April 14); null when there is none or it cannot be read.
   */
  private static LocalDate sent(MimeMessage message) throws MessagingException {
    String header = message.getHeader("Date", null);
    if (header == null) {
      return null;
    }
    // RFC 5322 §3.3 allows a trailing comment, "(PDT)", which the JDK's parser does not.
    String date = header.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip().replaceAll("\\s+", " ");
    try {
      return OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      Date lenient = message.getSentDate(); // Jakarta Mail reads more forms; the day is then UTC's
      return lenient == null ? null : lenient.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }

  private static int leadingBlankLines(String text) {
    int count = 0;
    for (String line : text.split("\n", -1)) {
      if (!line.isBlank()) {
        break;
      }
      count++;
    }
    return count;
  }
}
