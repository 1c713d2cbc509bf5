package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.column.ProfileHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser over the corpus: subjects, text, cut quotes, warnings and attachments as noted. */
class MailCorpusTest {
  static List<MailCorpus.Case> cases() {
    return MailCorpus.cases();
  }

  @Test
  void theCorpusHasAtLeastFortyMessages() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsEachMessageAsNoted(MailCorpus.Case c) {
    ParsedMail mail = MailParser.parse(c.rawCrlf());
    if (c.value("subject") != null) {
      assertThat(mail.subject()).isEqualTo(c.value("subject"));
    }
    for (MailCorpus.Case.Phrase p : c.phrases()) {
      // Mailers wrap lines: compare with runs of white space as one space.
      String text = (p.inQuestion() ? mail.question() : mail.text()).replaceAll("\\s+", " ");
      if (p.present()) {
        assertThat(text)
            .as("%s must contain", p.inQuestion() ? "question" : "text")
            .contains(p.value());
      } else {
        assertThat(text)
            .as("%s must lack", p.inQuestion() ? "question" : "text")
            .doesNotContain(p.value());
      }
    }
    Matcher ends = Pattern.compile("ends with \"([^\"]*)\"").matcher(c.note());
    while (ends.find()) {
      assertThat(mail.question()).endsWith(ends.group(1));
    }
    if (c.note().contains("no warnings")) {
      assertThat(mail.warnings()).isEmpty();
    }
    if (c.note().contains("warning expected")) {
      assertThat(mail.warnings()).isNotEmpty();
    }
    if (c.note().contains("question text is empty")) {
      assertThat(mail.question()).isEmpty();
    }
    Matcher attachment =
        Pattern.compile("([\\w.-]+\\.(?:pdf|jpg)) \\(([\\w/.-]+), (\\d+) bytes\\)")
            .matcher(c.note());
    while (attachment.find()) {
      assertThat(mail.attachments())
          .contains(
              new ParsedMail.Attachment(
                  attachment.group(1), attachment.group(2), Long.parseLong(attachment.group(3))));
    }
    Matcher sender = Pattern.compile("sender name \"([^\"]*)\"").matcher(c.note());
    if (sender.find()) {
      assertThat(mail.senderName()).isEqualTo(sender.group(1));
    }
  }

  @Test
  void readsProfileHintsFromTheQuestion() {
    MailCorpus.Case c =
        cases().stream().filter(x -> x.file().startsWith("16-")).findFirst().orElseThrow();
    ProfileHints hints = ProfileHints.from(MailParser.parse(c.raw()).question());
    assertThat(hints).isEqualTo(new ProfileHints(47, "Sales manager", 5, 2, "Agribusiness"));
  }

  @Test
  void findsTheMessageIdsADeliveryReportReports() {
    MailCorpus.Case c =
        cases().stream().filter(x -> x.file().startsWith("27-")).findFirst().orElseThrow();
    assertThat(MailParser.parse(c.raw()).reportedMessageIds())
        .contains("<ack-1234@column.example>");
  }
}
