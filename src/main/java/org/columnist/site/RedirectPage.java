package org.columnist.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The page at an old address of a column (one of its {@code aliases}): a browser is sent on to the
 * column by a meta refresh, a search engine by the canonical link and {@code noindex}, a person by
 * a plain link. A template ({@code site/redirect.ftlh}) rather than a fixed page, so that a coach
 * can restyle it like every other page; it is tiny on purpose and does not use the layout (no
 * forms, no tokens: nothing there changes when the site does).
 */
record RedirectPage(String alias, Summary target) implements PageKind {

  /**
   * The file an alias is served from, relative to {@code public/}: the file itself for a path with
   * an extension ({@code .html}, {@code .htm}, and also {@code .php} or {@code .asp}, which a
   * static server must be told to serve as HTML), else {@code PATH/index.html}.
   */
  static String file(String alias) {
    String path = alias.substring(1);
    if (path.isEmpty() || path.endsWith("/")) {
      return path + "index.html";
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.contains(".") ? path : path + "/index.html";
  }

  /**
   * Whether {@code file} (relative) lies inside {@code publicDir} once normalised, and no folder on
   * the way there, nor the file, is a symbolic link: a redirect is never written elsewhere,
   * whatever an alias says or someone linked inside {@code public/}.
   */
  static boolean inside(Path publicDir, String file) {
    if (!under(publicDir, file)) {
      return false;
    }
    Path target = publicDir.resolve(file).normalize();
    for (Path p = target; !p.equals(publicDir); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code file} names a file below {@code publicDir}, links aside. */
  static boolean under(Path publicDir, String file) {
    Path target = publicDir.resolve(file).normalize();
    return target.startsWith(publicDir) && !target.equals(publicDir);
  }

  @Override
  public String path() {
    return file(alias);
  }

  @Override
  public String template() {
    return "site/redirect.ftlh";
  }

  @Override
  public String describe() {
    return "the redirect from " + alias;
  }

  @Override
  public Content content(Site site) {
    return new Content(
        target.title(),
        null,
        Map.of(
            "alias",
            alias,
            "target_url",
            site.url(target.path()),
            "target_link",
            site.link(target.path())));
  }
}
