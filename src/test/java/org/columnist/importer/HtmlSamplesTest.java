package org.columnist.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.junit.jupiter.api.Test;

/** The saved web pages, read through their formats and the real layout, field by field. */
class HtmlSamplesTest {
  private static final Path HTML = Path.of("src/test/resources/import/html");

  @Test
  void readsTheColumnOfASavedNewspaperPageAndNoneOfItsFurniture() {
    Reading.Recognised read = recognised("newspaper.html");
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Caught between her boss and her client");
    assertThat(c.date()).isEqualTo(LocalDate.of(2008, 4, 14));
    assertThat(c.slug()).isEqualTo("caught-between-her-boss-and-her-client");
    assertThat(c.client())
        .isEqualTo(
            new ClientProfile(
                "Mary", 47, "Sales manager", 5, 2, "Agribusiness", "Managing competing loyalties"));
    assertThat(c.tags()).containsExactly("client relationships", "managing up");
    assertThat(c.aliases()).containsExactly("/business/2008/04/caught-between.html");
    assertThat(c.question()).startsWith("My boss has promised").endsWith("What do I do?");
    assertThat(c.answer())
        .startsWith("You are carrying a promise")
        .contains("an *exhausting* place")
        .endsWith("not around him.");
    assertThat(c.innerGame())
        .startsWith("Start with what you owe")
        .contains("\n\nNotice the story");
    assertThat(c.outerGame())
        .contains("* the dates the plant has actually confirmed;")
        .contains("**you** call the client together")
        .contains(
            "[guide to difficult conversations]"
                + "(https://www.pmi-example.org/learning/difficult-conversations)");
    assertThat(c.lastWord())
        .isEqualTo(
            "Loyalty that requires you to mislead a client is not"
                + " loyalty to your boss; it is loyalty to his mistake.");
    assertThat(read.author()).isEqualTo("Dana Whitlock");
    assertThat(whole(c))
        .doesNotContain("Advertisement", "Related", "Disclaimer", "Sign up", "Most read");
  }

  @Test
  void readsABlogPostWithoutTheCommentsUnderIt() {
    Reading.Recognised read = recognised("blog-post.html");
    Column c = read.column();
    assertThat(c.title()).isEqualTo("The meeting that never ends");
    assertThat(c.date()).isEqualTo(LocalDate.of(2009, 8, 20));
    assertThat(c.client())
        .isEqualTo(
            new ClientProfile(
                "Tomasz", 38, "Product owner", 3, 2, "Software", "A meeting that eats the week"));
    assertThat(c.tags()).containsExactly("meetings", "time management");
    assertThat(c.aliases()).containsExactly("/2009/08/the-meeting-that-never-ends/");
    assertThat(c.question()).startsWith("Every Monday our team").endsWith("care about the team?");
    assertThat(c.answer())
        .startsWith("You care about the team")
        .endsWith("most managers will listen.");
    assertThat(c.innerGame()).contains("*reassurance*");
    assertThat(c.outerGame()).startsWith("1. Offer to send a written update on Friday instead.");
    assertThat(c.lastWord()).startsWith("A meeting without decisions is a habit");
    assertThat(read.author()).isEqualTo("Priya Anand");
    assertThat(whole(c)).doesNotContain("Ruth K.", "comments");
  }

  @Test
  void readsAPageSavedCompleteWithItsFolderOfAssets() {
    Column c = recognised("boss-review.html").column();
    assertThat(c.title()).isEqualTo("A review that came out of nowhere");
    assertThat(c.date()).isEqualTo(LocalDate.of(2010, 2, 8));
    assertThat(c.client())
        .isEqualTo(
            new ClientProfile(
                "Oren",
                52,
                "Warehouse supervisor",
                12,
                null,
                "Logistics",
                "A bad review without warning"));
    assertThat(c.aliases()).containsExactly("/columns/2010/02/review.html");
    assertThat(c.question()).startsWith("After twelve years of good reviews");
    assertThat(c.answer()).startsWith("Go in curious, not combative.");
    assertThat(c.innerGame()).startsWith("Anger is telling you something mattered.");
    assertThat(c.outerGame()).startsWith("Ask for three specific examples");
    assertThat(c.lastWord()).startsWith("A review you did not see coming");
    assertThat(whole(c)).doesNotContain("boss-review_files", "![");
  }

