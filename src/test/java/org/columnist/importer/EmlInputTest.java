package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmlInputTest {

  static Path sample(String name) {
    try {
      return Path.of(EmlInputTest.class.getResource("/import/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Found only(String name) {
    List<Found> found = Format.of(sample(name)).orElseThrow().read(sample(name));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void readsAPlainColumnWithoutItsQuotedReplyOrSignature() {
    Found found = only("mail/plain-column.eml");

    // the body's first line is the Subject's headline: the layout takes it from there
    assertThat(found.hints().title()).isNull();
    assertThat(found.text()).startsWith("When the promotion goes to someone else\n");
    assertThat(found.hints().sent()).isEqualTo(LocalDate.of(2008, 4, 14));
    assertThat(found.hints().date()).isNull();
    assertThat(found.hints().author()).isEqualTo("Marta Okafor");
    assertThat(found.hints().tags()).isEmpty();
    assertThat(found.hints().aliases()).isEmpty();
    assertThat(found.text())
        .isEqualTo(
            """
            When the promotion goes to someone else

            Q. I was passed over for a promotion I was promised. How do I go back
            to work on Monday as if nothing happened?

            A. You don't. Something did happen, and pretending otherwise costs you
            more than it saves.

            The last word
            Ask for the reasons, in writing if you can.""");
  }

  @Test
  void placesAPlainBodyOnTheLinesOfTheFile() {
    Found found = only("mail/plain-column.eml");

    assertThat(found.exactLines()).isTrue();
    assertThat(found.line()).isEqualTo(11);
    assertThat(found.at(2)).isEqualTo(13); // "Q. I was passed over..."
  }

  @Test
  void readsAnHtmlOnlyMailAsMarkdownWithoutTheQuote() {
    Found found = only("mail/html-only.eml");

    assertThat(found.hints().title()).isEqualTo("The meeting that never ends");
    assertThat(found.hints().sent()).isEqualTo(LocalDate.of(2009, 8, 20));
    assertThat(found.hints().author()).isEqualTo("Marta Okafor");
    assertThat(found.exactLines()).isFalse();
    assertThat(found.line()).isEqualTo(9);
    assertThat(found.text())
        .isEqualTo(
            """
            **Q.** My manager's Monday meeting runs two hours. Can I leave?

            **A.** Yes \u2014 *politely*, and with a proposal.""");
  }

  @Test
  void decodesAQuotedPrintableBodyInItsCharsetAndIgnoresTheAttachment() {
    Found found = only("mail/quoted-printable.eml");

    assertThat(found.hints().title()).isEqualTo("Café talk");
    assertThat(found.hints().sent()).isEqualTo(LocalDate.of(2008, 10, 2));
    assertThat(found.exactLines()).isFalse();
    assertThat(found.text())
        .isEqualTo(
            """
            Q. Should I take the café job in Zürich?

            A. Only if the résumé line is worth a long winter.""");
  }

  @Test
  void readsABodyInACharsetJavaDoesNotKnowAsUtf8() {
    Found found = only("mail/unknown-charset.eml");

    assertThat(found.text()).isEqualTo("Q. Is a résumé gap fatal?\n\nA. No.");
    assertThat(found.hints().title()).isEqualTo("Notes from the road");
  }

  @Test
  void refusesAFileThatIsNotAnEmail() {
    Path file = sample("mail/malformed.eml");

    assertThatThrownBy(() -> EmlInput.read(file))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.line()).isEqualTo(1))
        .hasMessage("is not an e-mail: it has no From, Subject or Date header");
  }

  @Test
  void refusesAMailWithNoTextPart() {
    Path file = sample("mail/no-boundary.eml");

    assertThatThrownBy(() -> EmlInput.read(file))
        .isInstanceOf(Refusal.class)
        .hasMessage("has no text/plain or text/html part to import");
  }

  @Test
  void takesNoAuthorFromAnAddressWithoutAPersonsName() {
    byte[] raw =
        "From: Newsletter 2008 <news@harbourtimes.example>\nSubject: Column: x\n\nQ. a\n\nA. b\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Found found = MailMessage.found(Path.of("x.eml"), 1, raw);

    assertThat(found.hints().author()).isNull();
    assertThat(found.hints().title()).isEqualTo("x");
    assertThat(found.hints().sent()).isNull();
  }
}
