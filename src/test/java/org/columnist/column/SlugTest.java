package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {
  @Test
  void makesLowercaseHyphenatedSlugsFromTitles() {
    assertThat(Slug.fromTitle("Caught between her boss and her client"))
        .isEqualTo("caught-between-her-boss-and-her-client");
    assertThat(Slug.fromTitle("  When the boss says: \"No!\"  "))
        .isEqualTo("when-the-boss-says-no");
  }

  @Test
  void transliteratesAccentsAndSpecialLetters() {
    assertThat(Slug.fromTitle("Café in Zürich: Straße, Øresund & œuvre"))
        .isEqualTo("cafe-in-zurich-strasse-oresund-and-oeuvre");
    assertThat(Slug.fromTitle("It’s my boss's fault")).isEqualTo("its-my-bosss-fault");
  }

  @Test
  void fallsBackWhenNothingIsLeft() {
    assertThat(Slug.fromTitle("日本語")).isEqualTo("column");
    assertThat(Slug.fromTitle("../../")).isEqualTo("column");
  }

  @Test
  void cutsLongTitlesAtAWordBoundary() {
    String slug = Slug.fromTitle("word ".repeat(40));
    assertThat(slug).hasSizeLessThanOrEqualTo(60).endsWith("word").doesNotEndWith("-");
    assertThat(Slug.isValid(slug)).isTrue();
  }

  @Test
  void appendsASuffixWithinTheLengthLimit() {
    assertThat(Slug.withSuffix("caught", 2)).isEqualTo("caught-2");
    assertThat(Slug.withSuffix("a".repeat(80), 12)).hasSize(80).endsWith("-12");
  }

  @Test
  void acceptsOnlySafeSlugs() {
    assertThat(Slug.isValid("a-b-1")).isTrue();
    for (String bad :
        new String[] {
          "", "A", "a_b", "a--b", "-a", "a-", "../a", "a/b", "a.b", "é", "a".repeat(81)
        }) {
      assertThat(Slug.isValid(bad)).as(bad).isFalse();
    }
  }
}
