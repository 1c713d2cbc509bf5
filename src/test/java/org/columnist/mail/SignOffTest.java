package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignOffTest {
  private static final String SIGNED =
      "My manager takes credit for my work. Should I tell HR?\n\n"
          + "Best regards,\n"
          + "Jane Doe\n"
          + "Senior Analyst | Northfield Grain\n"
          + "+1 312 555 0142";

  @Test
  void cutsASignOffBlockWithoutDashesAndKeepsItAsTheSignature() {
    QuoteTrimmer.Trimmed trimmed = QuoteTrimmer.cut(SIGNED);
    assertThat(trimmed.question())
        .isEqualTo("My manager takes credit for my work. Should I tell HR?");
    assertThat(trimmed.signature())
        .isEqualTo("Jane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thanks,",
        "Cheers!",
        "Kind regards",
        "Sincerely,",
        "Mit freundlichen Grüßen",
        "Cordialement,",
        "Saludos",
        "Met vriendelijke groet,"
      })
  void knowsClosingsInSeveralLanguages(String closing) {
    QuoteTrimmer.Trimmed trimmed =
        QuoteTrimmer.cut("What should I do?\n" + closing + "\nJo Bloggs");
    assertThat(trimmed.question()).isEqualTo("What should I do?");
    assertThat(trimmed.signature()).isEqualTo("Jo Bloggs");
  }

  @Test
  void keepsTheDashedSignatureAsTheSignatureToo() {
    QuoteTrimmer.Trimmed trimmed = QuoteTrimmer.cut("My question.\n-- \nJo Bloggs\nAcme Corp");
    assertThat(trimmed.question()).isEqualTo("My question.");
    assertThat(trimmed.signature()).isEqualTo("Jo Bloggs\nAcme Corp");
  }

  @Test
  void keepsASignOffAndADashedSignatureBoth() {
    QuoteTrimmer.Trimmed trimmed =
        QuoteTrimmer.cut("My question.\nRegards,\nJo\n-- \nJo Bloggs, Acme Corp\n> old");
    assertThat(trimmed.question()).isEqualTo("My question.");
    assertThat(trimmed.signature()).isEqualTo("Jo\nJo Bloggs, Acme Corp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "My boss shouts at me. What do I do?\n\nThanks in advance for any advice.",
        "My boss shouts at me. What do I do?\n\nThanks!",
        "Thanks\nJo",
        "My boss shouts.\nThanks\nBut one more thing: should I report him to his own manager?",
        "My boss shouts.\nThanks\nI have kept a diary of every time this happened since May.",
        "My boss shouts.\nCheers\nP.S. he reads your column",
        "My boss shouts.\nRegards\n1\n2\n3\n4\n5\n6\n7"
      })
  void neverCutsTheQuestionsOwnLastParagraph(String text) {
    QuoteTrimmer.Trimmed trimmed = QuoteTrimmer.cut(text);
    assertThat(trimmed.question()).isEqualTo(text);
    assertThat(trimmed.signature()).isNull();
  }
}
