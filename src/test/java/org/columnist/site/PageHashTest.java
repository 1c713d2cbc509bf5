package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageHashTest {
  @Test
  void theSameBytesHashAlikeAndOneChangedByteDoesNot() {
    byte[] page = "<p>The last word</p>".getBytes(StandardCharsets.UTF_8);
    byte[] changed = "<p>The last Word</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(PageHash.of(page)).isEqualTo(PageHash.of(page.clone())).hasSize(32).isLowerCase();
    assertThat(PageHash.of(changed)).isNotEqualTo(PageHash.of(page));
    assertThat(PageHash.of(new byte[0])).isNotEqualTo(PageHash.of(new byte[1]));
  }
}