  @Test
  void readsAnMhtmlArchiveWithItsSavedAddress() {
    Reading.Recognised read = recognised("ceo-project.mhtml");
    Column c = read.column();
    assertThat(c.title()).isEqualTo("Saying no to the CEO's pet project");
    assertThat(c.date()).isEqualTo(LocalDate.of(2011, 6, 3));
    assertThat(c.client()).isEqualTo(ClientProfile.ofIssue("Saying no to the CEO's pet project"));
    assertThat(c.aliases()).containsExactly("/columns/2011/06/saying-no-to-the-ceo.html");
    assertThat(c.question()).startsWith("Our CEO wants my team").endsWith("signs my bonus?");
    assertThat(c.answer())
        .isEqualTo("You do not say no. You say \"yes, if\" \u2014 and you make the *if* concrete.");
    assertThat(c.innerGame()).isEmpty();
    assertThat(c.outerGame())
        .contains(
            "[our column on priorities](https://rbw.example/columns/2011/02/priorities.html)");
    assertThat(c.lastWord())
        .isEqualTo("A clear trade-off is not a refusal; it is a gift of information.");
    assertThat(read.author()).isEqualTo("Dana Whitlock");
  }

  @Test
  void readsAPageThatHasOnlyATitleAndAMetaDate() {
    Column c = recognised("title-only.html").column();
    assertThat(c.title()).isEqualTo("When a colleague takes the credit");
    assertThat(c.date()).isEqualTo(LocalDate.of(2007, 11, 5));
    assertThat(c.question()).startsWith("A colleague presented my analysis").endsWith("let it go?");
    assertThat(c.answer())
        .startsWith("Say something, but not to the leadership team first.")
        .contains("\n\nIf it happens again")
        .endsWith("arrives with a name on it.");
    assertThat(c.innerGame() + c.outerGame() + c.lastWord()).isEmpty();
  }

  @Test
  void resolvesARelativeLinkAgainstTheAddressThePageWasSavedFrom() {
    String words = "Keep the promise you can keep, and say so early to the one who is waiting. ";
    String html =
        "<html><head><title>Late again</title></head><body><nav><a href='/'>Home</a></nav>"
            + "<article><h1>Late again</h1><p>June 3, 2011</p><p>Q. Why am I always late with"
            + " the report? "
            + words.repeat(3)
            + "</p><p>A. Because the report has no owner but you. "
            + words.repeat(4)
            + " See <a href='../02/priorities.html'>our column on priorities</a>.</p></article>"
            + "</body></html>";
    Found found =
        HtmlInput.found(
            Path.of("late.html"), html, "https://rbw.example/columns/2011/06/late.html");
    assertThat(found.text())
        .contains(
            "[our column on priorities](https://rbw.example/columns/2011/02/priorities.html)");
  }

  @Test
  void refusesAPageNestedDeeperThanAnyRealOneBeforeReadabilityRecursesIntoIt() {
    String html = "<div>".repeat(100_000) + "Q. Deep? A. Too deep.";
    assertThatThrownBy(() -> HtmlInput.found(Path.of("deep.html"), html, null))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("nests its HTML 100003 elements deep");
  }

  private static Reading.Recognised recognised(String name) {
    Path file = HTML.resolve(name);
    return (Reading.Recognised) Layout.read(Format.of(file).orElseThrow().read(file).get(0), false);
  }

  private static String whole(Column c) {
    return String.join("\n", c.question(), c.answer(), c.innerGame(), c.outerGame(), c.lastWord());
  }
}
