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

class LayoutRulesTest {
  private static final Path FILE = Path.of("page.html");
  private static final LocalDate STATED = LocalDate.of(2009, 1, 2);
  private static final LocalDate SENT = LocalDate.of(2009, 3, 4);

  @Test
  void readsTheProfileAndMarkersAsFlexmarkWritesThemFromHtml() {
    String markdown =
        HtmlMarkdown.of(
            "<h1>Caught in the middle</h1><p>April 14, 2008</p>"
                + "<p><strong>The Client</strong><br>Name: Mary<br>Age: Forty-seven<br>"
                + "Job title: Manager<br>Years at company: twenty-one<br>Years in role: Five"
                + "<br>Industry: Retail<br>Issue: Two bosses</p>"
                + "<p><strong>Q.</strong> Two bosses, two plans.</p>"
                + "<p><em>A:</em> Ask them both.</p><h3>The inner game</h3><p>Breathe.</p>");
    Column c = column(new Found(FILE, 1, false, markdown, Hints.NONE));
    assertThat(c.client())
        .isEqualTo(new ClientProfile("Mary", 47, "Manager", 21, 5, "Retail", "Two bosses"));
    assertThat(c.question()).isEqualTo("Two bosses, two plans.");
    assertThat(c.answer()).isEqualTo("Ask them both.");
    assertThat(c.innerGame()).isEqualTo("Breathe.");
  }

  @Test
  void readsProfileLinesEndingInBackslashBreaksAndBoldKeys() {
    String text =
        "The client\\\n**Name:** Ana\\\n**Age**: 30\\\nPosition: Lead  \nIssue: Burnout\n\n"
            + "Q. Tired.\n\nA. Rest.\n";
    Column c = column(found(text, new Hints("Tired", STATED, null, null, List.of(), List.of())));
    assertThat(c.client())
        .isEqualTo(new ClientProfile("Ana", 30, "Lead", null, null, null, "Burnout"));
  }

  @Test
  void takesAHeadlineWithItsDatelineRightUnderItAsTheTitle() {
    Column c =
        column(
            found(
                "Caught between two managers\nCoach's Corner--April 14, 2008\n\nQ. q\n\nA. a\n",
                Hints.NONE));
    assertThat(c.title()).isEqualTo("Caught between two managers");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 4, 14));
  }

  @Test
  void refusesMarkersWithNothingUnderThemInsteadOfFailing() {
    Reading reading =
        Layout.read(new Found(FILE, 3, true, "April 14, 2008\n\nQ.\n\nA.\n", Hints.NONE), false);
    assertThat(((Reading.Unrecognised) reading).reason().format(FILE))
        .isEqualTo("page.html:3: its question and answer are empty: no column here");
  }

  @Test
  void letsTheStatedDateWinOverTheDateline() {
    Column c = column(found("April 14, 2008\n\nQ. q\n\nA. a\n", hints(STATED, SENT)));
    assertThat(c.date()).isEqualTo(STATED);
  }

  @Test
  void takesTheSentDateOnlyWhenTheTextHasNoDateline() {
    assertThat(column(found("April 14, 2008\n\nQ. q\n\nA. a\n", hints(null, SENT))).date())
        .isEqualTo(LocalDate.of(2008, 4, 14));
    assertThat(column(found("Q. q\n\nA. a\n", hints(null, SENT))).date()).isEqualTo(SENT);
  }

  @Test
  void refusesATextWithoutAnyDateAtItsFirstLine() {
    Reading reading =
        Layout.read(new Found(FILE, 7, true, "Title\n\nQ. q\n\nA. a\n", Hints.NONE), false);
    assertThat(((Reading.Unrecognised) reading).reason().format(FILE))
        .isEqualTo(
            "page.html:7: no date found: add a dateline such as 'April 14, 2008' under the headline");
  }

  @Test
  void dropsAFirstLineEqualToTheHintedTitleFromTheQuestion() {
    Column c = column(found("Q.\nThe title\n\nMy real question.\n\nA. a\n", hints(STATED, null)));
    assertThat(c.title()).isEqualTo("The title");
    assertThat(c.question()).isEqualTo("My real question.");
  }

  @Test
  void takesTheTextBeforeAnUnmarkedAnswerAsTheQuestionWithAWarning() {
    Reading.Recognised read =
        recognised(
            found("The title\n\nApril 14, 2008\n\nMy boss shouts.\n\nA. Leave.\n", Hints.NONE));
    assertThat(read.column().question()).isEqualTo("My boss shouts.");
    assertThat(read.warnings())
        .extracting(Note::message)
        .contains("no 'Q.' or 'Question': the text before the answer is the question");
  }

  @Test
  void refusesAQuestionWithoutAnAnswerAtTheQuestionsLine() {
    Reading reading =
        Layout.read(found("T\n\nApril 14, 2008\n\nQ. Help?\n\nMore.\n", Hints.NONE), false);
    assertThat(((Reading.Unrecognised) reading).reason().line()).isEqualTo(5);
  }

  @Test
  void cleansProfileValuesAndTitlesTheArchiveWouldRefuse() {
    String longIssue = "word ".repeat(40).strip();
    String text =
        "The *bold* <b>title</b>\n\nApril 14, 2008\n\nThe Client\nName: <i>Mary</i>\nAge: 300\n"
            + "Issue: "
            + longIssue
            + "\n\nQ. q <script>x</script>\n\n## A\n\nFine.\n\n## Sub\n";
    Reading.Recognised read = recognised(found(text, Hints.NONE));
    Column c = read.column();
    assertThat(c.title()).isEqualTo("The bold title");
    assertThat(c.client().name()).isEqualTo("Mary");
    assertThat(c.client().age()).isNull();
    assertThat(c.client().issue()).hasSizeLessThanOrEqualTo(120).startsWith("word word");
    assertThat(c.question()).isEqualTo("q &lt;script>x&lt;/script>");
    assertThat(c.answer()).isEqualTo("Fine.\n\n### Sub");
    assertThat(read.warnings())
        .extracting(Note::line)
        .contains(7, 8, 10); // the age, the issue, the question's HTML
    byte[] file = ColumnCodec.write(c).getBytes(StandardCharsets.UTF_8);
    assertThat(ColumnCodec.read(Path.of("x.md"), file)).isEqualTo(c);
  }

  @Test
  void leavesOutAnOldLinkTheArchiveWouldRefuseWithAWarning() {
    Hints hints =
        new Hints("T", STATED, null, null, List.of(), List.of("/ok.html", "http://x/y?z=1"));
    Reading.Recognised read = recognised(found("Q. q\n\nA. a\n", hints));
    assertThat(read.column().aliases()).containsExactly("/ok.html");
    assertThat(read.warnings())
        .extracting(Note::message)
        .anyMatch(m -> m.startsWith("old link left out"));
  }

  private static Hints hints(LocalDate date, LocalDate sent) {
    return new Hints("The title", date, sent, null, List.of(), List.of());
  }

  private static Found found(String text, Hints hints) {
    return new Found(FILE, 1, true, text, hints);
  }

  private static Reading.Recognised recognised(Found found) {
    Reading reading = Layout.read(found, false);
    assertThat(reading).isInstanceOf(Reading.Recognised.class);
    return (Reading.Recognised) reading;
  }

  private static Column column(Found found) {
    return recognised(found).column();
  }
}
