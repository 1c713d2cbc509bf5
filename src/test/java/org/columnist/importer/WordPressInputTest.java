package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPressInputTest {
  private static final Path EXPORT = EmlInputTest.sample("wordpress/three-posts.xml");

  @Test
  void findsThePublishedPostsAndPassesOverDraftsPagesAndAttachments() {
    List<Found> found = Format.of(EXPORT).orElseThrow().read(EXPORT);

    assertThat(found)
        .extracting(f -> f.hints().title())
        .containsExactly(
            "When the new boss is younger than you",
            "Asking for feedback without fishing",
            "Telling your team you are leaving");
    assertThat(found).extracting(Found::line).containsExactly(14, 45, 77);
    assertThat(found).noneMatch(Found::exactLines);
  }

  @Test
  void takesThePostsFieldsAsHints() {
    Hints first = WordPressInput.read(EXPORT).get(0).hints();

    assertThat(first.date()).isEqualTo(LocalDate.of(2010, 3, 9));
    assertThat(first.sent()).isNull();
    assertThat(first.author()).isEqualTo("Jo Rivera");
    assertThat(first.tags()).containsExactly("Managers", "age");
    assertThat(first.aliases()).containsExactly("/2010/03/new-boss-younger/");
  }

  @Test
  void keepsAPermalinkGuidAsAnAliasAndTheLoginOfAnUnlistedAuthor() {
    Hints second = WordPressInput.read(EXPORT).get(1).hints();

    assertThat(second.aliases())
        .containsExactly("/2010/04/feedback-without-fishing/", "/archives/feedback.html");
    assertThat(second.author()).isEqualTo("guest-writer");
    assertThat(second.tags()).isEmpty();
    assertThat(second.date()).isEqualTo(LocalDate.of(2010, 4, 14));
  }

  @Test
  void makesParagraphsOfBlankLinesAndBreaksOfSingleNewlines() {
    Found first = WordPressInput.read(EXPORT).get(0);

    assertThat(first.text())
        .isEqualTo(
            """
            **Q.** My new manager is twenty years younger than me. How do I stop feeling "old"?

            **A.** Stop keeping score by age.\s\s
            Keep it by results\u2014yours and hers.

            ### The last word

            Ask her what *she* needs from you.""");
  }

  @Test
  void readsBlockEditorParagraphsAsTheyAre() {
    Found second = WordPressInput.read(EXPORT).get(1);

    assertThat(second.text())
        .isEqualTo(
            "Q. How do I ask for feedback without sounding needy?\n\n"
                + "A. Ask about one piece of work, not about yourself.");
  }

  @Test
  void refusesAnXmlFileThatIsNotAWordPressExport() {
    Path file = EmlInputTest.sample("wordpress/not-wxr.xml");

    assertThatThrownBy(() -> WordPressInput.read(file))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.line()).isEqualTo(2))
        .hasMessage("is not a WordPress export (WXR)");
  }

  @Test
  void refusesAnExportThatReachesForAnExternalEntity() {
    Path file = EmlInputTest.sample("wordpress/xxe.xml");

    assertThatThrownBy(() -> WordPressInput.read(file))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("is not well-formed XML: ")
        .hasMessageContaining("secret");
  }
}
