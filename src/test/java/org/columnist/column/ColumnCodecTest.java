package org.columnist.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.columnist.column.Columns.aColumn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.junit.jupiter.api.Test;

class ColumnCodecTest {
  private static final Path FILE = Path.of("archive/2008/04/caught-between-boss-and-client.md");

  private static final String DESIGN_EXAMPLE =
      """
      ---
      title: Caught between her boss and her client
      date: 2008-04-14
      slug: caught-between-boss-and-client
      client:
        name: Mary
        age: 47
        title: Sales manager
        years_at_company: 5
        years_in_role: 2
        industry: Agribusiness
        issue: Managing competing loyalties
      tags: [client relationships, managing up]
      ---
      ## Question
      My boss wants one thing and my biggest client another.
      ## Answer
      You are caught in a difficult spot.
      ## The inner game
      Notice what you believe you owe each of them.
      ## The outer game
      1. Talk to your boss first.
      2. Then call the client.
      ## The last word
      Loyalty to both starts with honesty to both.
      """;

  @Test
  void readsTheArchiveFormatOfTheDesign() {
    assertThat(read(DESIGN_EXAMPLE)).isEqualTo(aColumn().build());
  }

  @Test
  void writesWhatItReadsBackUnchanged() {
    Column column = aColumn().build();
    assertThat(read(ColumnCodec.write(column))).isEqualTo(column);
  }

  @Test
  void readsSectionsInAnyOrderAndWritesThemInCanonicalOrder() {
    String shuffled =
        DESIGN_EXAMPLE.substring(0, DESIGN_EXAMPLE.indexOf("## Question"))
            + "## The last word\nClose.\n## the inner  GAME\nInner.\n## Answer\nAnswer.\n## Question\nAsked.\n";
    Column column = read(shuffled);
    assertThat(column.question()).isEqualTo("Asked.");
    assertThat(column.innerGame()).isEqualTo("Inner.");
    assertThat(column.outerGame()).isEmpty();
    String written = ColumnCodec.write(column);
    assertThat(written.indexOf("## Question")).isLessThan(written.indexOf("## Answer"));
    assertThat(written.indexOf("## Answer")).isLessThan(written.indexOf("## The inner game"));
    assertThat(written.indexOf("## The inner game"))
        .isLessThan(written.indexOf("## The outer game"));
    assertThat(written.indexOf("## The outer game"))
        .isLessThan(written.indexOf("## The last word"));
  }

  @Test
  void readsCrlfLineEndsAndAByteOrderMark() {
    String crlf = "\uFEFF" + DESIGN_EXAMPLE.replace("\n", "\r\n");
    assertThat(read(crlf)).isEqualTo(aColumn().build());
  }

  @Test
  void keepsThreeDashesAndColonsInsideASection() {
    Column column =
        aColumn().withAnswer("Before the rule:\n\n---\n\nafter: it \"still\" works").build();
    assertThat(read(ColumnCodec.write(column))).isEqualTo(column);
  }

  @Test
  void quotesFrontMatterValuesThatYamlWouldMisread() {
    Column column =
        aColumn()
            .withTitle("Yes")
            .withIssue("Boss: \"no\" # not a comment")
            .withTags("null", "a, b", "[x]", "42", "- dash")
            .build();
    String written = ColumnCodec.write(column);
    assertThat(written)
        .contains("title: \"Yes\"")
        .contains("issue: \"Boss: \\\"no\\\" # not a comment\"");
    assertThat(read(written)).isEqualTo(column);
  }

  @Test
  void leavesOutEmptyOptionalFields() {
    Column column = aColumn().withClient(ClientProfile.ofIssue("Burnout")).withTags().build();
    String written = ColumnCodec.write(column);
    assertThat(written).doesNotContain("name:").doesNotContain("tags:").doesNotContain("age:");
    assertThat(read(written)).isEqualTo(column);
  }

  @Test
  void reportsAMissingTitleAtTheFrontMatter() {
    assertThat(
            problems(DESIGN_EXAMPLE.replace("title: Caught between her boss and her client\n", "")))
        .containsExactly(FILE + ":2: 'title' is missing");
  }

  @Test
  void reportsAMissingIssueAtTheClientProfile() {
    assertThat(problems(DESIGN_EXAMPLE.replace("  issue: Managing competing loyalties\n", "")))
        .containsExactly(FILE + ":6: 'client.issue' is missing");
  }

  @Test
  void reportsABadDateWithItsLine() {
    assertThat(problems(DESIGN_EXAMPLE.replace("2008-04-14", "14/04/2008")))
        .containsExactly(FILE + ":3: 'date' must be a date like 2008-04-14, not '14/04/2008'");
  }

