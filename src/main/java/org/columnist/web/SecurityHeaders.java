package org.columnist.web;

import io.javalin.http.Context;
import java.net.URI;
import org.columnist.config.Config;

/**
 * The headers every answer of the public server carries. The site is static pages, one stylesheet
 * and forms to its own address, so the policy allows nothing else: no inline script or style, no
 * plugins, no framing by other sites, images only from the site unless {@code site.remote_images}.
 */
final class SecurityHeaders {
  private final String policy;

  SecurityHeaders(Config.Site site) {
    URI base = site.baseUrl();
    String origin =
        base.getScheme()
            + "://"
            + base.getHost()
            + (base.getPort() == -1 ? "" : ":" + base.getPort());
    // A column's Markdown keeps remote images out of the pages (site/Markdown); this is the
    // browser's
    // own check of the same rule, for pages an instance's templates may have changed.
    String images = site.remoteImages() ? "'self' https: http:" : "'self' " + origin;
    this.policy =
        "default-src 'self'; img-src "
            + images
            + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  String policy() {
    return policy;
  }

  void addTo(Context ctx) {
    ctx.header("Content-Security-Policy", policy);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    // For browsers that predate CSP's frame-ancestors.
    ctx.header("X-Frame-Options", "DENY");
  }
}
