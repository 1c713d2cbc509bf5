package org.columnist.site;

import java.util.Comparator;
import java.util.List;

/**
 * {@code _redirects} at the root of {@code public/}: one line {@code /old/path /2008/04/slug/ 301}
 * per alias, sorted, in the format Netlify and Cloudflare Pages read, so that a static host answers
 * old links with a real 301 rather than the redirect page.
 */
record RedirectsFile(List<RedirectPage> redirects) implements PageKind {
  static final String PATH = "_redirects";

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public String template() {
    return "site/redirects.ftl";
  }

  @Override
  public Content content(Site site) {
    List<String> lines =
        redirects.stream()
            .sorted(Comparator.comparing(RedirectPage::alias))
            .map(
                r ->
                    site.link(r.alias().substring(1)) + " " + site.link(r.target().path()) + " 301")
            .toList();
    return Content.titled("", "lines", lines);
  }
}
