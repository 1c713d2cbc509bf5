package org.columnist.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a form post comes from the site's own pages. Any web page can make its visitors' browsers
 * post a form here; a browser says where it comes from ({@code Sec-Fetch-Site}, {@code Origin}), so
 * such a post is refused, and the public form cannot be turned into a sender of confirmation mail
 * by a third party. A post without either header (an old browser, a script) is let through: the
 * limits per client still hold.
 */
final class SameOrigin {
  private final String site;

  /** With {@code base}, the site's public address: its origin is the form's own. */
  SameOrigin(URI base) {
    this.site = origin(base.getScheme(), base.getHost(), base.getPort());
  }

  boolean crossSite(Context ctx) {
    if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
      return true;
    }
    String origin = ctx.header("Origin");
    if (origin == null) {
      return false;
    }
    String o = origin.strip().toLowerCase(Locale.ROOT);
    // This server's own address too, for a local demo served on another host than the site's.
    String host = ctx.host() == null ? "" : ctx.host().toLowerCase(Locale.ROOT);
    return !(o.equals(site) || o.equals("http://" + host) || o.equals("https://" + host));
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme == null ? "https" : scheme.toLowerCase(Locale.ROOT);
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
    return s + "://" + h + (port < 0 ? "" : ":" + port);
  }
}
