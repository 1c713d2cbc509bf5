package org.columnist.column;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates valid columns full of what tends to break a format: non-Latin scripts and emoji,
 * quotes, colons, hashes, brackets, YAML words, {@code ---} lines, Markdown of every kind, empty
 * optional fields. Deterministic for a seed.
 */
public final class RandomColumns {
  private static final String[] WORDS = {
    "boss",
    "client",
    "café",
    "naïve",
    "Zürich",
    "日本語",
    "Ελληνικά",
    "русский",
    "😀",
    "🧑‍💼",
    "\"quoted\"",
    "'single'",
    "it’s",
    "a: b",
    "#hash",
    "[bracket]",
    "{brace}",
    "a, b",
    "yes",
    "No",
    "null",
    "~",
    "true",
    "-",
    "--",
    "&amp",
    "*star*",
    "`code`",
    "\\back",
    "100%",
    "@at",
    "!bang",
    "?",
    "|pipe",
    ">gt",
    "12",
    "3.5",
    "0x1F",
    "ß",
    "Øresund",
    "œuvre",
    "ﬁ",
    "e\u0301",
    "key:",
    "—",
    "…",
    "«guillemets»",
    "tab\there"
  };
  private static final String[] BLOCKS = {
    "---",
    "***",
    "### A subheading",
    "# Top",
    "- item one\n- item two",
    "1. first\n2. second",
    "> quoted advice",
    "    indented code",
    "```\ncode: here\n```",
    "line with hard break  \nnext",
    "Setext\n---",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "[link](https://example.com/a?b=c)",
    "Use `<div>` here",
    "**bold** and _italic_"
  };

  private final Random random;

  public RandomColumns(long seed) {
    random = new Random(seed);
  }

  public Column next() {
    String title = words(1 + random.nextInt(12), false);
    ClientProfile client =
        new ClientProfile(
            maybe(() -> words(1 + random.nextInt(2), false)),
            random.nextBoolean() ? 10 + random.nextInt(111) : null,
            maybe(() -> words(1 + random.nextInt(3), false)),
            random.nextBoolean() ? random.nextInt(81) : null,
            random.nextBoolean() ? random.nextInt(81) : null,
            maybe(() -> words(1 + random.nextInt(2), false)),
            words(1 + random.nextInt(6), false));
    List<String> tags = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      tags.add(words(1 + random.nextInt(3), false));
    }
    LocalDate date =
        LocalDate.of(1990 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
    LocalDate corrected = random.nextInt(4) == 0 ? date.plusDays(random.nextInt(400)) : null;
    return new Column(
        title,
        date,
        corrected,
        Slug.fromTitle(title),
        client,
        tags,
        aliases(title),
        section(),
        section(),
        section(),
        section(),
        section());
  }

  // From the title, not the random stream, so that the other parts stay as they were drawn.
  private static List<String> aliases(String title) {
    return Math.floorMod(title.hashCode(), 4) == 0
        ? List.of("/columns/" + Slug.fromTitle(title) + ".html")
        : List.of();
  }

  private String section() {
    if (random.nextInt(6) == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 1 + random.nextInt(5); i > 0; i--) {
      text.append(
          random.nextBoolean()
              ? BLOCKS[random.nextInt(BLOCKS.length)]
              : words(5 + random.nextInt(40), true));
      text.append(random.nextInt(4) == 0 ? "\n" : "\n\n");
    }
    return random.nextInt(5) == 0 ? "\n  \n" + text : text.toString();
  }

  private String words(int n, boolean tabs) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      text.append(i == 0 ? "" : " ").append(tabs ? word : word.replace('\t', ' '));
    }
    return text.toString();
  }

  private String maybe(java.util.function.Supplier<String> value) {
    return random.nextInt(3) == 0 ? null : value.get();
  }
}
