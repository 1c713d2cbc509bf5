package org.columnist.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlInputTest {
  private static Found read(String name) {
    Path file = Path.of("src/test/resources/import/html", name);
    List<Found> found = Format.of(file).orElseThrow().read(file);
    assertEquals(1, found.size());
    return found.get(0);
  }

  @Test
  void findsTheColumnOfANewspaperPageAndDropsItsFurniture() {
    Found found = read("newspaper.html");
    Hints hints = found.hints();
    assertEquals("Caught between her boss and her client", hints.title());
    assertEquals(LocalDate.of(2008, 4, 14), hints.date());
    assertEquals("Dana Whitlock", hints.author());
    assertEquals(List.of("client relationships", "managing up"), hints.tags());
    assertEquals(List.of("/business/2008/04/caught-between.html"), hints.aliases());
    String text = found.text();
    assertTrue(text.startsWith("The Client\n\nName: Mary\n\nAge: 47"), text);
    assertTrue(text.contains("Years at company: Five (two in current role)"), text);
    assertTrue(text.contains("**Q.** My boss has promised"), text);
    assertTrue(text.contains("I don't want to lie"), text);
    assertTrue(text.contains("an *exhausting* place"), text);
    assertTrue(text.contains("## The inner game"), text);
    assertTrue(text.contains("* the dates the plant has actually confirmed;"), text);
    assertTrue(
        text.contains(
            "[guide to difficult conversations]"
                + "(https://www.pmi-example.org/learning/difficult-conversations)"),
        text);
    for (String furniture :
        List.of(
            "Most read",
            "Disclaimer",
            "Sign up",
            "Related",
            "Advertisement",
            "Share on",
            "All rights reserved",
            "Obituaries",
            "gtag",
            "By Dana")) {
      assertFalse(text.contains(furniture), furniture + " in\n" + text);
    }
    assertTrue(found.line() > 1);
  }

  @Test
  void keepsABlogPostWithoutTheCommentsUnderIt() {
    Found found = read("blog-post.html");
    assertEquals("The meeting that never ends", found.hints().title());
    assertEquals(LocalDate.of(2009, 8, 20), found.hints().date());
    assertEquals("Priya Anand", found.hints().author());
    assertEquals(List.of("meetings", "time management"), found.hints().tags());
    assertEquals(List.of("/2009/08/the-meeting-that-never-ends/"), found.hints().aliases());
    String text = found.text();
    assertTrue(text.contains("Name: Tomasz\n\nAge: Thirty-eight"), text);
    assertTrue(text.contains("### Q\n\nEvery Monday"), text);
    assertTrue(text.contains("1. Offer to send a written update"), text);
    for (String comment : List.of("Ruth K.", "stubborn boss", "Rotate it", "Leave a Reply")) {
      assertFalse(text.contains(comment), comment + " in\n" + text);
    }
  }

  @Test
  void readsAPageSavedCompleteWithoutLinksIntoItsFolder() {
    Found found = read("boss-review.html");
    assertEquals("A review that came out of nowhere", found.hints().title());
    assertEquals(LocalDate.of(2010, 2, 8), found.hints().date());
    assertEquals(List.of("/columns/2010/02/review.html"), found.hints().aliases());
    String text = found.text();
    assertFalse(text.contains("_files"), text);
    assertTrue(text.contains("Read the review form twice"), text);
    assertTrue(text.contains("**The inner game**"), text);
  }

  @Test
  void readsTheHtmlPartOfAnMhtmlFileAndItsLocation() {
    Found found = read("ceo-project.mhtml");
    assertEquals("Saying no to the CEO's pet project", found.hints().title());
    assertEquals(LocalDate.of(2011, 6, 3), found.hints().date());
    assertEquals("Dana Whitlock", found.hints().author());
    assertEquals(List.of("/columns/2011/06/saying-no-to-the-ceo.html"), found.hints().aliases());
    String text = found.text();
    assertTrue(text.contains("## Q.\n\nOur CEO wants"), text);
    assertTrue(text.contains("You say \"yes, if\" \u2014 and you make the *if* concrete."), text);
    assertFalse(text.contains("Events"), text);
  }

  @Test
  void takesTheTitleWithoutTheSiteNameAndTheDateFromAMetaTag() {
    Found found = read("title-only.html");
    assertEquals("When a colleague takes the credit", found.hints().title());
    assertEquals(LocalDate.of(2007, 11, 5), found.hints().date());
    assertTrue(found.text().startsWith("Q. A colleague presented my analysis"), found.text());
  }
}
