package org.columnist.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.columnist.ColumnistException;
import org.columnist.config.NewsletterSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DKIM signatures checked as a receiver would: relaxed canonicalization and RSA-SHA256. */
class DkimSigningTest {
  static KeyPair keys;
  @TempDir Path dir;

  @BeforeAll
  static void makeKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  private NewsletterSettings.Dkim pemKey() throws Exception {
    Path file = dir.resolve("dkim.pem");
    Files.writeString(
        file,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return new NewsletterSettings.Dkim("column.example", "s2026", file);
  }

  private static ClaimedMail newsletter() {
    return new ClaimedMail(
        7,
        "newsletter",
        "ann@example.com",
        "Managing up - Coach's Corner",
        "The column,   with  spaces.  \n\n\n",
        "<p>The column</p>",
        1L,
        List.of(
            "List-Unsubscribe: <https://column.example/newsletter/unsubscribe?t=abc~def>,"
                + " <mailto:ask@column.example?subject=unsubscribe>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            "List-Id: Coach's Corner <newsletter.column.example>",
            "Precedence: bulk",
            "Auto-Submitted: auto-generated"),
        "<0123abcd-1111@column.example>",
        null,
        0,
        null);
  }

  private static String signed(DkimSigning signing) throws Exception {
    Session session = Session.getInstance(new Properties());
    MimeMessage message =
        signing.sign(
            newsletter()
                .toMime(
                    session,
                    "Coach's Corner <ask@column.example>",
                    "ask+bounce-7-0123abcd@column.example"));
    assertThat(message.getMessageID()).isEqualTo("<0123abcd-1111@column.example>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    // As SMTP carries it: every line ends in CRLF (JavaMail writes a 7bit part's bare LFs as is).
    return out.toString(StandardCharsets.US_ASCII).replaceAll("\r?\n", "\r\n");
  }

  @Test
  void signsTheListUnsubscribeHeadersWithASignatureThatVerifies() throws Exception {
    String raw = signed(DkimSigning.of(pemKey()));

    int split = raw.indexOf("\r\n\r\n");
    List<String[]> headers = headers(raw.substring(0, split + 2));
    String signature =
        headers.stream().filter(h -> h[0].equalsIgnoreCase("DKIM-Signature")).findFirst().get()[1];
    Map<String, String> tags = tags(signature);
    List<String> signedNames =
        List.of(tags.get("h").toLowerCase(Locale.ROOT).replaceAll("\\s", "").split(":"));

    assertThat(signedNames)
        .contains(
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "list-unsubscribe",
            "list-unsubscribe-post");
    assertThat(tags.get("d")).isEqualTo("column.example");
    assertThat(tags.get("s")).isEqualTo("s2026");
    assertThat(tags.get("bh")).isEqualTo(bodyHash(raw.substring(split + 4)));

    StringBuilder canonical = new StringBuilder();
    for (String name : signedNames) {
      headers.stream()
          .filter(h -> h[0].equalsIgnoreCase(name))
          .findFirst()
          .ifPresent(h -> canonical.append(relaxed(h[0], h[1])).append("\r\n"));
    }
    canonical.append(relaxed("DKIM-Signature", signature.replaceAll("b=[^;]*$", "b=")));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(keys.getPublic());
    rsa.update(canonical.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getDecoder().decode(tags.get("b").replaceAll("\\s", ""))))
        .as("the signature verifies")
        .isTrue();
  }

  @Test
  void aMissingKeyFileIsRefusedWhenTheOutboxIsBuilt() {
    NewsletterSettings.Dkim missing =
        new NewsletterSettings.Dkim("column.example", "s1", dir.resolve("nope.pem"));

    assertThatThrownBy(() -> DkimSigning.of(missing))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("cannot read newsletter.dkim.private_key_file");
  }

  @Test
  void aFileThatIsNoKeyIsRefusedWhenTheOutboxIsBuilt() throws Exception {
    Path file = dir.resolve("junk.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(
            () -> DkimSigning.of(new NewsletterSettings.Dkim("column.example", "s1", file)))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("is not an RSA private key in PKCS#8");
  }

  /** RFC 6376 §3.4.2: lower-case name, unfolded value with runs of white space as one space. */
  private static String relaxed(String name, String value) {
    return name.toLowerCase(Locale.ROOT)
        + ":"
        + value.replaceAll("\r\n", "").replaceAll("[ \t]+", " ").strip();
  }

  /** RFC 6376 §3.4.4, then SHA-256. */
  private static String bodyHash(String body) throws Exception {
    List<String> lines = new ArrayList<>(List.of(body.split("\r\n", -1)));
    for (int i = 0; i < lines.size(); i++) {
      lines.set(i, lines.get(i).replaceAll("[ \t]+", " ").replaceAll(" $", ""));
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    String canonical = lines.isEmpty() ? "" : String.join("\r\n", lines) + "\r\n";
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
    return Base64.getEncoder().encodeToString(hash);
  }

  /** The header fields in order, each name and its raw (still folded) value. */
  private static List<String[]> headers(String block) {
    List<String[]> fields = new ArrayList<>();
    for (String line : block.split("\r\n(?![ \t])")) {
      if (!line.isEmpty()) {
        int colon = line.indexOf(':');
        fields.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1)});
      }
    }
    return fields;
  }

  private static Map<String, String> tags(String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : value.replaceAll("\r\n", "").split(";")) {
      int eq = tag.indexOf('=');
      if (eq > 0) {
        tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).strip());
      }
    }
    return tags;
  }
}
