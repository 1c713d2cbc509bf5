package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What MimeLeniency, set at start, lets the parser read: mail as readers' mailers break it. */
class MimeLeniencyTest {
  private static final String MESSAGE =
      """
      From: Mary <mary@example.com>
      To: ask@column.example
      Subject: Caf=?utf-8?Q?=C3=A9?= au lait
      Message-ID: <lenient@example.com>
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="b1"

      --b1
      Content-Type: text/plain; charset=utf-8

      My question.
      --b1
      Content-Type: application/pdf
      Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf
      Content-Transfer-Encoding: base64

      JVBERi0=
      --b1
      Content-Type: application/pdf; name=my cv.pdf
      Content-Disposition: attachment
      Content-Transfer-Encoding: base64

      JVBERi0=!!
      --b1--
      """;

  @Test
  void readsEncodedWordsInsideWordsRfc2231NamesAndUnquotedParameters() {
    ParsedMail mail =
        MailParser.parse(MESSAGE.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(mail.subject()).isEqualTo("Café au lait");
    assertThat(mail.question()).isEqualTo("My question.");
    assertThat(mail.attachments())
        .extracting(ParsedMail.Attachment::name)
        .containsExactly("résumé.pdf", "my cv.pdf");
  }
}
