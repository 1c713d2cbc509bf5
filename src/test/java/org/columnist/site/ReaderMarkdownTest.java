package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What a reader writes becomes HTML that shows their words and can do nothing else. */
class ReaderMarkdownTest {
  static Document html(String markdown) {
    return Jsoup.parseBodyFragment(Markdown.readerHtml(markdown));
  }

  @Test
  void rawHtmlIsShownAsTextNeverPassedThrough() {
    Document d = html("Hi <script>alert(1)</script> and <img src=x onerror=alert(2)>");
    assertThat(d.select("script, img")).isEmpty();
    assertThat(d.text()).contains("<script>alert(1)</script>", "<img src=x onerror=alert(2)>");
  }

  @Test
  void imagesBecomeTheirAltTextEvenFromTheSiteItself() {
    Document d = html("See ![a chart](/chart.png) and ![pixel](https://tracker.example/p.gif)");
    assertThat(d.select("img, a")).isEmpty();
    assertThat(d.text()).isEqualTo("See a chart and pixel");
  }

  @Test
  void onlyWebAndMailLinksKeepTheirAddressAndEachIsMarkedAsTheReaders() {
    Document d =
        html(
            "[x](javascript:alert(3)) [d](data:text/html,hi) [w](https://a.example/) [m](mailto:a@b.c)");
    assertThat(d.select("a").eachAttr("href"))
        .containsExactly("", "", "https://a.example/", "mailto:a@b.c");
    assertThat(d.select("a").eachAttr("rel")).containsOnly("nofollow ugc");
  }

  @Test
  void markdownStillWorks() {
    Document d = html("**Thank you**, this *helped*.\n\n- one\n- two");
    assertThat(d.select("strong").text()).isEqualTo("Thank you");
    assertThat(d.select("li")).hasSize(2);
  }
}
