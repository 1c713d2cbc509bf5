package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliasTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/columns/2008/04/caught.html",
        "/2008/04/caught/",
        "/blog/index.php",
        "/a:b/c",
        "/tom's-question/"
      })
  void anOldPageAddressIsAnAlias(String path) {
    assertThat(Alias.problem(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/columns/*",
        "/blog/:year/:slug",
        "/:slug",
        "columns/x.html",
        "/x?p=1",
        "/%2e%2e/x",
        "/a//b",
        "/a/../b",
        "/"
      })
  void aPatternOrAnythingButAPlainPathIsRefused(String path) {
    assertThat(Alias.problem(path)).isPresent();
  }
}
