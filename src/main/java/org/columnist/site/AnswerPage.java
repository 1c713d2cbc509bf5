package org.columnist.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * The pages the public server draws in answer to a reader's form or link (subscribing, confirming,
 * unsubscribing), in the site's own layout: {@code templates/site/newsletter.ftlh}.
 */
public final class AnswerPage {
  private final Pages pages;

  public AnswerPage(Config config) {
    Templates templates = new Templates(config.paths().templates());
    this.pages = Pages.outsideBuild(config, templates, ReaderSide.NONE);
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
}
