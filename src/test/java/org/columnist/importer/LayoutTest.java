package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.ColumnCodec;
import org.junit.jupiter.api.Test;

class LayoutTest {
  private static final Path SAMPLES = Path.of("src/test/resources/import/text");

  @Test
  void readsPlainTextWithTheFullProfileBlock() {
    Reading.Recognised read = recognised("profile.txt", false);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Caught in the middle");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 4, 14));
    assertThat(c.slug()).isEqualTo("caught-in-the-middle");
    assertThat(c.client())
        .isEqualTo(
            new ClientProfile(
                "Mary",
                47,
                "Operations manager",
                5,
                2,
                "Logistics",
                "Her two directors give her opposite orders"));
    assertThat(c.question()).startsWith("I report to two").endsWith("one of\nthem is unhappy.");
    assertThat(c.answer()).startsWith("Start by naming").endsWith("both of them at once.");
    assertThat(c.innerGame()).isEqualTo("You are not the referee of their quarrel.");
    assertThat(c.outerGame()).isEqualTo("Ask for one shared list of priorities.");
    // the bio and the invitation under the last word are not part of it
    assertThat(c.lastWord()).isEqualTo("Clarity is kinder than compliance.");
    assertThat(read.author()).isEqualTo("Pat Example");
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void readsPlainTextWithoutAProfileTakingTheIssueFromTheTitle() {
    Reading.Recognised read = recognised("plain.txt", false);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Speaking up in meetings");
    assertThat(c.date()).isEqualTo(LocalDate.of(2009, 8, 20));
    assertThat(c.slug()).isEqualTo("speaking-up-in-meetings");
    assertThat(c.client()).isEqualTo(ClientProfile.ofIssue("Speaking up in meetings"));
    assertThat(c.question()).startsWith("I freeze").endsWith("get past it?");
    assertThat(c.answer()).startsWith("Prepare one sentence").endsWith("Good enough, early, wins.");
    assertThat(c.innerGame() + c.outerGame() + c.lastWord()).isEmpty();
    // the "-- Pat Example, coach" signature is the author, not the answer's last line
    assertThat(read.author()).isEqualTo("Pat Example");
    assertThat(messages(read))
        .containsExactly(
            "plain.txt:1: no 'Issue:' in a client profile: the issue is the title; correct it in the"
                + " editor");
  }

  @Test
  void readsMarkersInBoldAndADayFirstDateline() {
    Reading.Recognised read = recognised("bold.md", false);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("The silent team");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 4, 14));
    assertThat(c.slug()).isEqualTo("the-silent-team");
    assertThat(c.client()).isEqualTo(ClientProfile.ofIssue("The silent team"));
    assertThat(c.question()).startsWith("My team never").endsWith("Is it me?");
    assertThat(c.answer()).startsWith("Probably a little.").endsWith("ten seconds.");
    assertThat(c.innerGame()).isEqualTo("Silence feels longer to the one who asked.");
    assertThat(c.outerGame()).isEmpty();
    assertThat(c.lastWord()).isEqualTo("Wait for them.");
    assertThat(read.author()).isNull();
    assertThat(read.warnings()).hasSize(1);
  }

  @Test
  void readsSectionsAsMarkdownHeadingsUnderASetextHeadline() {
    Reading.Recognised read = recognised("headings.md", false);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("The raise I never asked for");
    assertThat(c.date()).isEqualTo(LocalDate.of(2010, 4, 3));
    assertThat(c.slug()).isEqualTo("the-raise-i-never-asked-for");
    assertThat(c.client().issue()).isEqualTo("The raise I never asked for");
    assertThat(c.question()).startsWith("I have done").endsWith("ask for the title?");
    assertThat(c.answer()).startsWith("Bring the evidence").endsWith("who noticed.");
    assertThat(c.innerGame()).isEqualTo("Asking is not begging.");
    assertThat(c.outerGame()).startsWith("Book the meeting").endsWith("not during it.");
    assertThat(c.lastWord()).isEqualTo("Ask in writing, then talk.");
    assertThat(read.author()).isNull();
  }

  @Test
  void takesTitleDateTagsAliasesAndAuthorFromFrontMatter() {
    Reading.Recognised read = recognised("front-matter.md", false);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Working for a friend");
    assertThat(c.date()).isEqualTo(LocalDate.of(2011, 6, 2));
    assertThat(c.slug()).isEqualTo("working-for-a-friend");
    assertThat(c.tags()).containsExactly("friendship", "boundaries");
    assertThat(c.aliases()).containsExactly("/2011/06/working-for-a-friend.html");
    assertThat(c.client().issue()).isEqualTo("Working for a friend");
    assertThat(c.question()).startsWith("My best friend").endsWith("keep both?");
    assertThat(c.answer()).startsWith("Talk about it once").endsWith("disagree at work.");
    assertThat(c.lastWord()).startsWith("Friends can say").endsWith("makes them friends.");
    assertThat(read.author()).isEqualTo("Pat Example");
    // the warning names the file's line, past the front matter
    assertThat(messages(read)).singleElement().asString().startsWith("front-matter.md:9: ");
  }

  @Test
  void readsAWindows1252FileWithCurlyQuotesAndNumbersInTheProfile() {
    Reading.Recognised read = recognised("windows-1252.txt", false);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Credit where it's due");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 11, 5));
    assertThat(c.slug()).isEqualTo("credit-where-its-due");
    assertThat(c.client())
        .isEqualTo(new ClientProfile("Joe", 33, "Analyst", 4, 2, null, "Credit where it's due"));
    assertThat(c.question())
        .isEqualTo("My manager presents my work as his. \"It's teamwork,\" he says.");
    assertThat(c.answer()).startsWith("Keep a record").endsWith("\u2013 in the meeting.");
    assertThat(read.author()).isNull();
    assertThat(messages(read)).singleElement().asString().startsWith("windows-1252.txt:6: ");
  }

  @Test
  void refusesAnArticleWithoutQuestionAndAnswerNamingTheLine() {
    Reading reading = Layout.read(TextInput.read(SAMPLES.resolve("article.txt")).get(0), false);
    assertThat(reading).isInstanceOf(Reading.Unrecognised.class);
    assertThat(((Reading.Unrecognised) reading).reason().format(Path.of("article.txt")))
        .isEqualTo(
            "article.txt:5: no 'Q.' or 'Question' found, nor 'A.' or 'Answer': this reads as an"
                + " article, not a column; import it with --loose to take the whole text as the"
                + " answer");
  }

  @Test
  void importsAnArticleLooselyAsTheAnswerWithAWarning() {
    Reading.Recognised read = recognised("article.txt", true);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Five habits of calm managers");
    assertThat(c.date()).isEqualTo(LocalDate.of(2012, 9, 9));
    assertThat(c.slug()).isEqualTo("five-habits-of-calm-managers");
    assertThat(c.question()).isEmpty();
    assertThat(c.answer())
        .startsWith("Calm managers plan")
        .contains("not all day.\n\nThey say no early")
        .endsWith("say no late.");
    assertThat(messages(read))
        .contains(
            "article.txt:5: imported loosely: no question and answer, the whole text is the answer");
  }

  @Test
  void everySampleBecomesAnArchiveFileThatReadsBackEqual() throws Exception {
    for (String name :
        List.of(
            "profile.txt",
            "plain.txt",
            "bold.md",
            "headings.md",
            "front-matter.md",
            "windows-1252.txt",
            "article.txt")) {
      Column column = recognised(name, true).column();
      byte[] file = ColumnCodec.write(column).getBytes(StandardCharsets.UTF_8);
      assertThat(ColumnCodec.read(Path.of(name), file)).as(name).isEqualTo(column);
    }
  }

  private static Reading.Recognised recognised(String name, boolean loose) {
    Reading reading = Layout.read(TextInput.read(SAMPLES.resolve(name)).get(0), loose);
    assertThat(reading).as(name).isInstanceOf(Reading.Recognised.class);
    return (Reading.Recognised) reading;
  }

  private static List<String> messages(Reading.Recognised read) {
    return read.warnings().stream().map(n -> n.format(n.file().getFileName())).toList();
  }
}
