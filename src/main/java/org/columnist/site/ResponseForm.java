package org.columnist.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.config.Config;
import org.columnist.config.Templates;

/**
 * The response form drawn again by the public server, in the site's layout, filled in exactly as it
 * was sent (and escaped by the template): to check and send, or to fix what was wrong.
 */
public final class ResponseForm {
  private final Pages pages;

  /** Drawn with the site-wide forms' tokens of {@code readers}. */
  public ResponseForm(Config config, ReaderSide readers) {
    this.pages = Pages.outsideBuild(config, new Templates(config.paths().templates()), readers);
  }

  /** What the form held. */
  public record Filled(String name, String email, String text, boolean mailReply) {}

  /**
   * The page headed {@code heading} that posts {@code filled} with {@code token} to {@code action}
   * (a path under the site's base), saying {@code why} (or null) and listing {@code problems}.
   */
  public String render(
      String heading,
      String why,
      String action,
      String token,
      Filled filled,
      List<String> problems) {
    Map<String, Object> check = new HashMap<>();
    check.put("heading", heading);
    check.put("why", why == null ? "" : why);
    check.put("action", action);
    check.put("token", token);
    check.put("name", filled.name());
    check.put("email", filled.email());
    check.put("text", filled.text());
    check.put("notify", filled.mailReply());
    check.put("problems", problems);
    return pages.text(new ResponseCheck(check), pages.site(new Catalog(List.of()), Map.of()));
  }
}
