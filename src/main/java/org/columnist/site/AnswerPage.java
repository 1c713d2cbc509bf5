package org.columnist.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * The pages the public server draws in answer to a reader's form or link (subscribing, confirming,
 * unsubscribing, asking), in the site's own layout: {@code templates/site/newsletter.ftlh}, and
 * {@code ask.ftlh} for the ask form drawn again.
 */
public final class AnswerPage {
  private final Pages pages;

  /** Pages whose forms carry no tokens: for pages that show no form. */
  public AnswerPage(Config config) {
    this(config, ReaderSide.NONE);
  }

  /** Pages whose forms (subscribe, ask) carry the tokens of {@code readers}. */
  public AnswerPage(Config config, ReaderSide readers) {
    Templates templates = new Templates(config.paths().templates());
    this.pages = Pages.outsideBuild(config, templates, readers);
  }

  /**
   * A button that posts {@code token} as {@code t} to {@code action} (a path under the site's base,
   * e.g. {@code newsletter/confirm}).
   */
  public record Button(String action, String token, String label) {}

  /**
   * The page headed {@code heading}: its {@code paragraphs}, then {@code button} (or null), then
   * the subscribe form again when {@code subscribeForm}.
   */
  public String render(
      String heading, List<String> paragraphs, Button button, boolean subscribeForm) {
    Map<String, Object> answer = new HashMap<>();
    answer.put("heading", heading);
    answer.put("paragraphs", paragraphs);
    answer.put("action", button == null ? "" : button.action());
    answer.put("token", button == null ? "" : button.token());
    answer.put("button", button == null ? "" : button.label());
    answer.put("subscribe_form", subscribeForm);
    return pages.text(new FormAnswer(answer), pages.site(new Catalog(List.of()), Map.of()));
  }

  /**
   * The ask form again, headed {@code heading}, filled in with {@code fields} as typed (escaped by
   * the template), the {@code problems} to put right, and {@code token} for its next post.
   */
  public String renderAsk(
      String heading, Map<String, String> fields, List<String> problems, String token) {
    Map<String, Object> ask = new HashMap<>(fields);
    ask.put("consent", "yes".equals(fields.get("consent")));
    ask.put("heading", heading);
    ask.put("problems", problems);
    ask.put("token", token);
    return pages.text(new AskAgain(ask), pages.site(new Catalog(List.of()), Map.of()));
  }
}
