package org.columnist.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message into a {@link ParsedMail} without ever failing on what readers'
 * mailers send: unknown or wrong charsets fall back (with a warning), broken MIME is read as plain
 * text, HTML-only mail becomes text.
 */
final class MailParser {
  /** Text beyond this is not a question any more; the raw message keeps it all. */
  private static final int MAX_TEXT = 1 << 20;

  private static final Pattern ANGLE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern REPORTED_ID =
      Pattern.compile("(?im)^(?:original-)?message-id\\s*:\\s*(<[^<>\\s]+>)");
  private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  // Its leniency switches are JVM-wide: MimeLeniency sets them at start.
  private static final Session SESSION = Session.getInstance(new Properties());

  private MailParser() {}

  static ParsedMail parse(byte[] raw) {
    MimeLeniency.requireInstalled();
    List<String> warnings = new ArrayList<>();
    MimeMessage message;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    } catch (MessagingException e) {
      throw new UnparseableMailException("cannot read the message headers: " + e.getMessage());
    }
    Map<String, String> headers = headers(message);
    Body body = new Body(warnings);
    body.walk(message, 0);
    String text = body.text();
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT);
      warnings.add("text cut at " + MAX_TEXT + " characters");
    }
    InternetAddress from = from(headers.get("from"), warnings);
    QuoteTrimmer.Trimmed trimmed = QuoteTrimmer.cut(text);
    return new ParsedMail(
        clean(headers.get("message-id")),
        from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
        from == null ? null : from.getPersonal(),
        subject(message, headers, warnings),
        date(message),
        ids(headers.getOrDefault("in-reply-to", "") + " " + headers.getOrDefault("references", "")),
        headers,
        contentType(message),
        text,
        trimmed.question(),
        trimmed.signature(),
        body.attachments,
        body.reported,
        body.report,
        warnings);
  }

  /** The message's HTML part as sent ("" when it has none): for showing it, once cleaned. */
  static String htmlPart(byte[] raw) {
    MimeLeniency.requireInstalled();
    try {
      MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      Body body = new Body(new ArrayList<>());
      body.walk(message, 0);
      return body.html.toString();
    } catch (MessagingException e) {
      return "";
    }
  }

  /** A message that cannot be read at all: intake records it as rejected with this reason. */
  static final class UnparseableMailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnparseableMailException(String message) {
      super(message);
    }
  }

  private static Map<String, String> headers(MimeMessage message) {
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      for (var all = message.getAllHeaders(); all.hasMoreElements(); ) {
        Header h = all.nextElement();
        headers.putIfAbsent(
            h.getName().toLowerCase(Locale.ROOT),
            h.getValue() == null ? "" : MimeUtility.unfold(h.getValue()).strip());
      }
    } catch (MessagingException e) {
      throw new UnparseableMailException("cannot read the message headers: " + e.getMessage());
    }
    return headers;
  }

  private static InternetAddress from(String header, List<String> warnings) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
      if (addresses.length > 0
          && addresses[0].getAddress() != null
          && addresses[0].getAddress().contains("@")) {
        return addresses[0];
      }
    } catch (AddressException e) {
      warnings.add("unreadable From header: " + e.getMessage());
    }
    Matcher m = BARE_ADDRESS.matcher(header);
    if (!m.find()) {
      return null;
    }
    InternetAddress address = new InternetAddress();
    address.setAddress(m.group());
    return address;
  }

  private static String subject(
      MimeMessage message, Map<String, String> headers, List<String> warnings) {
    String raw = headers.get("subject");
    if (raw == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(raw).strip();
    } catch (IOException e) {
      warnings.add("subject in an unknown charset: " + e.getMessage());
      return raw;
    }
  }

  private static Instant date(MimeMessage message) {
    try {
      Date sent = message.getSentDate();
      return sent == null ? null : sent.toInstant();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String contentType(Part part) {
    try {
      String type = part.getContentType();
      return type == null ? "text/plain" : type;
    } catch (MessagingException e) {
      return "text/plain";
    }
  }

  static List<String> ids(String text) {
    List<String> ids = new ArrayList<>();
    Matcher m = ANGLE_ID.matcher(text);
    while (m.find()) {
      if (!ids.contains(m.group())) {
        ids.add(m.group());
      }
    }
    return ids;
  }

  private static String clean(String messageId) {
    if (messageId == null) {
      return null;
    }
    List<String> ids = ids(messageId);
    return ids.isEmpty() ? (messageId.isBlank() ? null : messageId.strip()) : ids.get(0);
  }

  /** Walks the MIME tree, collecting the text parts, the attachments and reported IDs. */
  private static final class Body {
    final List<String> warnings;
    final List<ParsedMail.Attachment> attachments = new ArrayList<>();
    final List<String> reported = new ArrayList<>();
    final Map<String, String> report = new LinkedHashMap<>();
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();

    Body(List<String> warnings) {
      this.warnings = warnings;
    }

    String text() {
      return plain.length() > 0 ? plain.toString().strip() : HtmlText.of(html.toString());
    }

    void walk(Part part, int depth) {
      if (depth > 20) {
        warnings.add("MIME nested deeper than 20 levels; the rest is ignored");
        return;
      }
      String type = baseType(part);
      try {
        if (type.startsWith("multipart/")) {
          multipart(part, type, depth);
        } else if (type.equals("message/rfc822") && !isAttachment(part)) {
          Object content = part.getContent();
          if (content instanceof MimeMessage nested && nested.getMessageID() != null) {
            // RFC 5965 §2: a complaint carries the reported message whole.
            addReported(nested.getMessageID());
          }
          if (content instanceof Part nested) {
            walk(nested, depth + 1);
          }
        } else if (type.equals("message/delivery-status")
            || type.equals("message/feedback-report")) {
          String fields = decode(part, type);
          collectReportedIds(fields);
          collectFields(fields);
        } else if (type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")) {
          collectReportedIds(decode(part, type));
        } else if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part)) {
          StringBuilder target = type.equals("text/plain") ? plain : html;
          target.append(target.length() > 0 ? "\n\n" : "").append(decode(part, type));
        } else {
          attachment(part, type);
        }
      } catch (MessagingException | IOException e) {
        warnings.add("unreadable " + type + " part (" + e.getMessage() + "); read as plain text");
        rawText(part);
      }
    }

    private void multipart(Part part, String type, int depth)
        throws MessagingException, IOException {
      Object content = part.getContent();
      if (!(content instanceof Multipart multipart)) {
        warnings.add("broken " + type + "; read as plain text");
        rawText(part);
        return;
      }
      int count = multipart.getCount();
      if (count == 0) {
        // A boundary that never appears: the reader's words are still there, unstructured.
        warnings.add("broken " + type + ": its boundary never appears; read as plain text");
        rawText(part);
        return;
      }
      if (type.equals("multipart/alternative")) {
        BodyPart best = null;
        for (int i = 0; i < count; i++) {
          BodyPart candidate = multipart.getBodyPart(i);
          if (best == null
              || candidate.isMimeType("text/plain") && !best.isMimeType("text/plain")) {
            best = candidate;
          }
        }
        if (best != null) {
          walk(best, depth + 1);
        }
        return;
      }
      for (int i = 0; i < count; i++) {
        walk(multipart.getBodyPart(i), depth + 1);
      }
    }

    private void collectReportedIds(String text) {
      Matcher m = REPORTED_ID.matcher(text);
      while (m.find()) {
        addReported(m.group(1));
      }
    }

    private void addReported(String messageId) {
      String id = clean(messageId);
      if (id != null && !reported.contains(id)) {
        reported.add(id);
      }
    }

    /** "Name: value" lines, folded lines joined (RFC 3464 §2.1); the first of each name wins. */
    private void collectFields(String text) {
      String unfolded = text.replaceAll("\\r?\\n[ \\t]+", " ");
      for (String line : unfolded.split("\\r?\\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
          report.putIfAbsent(
              line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).strip());
        }
      }
    }

    private void attachment(Part part, String type) throws MessagingException, IOException {
      String name = part.getFileName();
      if (name != null) {
        try {
          name = MimeUtility.decodeText(name);
        } catch (IOException e) {
          warnings.add("attachment name in an unknown charset");
        }
      }
      long size = 0;
      try (InputStream in = part.getInputStream()) {
        size = in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      attachments.add(new ParsedMail.Attachment(name, type, size));
    }

    // When MIME structure fails, the reader's words are still in the raw body.
    private void rawText(Part part) {
      try (InputStream in =
          part instanceof MimeMessage m ? m.getRawInputStream() : part.getInputStream()) {
        plain.append(decodeBytes(in.readAllBytes(), null));
      } catch (MessagingException | IOException e) {
        warnings.add("no readable text: " + e.getMessage());
      }
    }

    private String decode(Part part, String type) throws MessagingException, IOException {
      String charset = null;
      try {
        charset = new ContentType(part.getContentType()).getParameter("charset");
      } catch (MessagingException | RuntimeException e) {
        warnings.add("broken Content-Type '" + part.getContentType() + "'; charset guessed");
      }
      byte[] bytes;
      try (InputStream in = part.getInputStream()) {
        bytes = in.readNBytes(MAX_TEXT * 4);
      }
      return decodeBytes(bytes, charset);
    }

    /**
     * Decodes with the declared charset when it is known and fits; otherwise tries UTF-8, then
     * windows-1252 (which maps every byte), and records why.
     */
    String decodeBytes(byte[] bytes, String declared) {
      String label = declared == null ? null : declared.strip().replace("\"", "");
      Charset charset = null;
      if (label != null && !label.isEmpty()) {
        try {
          charset = Charset.forName(MimeUtility.javaCharset(label));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          warnings.add(
              "unknown charset '"
                  + label
                  + "'; read as "
                  + (strict(bytes, StandardCharsets.UTF_8) != null ? "UTF-8" : "windows-1252"));
        }
      }
      if (charset != null) {
        String text = strict(bytes, charset);
        if (text != null) {
          return text;
        }
        String fallback =
            charset.equals(StandardCharsets.UTF_8) || charset.name().equals("US-ASCII")
                ? "windows-1252"
                : charset.name() + " with replacements";
        warnings.add("text is not valid " + charset.name() + " as labelled; read as " + fallback);
        return fallback.equals("windows-1252")
            ? new String(bytes, WINDOWS_1252)
            : new String(bytes, charset);
      }
      String utf8 = strict(bytes, StandardCharsets.UTF_8);
      return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
    }

    private static String strict(byte[] bytes, Charset charset) {
      try {
        return charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }

    private static boolean isAttachment(Part part) {
      try {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
            || part.getFileName() != null;
      } catch (MessagingException e) {
        return false;
      }
    }

    private String baseType(Part part) {
      String type = contentType(part);
      try {
        return new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
      } catch (MessagingException | RuntimeException e) {
        String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        warnings.add("broken Content-Type '" + type + "'");
        return base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? base : "text/plain";
      }
    }
  }
}
