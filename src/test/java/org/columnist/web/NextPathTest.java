package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NextPathTest {
  @Test
  void keepsAPathOnTheEditorWithItsQuery() {
    assertThat(NextPath.of("/")).isEqualTo("/");
    assertThat(NextPath.of("/drafts/12")).isEqualTo("/drafts/12");
    assertThat(NextPath.of("/drafts/12?rescue=Ab-_9x")).isEqualTo("/drafts/12?rescue=Ab-_9x");
    assertThat(NextPath.of("/?state=in_review")).isEqualTo("/?state=in_review");
  }

  @Test
  void turnsAnythingABrowserCouldReadAsAnotherSiteIntoTheQueue() {
    for (String evil :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example",
          "/\t/evil.example",
          "/\n/evil.example",
          "/\r/evil.example",
          "/ /evil.example",
          "/\\evil.example",
          "\\/evil.example",
          "/%2F/evil.example",
          "/%09/evil.example",
          "/\u00a0/evil.example",
          "/\u2028/evil.example",
          "javascript:alert(1)",
          "drafts/1",
          "/" + "a".repeat(2_000)
        }) {
      assertThat(NextPath.of(evil)).as(String.valueOf(evil)).isEqualTo("/");
    }
  }
}
