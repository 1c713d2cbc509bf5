package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.columnist.column.ProfileHints;
import org.junit.jupiter.api.Test;

class TextExtractionTest {
  @Test
  void cutsQuotedRepliesAndSignatures() {
    assertThat(
            QuoteTrimmer.trim(
                "My question.\n\nOn Tue, 3 Mar 2026, Ann <a@example.com> wrote:\n> old text"))
        .isEqualTo("My question.");
    assertThat(QuoteTrimmer.trim("My question.\n-- \nJo Bloggs\nAcme Corp"))
        .isEqualTo("My question.");
    assertThat(QuoteTrimmer.trim("Top.\n-----Original Message-----\nFrom: x")).isEqualTo("Top.");
    assertThat(QuoteTrimmer.trim("Top.\nFrom: Boss <b@example.com>\nSent: Monday\nOld"))
        .isEqualTo("Top.");
    assertThat(QuoteTrimmer.trim("> quoted first\nMy own words.")).isEqualTo("My own words.");
  }

  @Test
  void keepsTextThatOnlyLooksLikeAQuote() {
    String text = "On Mondays my boss shouts.\nFrom: the start it was hard.\n--not a signature";
    assertThat(QuoteTrimmer.trim(text)).isEqualTo(text);
  }

  @Test
  void turnsHtmlIntoParagraphsAndListItems() {
    String html =
        "<html><head><style>p{color:red}</style></head><body><p>First&nbsp;para.</p><ul><li>one</li><li>two</li></ul>"
            + "<div>Last<br>line</div><script>alert(1)</script></body></html>";
    assertThat(HtmlText.of(html)).isEqualTo("First para.\n\n- one\n- two\n\nLast\nline");
  }

  @Test
  void readsProfileHintsInTheirCommonForms() {
    assertThat(
            ProfileHints.from(
                "Hi,\nAge: 47\nIndustry: Agribusiness\nTitle: Sales manager\nYears at company: 5 (2 in current role)\n"))
        .isEqualTo(new ProfileHints(47, "Sales manager", 5, 2, "Agribusiness"));
    assertThat(ProfileHints.from("* Job title: Nurse manager\nYears in role: 4\nAge: 300"))
        .isEqualTo(new ProfileHints(null, "Nurse manager", null, 4, null));
    assertThat(ProfileHints.from("No hints here: just words."))
        .isEqualTo(new ProfileHints(null, null, null, null, null));
  }

  @Test
  void backsOffExponentiallyUpToFiveMinutes() {
    assertThat(Intake.backoff(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Intake.backoff(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(Intake.backoff(30)).isEqualTo(Duration.ofMinutes(5));
  }
}
