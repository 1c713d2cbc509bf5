package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.junit.jupiter.api.Test;

/**
 * The mail and WordPress samples, read through their formats and the real layout, field by field.
 */
class MailSamplesTest {
  private static final Path MAIL = Path.of("src/test/resources/import/mail");
  private static final Path WORDPRESS = Path.of("src/test/resources/import/wordpress");

  @Test
  void readsAColumnMailedToAnEditorWithItsProfileAndEverySection() {
    Reading.Recognised read = recognised(MAIL.resolve("full-column.eml")).get(0);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("The colleague who takes the credit");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 11, 11)); // the dateline, not the Date
    assertThat(c.slug()).isEqualTo("the-colleague-who-takes-the-credit");
    assertThat(c.client())
        .isEqualTo(
            new ClientProfile(
                "Dev",
                34,
                "Financial analyst",
                6,
                2,
                "Insurance",
                "A colleague presents her work as his own"));
    assertThat(c.question()).startsWith("For a year a senior").endsWith("looking petty?");
    assertThat(c.answer()).startsWith("Raising it is not petty").endsWith("on your work.");
    assertThat(c.innerGame())
        .isEqualTo("Notice that you have made his reaction your problem. It is his.");
    assertThat(c.outerGame()).startsWith("Send each analysis").endsWith("present the next one.");
    assertThat(c.lastWord()).isEqualTo("Credit follows the one who signs the work.");
    assertThat(read.author()).isEqualTo("Marta Okafor");
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void leavesTheQuotedRequestAndTheSignatureOutOfAMailedColumn() {
    Reading.Recognised read = recognised(MAIL.resolve("plain-column.eml")).get(0);
    Column c = read.column();
    assertThat(c.title()).isEqualTo("When the promotion goes to someone else");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 4, 14)); // from the Date header
    assertThat(c.client()).isEqualTo(ClientProfile.ofIssue(c.title()));
    assertThat(c.question()).startsWith("I was passed over").endsWith("nothing happened?");
    assertThat(c.answer())
        .isEqualTo(
            "You don't. Something did happen, and pretending otherwise costs you\nmore than it saves.");
    assertThat(c.innerGame() + c.outerGame()).isEmpty();
    assertThat(c.lastWord()).isEqualTo("Ask for the reasons, in writing if you can.");
    assertThat(String.join("\n", c.question(), c.answer(), c.lastWord()))
        .doesNotContain("Tuesday's column", "Larch Lane", "555-0142");
  }

  @Test
  void readsEachOfTheThreeColumnsInAnMbox() {
    List<Reading.Recognised> read = recognised(MAIL.resolve("three-columns.mbox"));
    assertThat(read)
        .extracting(r -> r.column().title(), r -> r.column().date(), r -> r.column().slug())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Caught in the middle", LocalDate.of(2008, 4, 14), "caught-in-the-middle"),
            org.assertj.core.groups.Tuple.tuple(
                "The quiet raise", LocalDate.of(2008, 5, 20), "the-quiet-raise"),
            org.assertj.core.groups.Tuple.tuple(
                "Leaving well", LocalDate.of(2008, 6, 18), "leaving-well"));
    assertThat(read.get(0).column().question())
        .isEqualTo("Two directors give me opposite orders. Whose do I follow?");
    assertThat(read.get(0).column().answer())
        .isEqualTo("Neither, until they have talked to each other.");
    // mboxrd's ">From " is the writer's "From ", not a quote
    assertThat(read.get(1).column().answer())
        .isEqualTo(
            "Ask in person, then confirm in writing.\nFrom the first line of that mail, keep it"
                + " short.");
    assertThat(read.get(2).column().question()).isEqualTo("How much notice should I give?");
    assertThat(read).allSatisfy(r -> assertThat(r.author()).isEqualTo("Marta Okafor"));
  }

  @Test
  void readsTheThreePublishedPostsOfAWordPressExportWithTheirOldAddresses() {
    List<Reading.Recognised> read = recognised(WORDPRESS.resolve("three-posts.xml"));
    assertThat(read).hasSize(3);
    Column first = read.get(0).column();
    assertThat(first.title()).isEqualTo("When the new boss is younger than you");
    assertThat(first.date()).isEqualTo(LocalDate.of(2010, 3, 9));
    assertThat(first.slug()).isEqualTo("when-the-new-boss-is-younger-than-you");
    assertThat(first.tags()).containsExactly("Managers", "age");
    assertThat(first.aliases()).containsExactly("/2010/03/new-boss-younger/");
    assertThat(first.question())
        .isEqualTo(
            "My new manager is twenty years younger than me. How do I stop feeling \"old\"?");
    assertThat(first.answer())
        .isEqualTo("Stop keeping score by age.\nKeep it by results\u2014yours and hers.");
    assertThat(first.lastWord()).isEqualTo("Ask her what *she* needs from you.");
    assertThat(read.get(0).author()).isEqualTo("Jo Rivera");
    Column second = read.get(1).column();
    assertThat(second.title()).isEqualTo("Asking for feedback without fishing");
    assertThat(second.date()).isEqualTo(LocalDate.of(2010, 4, 14));
    assertThat(second.tags()).isEmpty(); // WordPress's "Uncategorized" is no topic
    assertThat(second.aliases())
        .containsExactly("/2010/04/feedback-without-fishing/", "/archives/feedback.html");
    assertThat(second.question()).isEqualTo("How do I ask for feedback without sounding needy?");
    assertThat(second.answer()).isEqualTo("Ask about one piece of work, not about yourself.");
    assertThat(read.get(2).column().title()).isEqualTo("Telling your team you are leaving");
    assertThat(read.get(2).column().date()).isEqualTo(LocalDate.of(2010, 5, 3));
  }

  private static List<Reading.Recognised> recognised(Path file) {
    return Format.of(file).orElseThrow().read(file).stream()
        .map(found -> (Reading.Recognised) Layout.read(found, false))
        .toList();
  }
}
