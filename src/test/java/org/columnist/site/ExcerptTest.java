package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

class ExcerptTest {
  private static final String[] BLOCKS = {
    "A plain sentence about my manager, who never listens.",
    "Words with *emphasis*, **strong**, `code`, a [link](https://example.com \"t\") and an"
        + " ![image](/a.png).",
    "# A heading",
    "## Another heading ##",
    "- one\n- two\n  - nested\n- three",
    "1. first\n2. second\n\n   still second",
    "> quoted advice\n> over two lines",
    "```\nfenced code\n  indented\n```",
    "    indented code",
    "***",
    "<div>raw html</div>",
    "A hard break  \nafter two spaces and\\\na backslash.",
    "Tabs\tand   runs   of\n\nspaces.",
    "Line one\nline two of the same paragraph,;:.",
    "",
  };
  private static final HtmlRenderer HTML = HtmlRenderer.builder().build();
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern CUT_END = Pattern.compile("[\\s,;:.]+$");

  /** The excerpt as defined: the whole document as text, white space collapsed, cut at a word. */
  private static String reference(String markdown, int max) {
    String text =
        SPACES
            .matcher(TextContentRenderer.builder().build().render(Markdown.parse(markdown)))
            .replaceAll(" ")
            .strip();
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return CUT_END.matcher(text.substring(0, cut > max / 2 ? cut : max)).replaceAll("") + "…";
  }

  @Test
  void renderingOnlyTheBlocksAnExcerptNeedsGivesTheExcerptOfTheWholeDocument() {
    Random random = new Random(18);
    for (int i = 0; i < 3000; i++) {
      StringBuilder markdown = new StringBuilder();
      for (int b = random.nextInt(8); b >= 0; b--) {
        markdown.append(BLOCKS[random.nextInt(BLOCKS.length)]).append("\n\n");
      }
      int max = 5 + random.nextInt(300);
      String text = markdown.toString();
      Node document = Markdown.parse(text);
      assertThat(Markdown.excerpt(document, max))
          .as("%s (max %d)", text, max)
          .isEqualTo(reference(text, max));
      // The blocks set aside are back, in their order: the page's HTML comes from the same tree.
      assertThat(HTML.render(document)).isEqualTo(HTML.render(Markdown.parse(text)));
    }
  }
}