  @Test
  void reportsAnUnknownSectionHeadingWithItsLine() {
    assertThat(problems(DESIGN_EXAMPLE.replace("## The inner game", "## Background")))
        .singleElement()
        .asString()
        .startsWith(FILE + ":19: unknown section '## Background'");
  }

  @Test
  void reportsASectionGivenTwice() {
    assertThat(problems(DESIGN_EXAMPLE + "## Answer\nAgain.\n"))
        .containsExactly(FILE + ":26: section '## Answer' appears twice");
  }

  @Test
  void reportsTextBeforeTheFirstSection() {
    assertThat(problems(DESIGN_EXAMPLE.replace("---\n## Question", "---\nHello\n## Question")))
        .containsExactly(
            FILE + ":15: text before the first section; start the body with '## Question'");
  }

  @Test
  void reportsUnknownFrontMatterKeysAndWrongTypes() {
    String text =
        DESIGN_EXAMPLE
            .replace("tags: [client relationships, managing up]", "tags: managing up\nauthor: Pat")
            .replace("age: 47", "age: forty");
    assertThat(problems(text))
        .contains(
            FILE + ":7: 'client.age' must be a whole number from 10 to 120, not 'forty'",
            FILE + ":13: 'tags' must be a list like [a, b], not text")
        .anyMatch(p -> p.startsWith(FILE + ":14: unknown key 'author'"));
  }

  @Test
  void reportsBrokenYamlWithItsLine() {
    assertThat(problems(DESIGN_EXAMPLE.replace("slug: caught", "slug: [caught")))
        .singleElement()
        .asString()
        .startsWith(FILE + ":")
        .contains("not valid YAML");
  }

  @Test
  void refusesSlugsThatCouldLeaveTheArchive() {
    for (String slug :
        List.of("../../etc/passwd", "/etc/passwd", "a/b", "UPPER", "a--b", "a b", "-a", "a\\b")) {
      String text =
          DESIGN_EXAMPLE.replace(
              "slug: caught-between-boss-and-client",
              "slug: \"" + slug.replace("\\", "\\\\") + "\"");
      assertThat(problems(text))
          .as(slug)
          .singleElement()
          .asString()
          .startsWith(FILE + ":4: 'slug' must be lowercase");
    }
  }

  @Test
  void refusesScriptTagsAndJavascriptLinks() {
    String text =
        DESIGN_EXAMPLE
            .replace(
                "title: Caught between her boss and her client",
                "title: \"<script>alert(1)</script>\"")
            .replace(
                "You are caught in a difficult spot.",
                "<script>alert('x')</script>\n[click](javascript:alert(1))");
    assertThat(problems(text))
        .containsExactly(
            FILE + ":2: 'title' contains HTML (<script>); write plain text",
            FILE
                + ":18: raw HTML (<script>) is not allowed in a column; the site would show it as text",
            FILE + ":19: links to javascript:, vbscript: or data: are not allowed");
  }

  @Test
  void allowsHtmlInsideCodeSpans() {
    Column column = aColumn().withAnswer("Type `<br>` where you want a break.").build();
    assertThat(read(ColumnCodec.write(column))).isEqualTo(column);
  }

  @Test
  void refusesAHugeFileBeforeParsingIt() {
    String text = DESIGN_EXAMPLE + "x".repeat(5_000_000);
    assertThat(problems(text))
        .containsExactly(FILE + ": is 5.0 MB; an archive file may be at most 1024 KB");
  }

  @Test
  void reportsInvalidUtf8WithItsLine() {
    byte[] good = DESIGN_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    int at = DESIGN_EXAMPLE.indexOf("difficult");
    good[at] = (byte) 0xC3;
    good[at + 1] = (byte) 0x28;
    assertThatThrownBy(() -> ColumnCodec.read(FILE, good))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        FILE + ":18: is not valid UTF-8 (byte 0xC3); save the file as UTF-8"));
  }

  @Test
  void reportsAMissingFrontMatter() {
    assertThat(problems("## Question\nHi\n"))
        .containsExactly(FILE + ":1: must start with a line '---' that opens the front matter");
    assertThat(problems("---\ntitle: x\n"))
        .containsExactly(FILE + ":1: the front matter opened here is never closed by a line '---'");
  }

  @Test
  void writesTheDateAsIso() {
    Column column = aColumn().withDate(LocalDate.of(2026, 1, 2)).build();
    assertThat(ColumnCodec.write(column)).contains("\ndate: 2026-01-02\n");
  }

  private static Column read(String text) {
    return ColumnCodec.read(FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> problems(String text) {
    try {
      read(text);
      return List.of();
    } catch (InvalidFileException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }
}
