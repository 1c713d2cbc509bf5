package org.columnist.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * The pages the public server draws in answer to "Was this helpful?" ({@code
 * templates/site/vote.ftlh}): thanks, and after a "no" the "What was missing?" box, whose text is
 * for the coach only.
 */
public final class VotePage {
  private final Pages pages;

  /** Drawn with the site-wide forms' tokens of {@code readers}. */
  public VotePage(Config config, ReaderSide readers) {
    this.pages = Pages.outsideBuild(config, new Templates(config.paths().templates()), readers);
  }

  /**
   * The column a page is about: {@code slug}, and {@code path} its page's path under the site (as
   * {@code 2008/04/slug/}), which the page links back to.
   */
  public record Of(String slug, String path) {}

  /**
   * The "What was missing?" box: its {@code token}, the {@code text} typed so far, and {@code why}
   * it is drawn again (or null).
   */
  public record Box(String token, String text, String why) {}

  /** Thanks for a vote on {@code column}; with {@code box} (after a "no") or null. */
  public String thanks(Of column, Box box) {
    return render(
        column,
        "Thank you",
        box == null
            ? List.of("Thank you for telling us. It helps the coach see what readers need.")
            : List.of(
                "Thank you for telling us.",
                "If you like, say what was missing: only the coach reads it, and it is never"
                    + " shown on the site."),
        box);
  }

  /** The box drawn again (sent too soon, too long). */
  public String again(Of column, Box box) {
    return render(column, "What was missing?", List.of(), box);
  }

  /** A vote that said neither yes nor no: nothing was counted. */
  public String unclear(Of column) {
    return render(
        column,
        "Please press Yes or No",
        List.of("That vote said neither yes nor no, so nothing was counted."),
        null);
  }

  /** Thanks for a "What was missing?" text. */
  public String kept(Of column) {
    return render(
        column,
        "Thank you",
        List.of("The coach will read what you wrote. It is not shown on the site."),
        null);
  }

  private String render(Of column, String heading, List<String> paragraphs, Box box) {
    Map<String, Object> vote = new HashMap<>();
    vote.put("heading", heading);
    vote.put("paragraphs", paragraphs);
    vote.put("slug", column.slug());
    vote.put("path", column.path());
    vote.put("box", box != null);
    vote.put("token", box == null ? "" : box.token());
    vote.put("text", box == null || box.text() == null ? "" : box.text());
    vote.put("why", box == null || box.why() == null ? "" : box.why());
    return pages.text(new VoteAnswer(vote), pages.site(new Catalog(List.of()), Map.of()));
  }
}
