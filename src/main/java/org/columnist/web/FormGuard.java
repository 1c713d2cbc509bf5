package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.columnist.Blank;
import org.columnist.config.Config;
import org.columnist.site.AnswerPage;
import org.columnist.site.FormTokens;

/**
 * The one gate every readers' form passes (subscribe, ask, responses, votes): a post from another
 * site is refused, the body is read within {@link FormBody#MAX}, one client gets a handful of posts
 * a minute ({@link FormLimits}), the form's signed token must be this site's for this form and
 * column, and a filled honeypot ({@code website}) is a trap. A form that asks for writing also
 * needs a minimum fill time: a static page cannot know when it was opened, so its first post only
 * leads to a "check and send" page with a fresh token, and only a post made at least {@link
 * #MIN_FILL} after that token was drawn is taken. Every refusal draws a page that says why.
 */
final class FormGuard {
  private static final System.Logger LOG = System.getLogger("web");

  /** The least time a person takes between a check page and its Send button. */
  static final Duration MIN_FILL = Duration.ofSeconds(2);

  /** How long a check page's token works; older, the page is drawn again with a new one. */
  static final Duration FRESH_FOR = Duration.ofHours(2);

  // Confirmation mails one typed address may be sent, whoever types it: a flood of posts naming
  // someone else's address must not become a flood of mail to them.
  private static final int MAILS_PER_ADDRESS_PER_HOUR = 5;
  private static final int ADDRESSES = 10_000;

  private final FormTokens tokens;
  private final FormLimits perClient;
  private final SameOrigin origin;
  private final AnswerPage pages;
  private final Clock clock;
  private final FormLimits perAddress =
      new FormLimits(MAILS_PER_ADDRESS_PER_HOUR, Duration.ofHours(1), ADDRESSES);

  /** Refusals are drawn by {@code pages}, the public server's one drawer of answer pages. */
  FormGuard(Config config, FormTokens tokens, FormLimits perClient, AnswerPage pages, Clock clock) {
    this.tokens = tokens;
    this.perClient = perClient;
    this.origin = new SameOrigin(config.site().baseUrl());
    this.pages = pages;
    this.clock = clock;
  }

  /** What became of a post. */
  sealed interface Post permits Taken, ToCheck, Trapped, Refused {}

  /** The post passed every check: act on its fields. */
  record Taken(FormBody.Fields fields) implements Post {}

  /**
   * The post is genuine but not yet to be acted on (a static page's first post, or a Send pressed
   * too soon after its page was drawn): draw the form again, filled in, with {@code token}, and
   * {@code why} when there is something to say.
   */
  record ToCheck(FormBody.Fields fields, String token, String why) implements Post {}

  /** The honeypot was filled: answer as if it worked, and do nothing. */
  record Trapped(FormBody.Fields fields) implements Post {}

  /** Refused: the page that says why is drawn already. */
  record Refused() implements Post {}

  /**
   * Checks a post of {@code form} for column {@code slug} (or {@link FormTokens#NO_SLUG}); {@code
   * fillTime} says whether the form asks for writing and so for a fresh token used no sooner than
   * {@link #MIN_FILL}.
   */
  Post check(Context ctx, String form, String slug, boolean fillTime) {
    if (origin.crossSite(ctx)) {
      LOG.log(
          System.Logger.Level.INFO,
          form + " form post from another site refused (" + ClientAddress.of(ctx) + ")");
      return refuse(
          ctx,
          HttpStatus.FORBIDDEN,
          "Please use the form on this site",
          "This form was sent from another web site, so nothing was done.");
    }
    FormBody.Read read = FormBody.of(ctx, fillTime ? FormBody.WRITING_MAX : FormBody.MAX);
    if (read instanceof FormBody.Refused r) {
      return refuse(
          ctx,
          r.status(),
          r.status() == HttpStatus.BAD_REQUEST ? "That was not a form" : "Too much sent",
          r.message());
    }
    Optional<FormLimits.Refusal> limited = perClient.check(ctx);
    if (limited.isPresent()) {
      FormLimits.Refusal r = limited.get();
      ctx.header("Retry-After", Long.toString(r.retryAfter().toSeconds()));
      return refuse(ctx, r.status(), "Too many requests", r.message());
    }
    FormBody.Fields fields = (FormBody.Fields) read;
    Optional<FormTokens.Stamp> stamp =
        tokens
            .read(fields.get("token"))
            .filter(s -> s.form().equals(form) && s.slug().equals(slug));
    if (stamp.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          form + " form post without this page's token refused (" + ClientAddress.of(ctx) + ")");
      return refuse(
          ctx,
          HttpStatus.FORBIDDEN,
          "Please use the form on this site",
          "This form did not come from a page of this site, or the page was out of date. Please"
              + " reload the page and send the form again.");
    }
    Instant now = clock.instant();
    Instant issued = stamp.get().issued();
    String fresh = tokens.fresh(form, slug, now);
    // A static page's first post gets its check page whatever it holds, so that a robot that
    // filled the trap cannot tell from the answer.
    if (fillTime && issued == null) {
      return new ToCheck(fields, fresh, null);
    }
    if (Blank.toNull(fields.get("website")) != null) {
      LOG.log(
          System.Logger.Level.INFO,
          form + " form from " + ClientAddress.of(ctx) + ": honeypot filled, ignored");
      return new Trapped(fields);
    }
    if (!fillTime) {
      return new Taken(fields);
    }
    if (now.isBefore(issued.plus(MIN_FILL))) {
      LOG.log(
          System.Logger.Level.INFO,
          form
              + " form from "
              + ClientAddress.of(ctx)
              + " sent too soon after its page, shown again");
      return new ToCheck(fields, fresh, "Please read it through once more, then press Send.");
    }
    if (now.isAfter(issued.plus(FRESH_FOR))) {
      return new ToCheck(
          fields,
          fresh,
          "This page was open for a long time; please check it and press Send again.");
    }
    return new Taken(fields);
  }

  /**
   * Whether a confirmation mail may go to {@code address} now; each yes counts. A no is not told to
   * the visitor (the page is the same whatever the address): the mail is just not sent.
   */
  boolean mayMail(String address) {
    return perAddress.allows(address.strip().toLowerCase(Locale.ROOT));
  }

  /** The token of a check page drawn now, for {@code form} of column {@code slug}. */
  String fresh(String form, String slug) {
    return tokens.fresh(form, slug, clock.instant());
  }

  private Refused refuse(Context ctx, HttpStatus status, String heading, String text) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(pages.render(heading, List.of(text), null, false));
    return new Refused();
  }
}
