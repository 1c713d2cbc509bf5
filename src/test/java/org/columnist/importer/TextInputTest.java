package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {
  @TempDir Path dir;

  @Test
  void decodesWindows1252AndStraightensItsCurlyQuotes() {
    Found found = TextInput.read(Path.of("src/test/resources/import/text/windows-1252.txt")).get(0);
    assertThat(found.text()).startsWith("Credit where it's due\n\n2008-11-05\n");
    assertThat(found.text()).contains("\"It's teamwork,\" he says.").doesNotContain("\r");
  }

  @Test
  void readsFrontMatterAsHintsAndStartsTheTextAfterIt() {
    Found found = TextInput.read(Path.of("src/test/resources/import/text/front-matter.md")).get(0);
    assertThat(found.line()).isEqualTo(9);
    assertThat(found.exactLines()).isTrue();
    assertThat(found.text()).startsWith("*Q:* My best friend");
    assertThat(found.hints().title()).isEqualTo("Working for a friend");
    assertThat(found.hints().date()).isEqualTo(LocalDate.of(2011, 6, 2));
    assertThat(found.hints().author()).isEqualTo("Pat Example");
    assertThat(found.hints().tags()).containsExactly("friendship", "boundaries");
    assertThat(found.hints().aliases()).containsExactly("/2011/06/working-for-a-friend.html");
  }

  @Test
  void takesJekyllsPermalinkAndSpaceSeparatedTagsToo() throws IOException {
    Path post = write("post.md", "---\ntitle: T\ntags: grit calm\npermalink: /old/t/\n---\nQ. q\n");
    Hints hints = TextInput.read(post).get(0).hints();
    assertThat(hints.tags()).containsExactly("grit", "calm");
    assertThat(hints.aliases()).containsExactly("/old/t/");
  }

  @Test
  void takesAnUnclosedRuleAtTheTopForTextNotFrontMatter() throws IOException {
    Found found = TextInput.read(write("rule.txt", "---\nQ. q\n")).get(0);
    assertThat(found.line()).isEqualTo(1);
    assertThat(found.text()).isEqualTo("---\nQ. q\n");
  }

  @Test
  void refusesFrontMatterThatIsNotYamlAtItsLine() throws IOException {
    Path post = write("bad.md", "---\ntitle: T\ndate: [2008\n---\nQ. q\n");
    assertThatThrownBy(() -> TextInput.read(post))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.line()).isGreaterThan(1));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
