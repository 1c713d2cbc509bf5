package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  private static final String MIXED = "Ask <Pat> · “why?” — €5, Łódź, 日本, 😀 done";

  @Test
  void writesTheBytesThatEncodingTheWholeTextGives() {
    Utf8Writer out = new Utf8Writer();
    out.write(MIXED);
    assertThat(out.toByteArray()).isEqualTo(MIXED.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void joinsASurrogatePairSplitBetweenTwoWrites() {
    String emoji = "😀";
    Utf8Writer out = new Utf8Writer();
    out.write(emoji.charAt(0));
    out.write(emoji.substring(1) + "!" + emoji.charAt(0));
    out.write(emoji.toCharArray(), 1, 1);
    assertThat(out.toByteArray()).isEqualTo("😀!😀".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesAnUnpairedSurrogateAsAQuestionMarkLikeStringGetBytes() {
    String[] texts = {"a\uD83Db", "a\uDE00b", "ends in \uD83D", "\uD83D\uD83D\uDE00", "\uDE00"};
    for (String text : texts) {
      Utf8Writer out = new Utf8Writer();
      out.write(text);
      assertThat(out.toByteArray()).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void anyTextInAnyPiecesGivesTheSameBytesAsGetBytes() {
    Random random = new Random(18);
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(5_000); i > 0; i--) {
        text.append(
            switch (random.nextInt(6)) {
              case 0, 1, 2 -> (char) random.nextInt(0x80);
              case 3 -> (char) random.nextInt(0x800);
              case 4 -> (char) random.nextInt(0x10000); // lone surrogates too
              default -> MIXED.charAt(random.nextInt(MIXED.length()));
            });
      }
      String all = text.toString();
      Utf8Writer out = new Utf8Writer();
      for (int at = 0; at < all.length(); ) {
        int n = Math.min(all.length() - at, random.nextInt(3_000));
        if (random.nextBoolean()) {
          out.write(all, at, n);
        } else {
          out.write(all.toCharArray(), at, n); // as Freemarker writes a template's own text
        }
        at += n;
      }
      assertThat(out.toByteArray()).isEqualTo(all.getBytes(StandardCharsets.UTF_8));
    }
  }
}
