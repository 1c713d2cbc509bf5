package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlMarkdownTest {

  @Test
  void keepsAnEmDashAndStraightensCurlyQuotes() {
    assertThat(
            HtmlMarkdown.of("<p>Yes &mdash; <em>politely</em>, &ldquo;now&rdquo; &ndash; ok</p>"))
        .isEqualTo("Yes \u2014 *politely*, \"now\" \u2013 ok\n");
  }
}
