package org.columnist.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.Blank;
import org.columnist.config.Config;
import org.columnist.newsletter.Source;
import org.columnist.newsletter.Subscribers;
import org.columnist.site.AnswerPage;
import org.columnist.site.FormTokens;

/**
 * The newsletter's public forms and links: subscribing (the same answer whatever the address, so
 * that the form tells nobody who subscribes), confirming and unsubscribing. A GET only shows a
 * button: mail scanners follow links, and must neither confirm nor unsubscribe anyone.
 */
final class NewsletterForms {
  private static final System.Logger LOG = System.getLogger("web");
  private static final String CONFIRM = "newsletter/confirm";
  private static final String UNSUBSCRIBE = "newsletter/unsubscribe";

  /** Longer than any token Columnist makes; anything longer is not one of its links. */
  private static final FormBody.Fields NO_FIELDS = new FormBody.Fields(Map.of());

  private final Subscribers subscribers;
  private final AnswerPage pages;
  private final FormLimits limits;
  private final SameOrigin origin;
  private final FormGuard guard;

  NewsletterForms(
      Config config,
      Subscribers subscribers,
      FormLimits limits,
      FormGuard guard,
      AnswerPage pages) {
    this.subscribers = subscribers;
    this.pages = pages;
    this.limits = limits;
    this.origin = new SameOrigin(config.site().baseUrl());
    this.guard = guard;
  }

  void addRoutes(Javalin app) {
    app.post("/subscribe", this::subscribe);
    app.get("/" + CONFIRM, this::confirmPage);
    app.post("/" + CONFIRM, this::confirm);
    app.get("/" + UNSUBSCRIBE, this::unsubscribePage);
    app.post("/" + UNSUBSCRIBE, this::unsubscribe);
  }

  private void subscribe(Context ctx) {
    FormGuard.Post post = guard.check(ctx, "subscribe", FormTokens.NO_SLUG, false);
    // Java 17 has no pattern switch: Taken acts, Trapped answers as if it had, Refused is drawn.
    if (post instanceof FormGuard.Taken taken) {
      String typed = taken.fields().get("email");
      Optional<String> address = Subscribers.address(typed);
      if (address.isEmpty()) {
        show(
            ctx,
            HttpStatus.BAD_REQUEST,
            "That is not an e-mail address",
            List.of(badAddress(typed)),
            null,
            true);
        return;
      }
      Subscribers.Requested requested = subscribers.request(address.get(), Source.FORM);
      LOG.log(
          System.Logger.Level.INFO,
          "subscribe form from "
              + ClientAddress.of(ctx)
              + ": "
              + requested.name().toLowerCase(java.util.Locale.ROOT));
    } else if (!(post instanceof FormGuard.Trapped)) {
      return;
    }
    // The same page whatever happened: it must not tell who is subscribed.
    show(
        ctx,
        HttpStatus.OK,
        "Check your inbox",
        List.of(
            "If this address can subscribe, a confirmation link is on its way.",
            "Open the link in that mail to confirm; until you do, nothing else is sent to you."),
        null,
        false);
  }

  private static String badAddress(String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return "Please type your e-mail address, such as name@example.com.";
    }
    if (t.length() > Subscribers.MAX_ADDRESS) {
      return "That address is "
          + t.length()
          + " characters long; an e-mail address has at most "
          + Subscribers.MAX_ADDRESS
          + ".";
    }
    return "Please check it: an e-mail address looks like name@example.com.";
  }

  private void confirmPage(Context ctx) {
    buttonPage(
        ctx,
        "Confirm your subscription",
        "Press the button to get each new column by e-mail.",
        new AnswerPage.Button(CONFIRM, token(ctx, NO_FIELDS), "Confirm my subscription"),
        subscribers::signedConfirmation);
  }

  /**
   * The page a link's GET shows: one button that posts its token, or, for a token this instance did
   * not sign (cut short, altered, made up), why the link is no good.
   */
  private void buttonPage(
      Context ctx,
      String heading,
      String text,
      AnswerPage.Button button,
      java.util.function.Predicate<String> signed) {
    if (button.token() == null || !signed.test(button.token())) {
      invalidLink(ctx);
      return;
    }
    show(ctx, HttpStatus.OK, heading, List.of(text), button, false);
  }

  private void confirm(Context ctx) {
    Optional<FormBody.Fields> form = form(ctx);
    if (form.isEmpty()) {
      return;
    }
    String token = token(ctx, form.get());
    Subscribers.Confirmed result =
        token == null ? Subscribers.Confirmed.INVALID : subscribers.confirm(token);
    switch (result) {
      case CONFIRMED ->
          show(
              ctx,
              HttpStatus.OK,
              "You are subscribed",
              List.of(
                  "Each new column will come to your inbox. Every one has a link to unsubscribe."),
              null,
              false);
      case ALREADY_CONFIRMED ->
          show(
              ctx,
              HttpStatus.OK,
              "Already confirmed",
              List.of("This subscription is confirmed already; nothing has changed."),
              null,
              false);
      case EXPIRED ->
          show(
              ctx,
              HttpStatus.GONE,
              "This link has expired",
              List.of(
                  "Confirmation links work for a limited time. Subscribe again to get a new one."),
              null,
              true);
      case INVALID -> invalidLink(ctx);
    }
  }

  private void unsubscribePage(Context ctx) {
    buttonPage(
        ctx,
        "Unsubscribe",
        "Press the button to stop getting new columns by e-mail.",
        new AnswerPage.Button(UNSUBSCRIBE, token(ctx, NO_FIELDS), "Unsubscribe"),
        subscribers::signedUnsubscribe);
  }

  private void unsubscribe(Context ctx) {
    // RFC 8058: a mail provider's one-click POST, to the List-Unsubscribe address with its token.
    // It comes from a server, with no browser's Origin, in whatever body (multipart, as the RFC
    // suggests, or not), so its body is not read; providers post for many people from few
    // addresses, so it is not counted against one client's limit: the signed token is its check.
    boolean oneClick = Blank.toNull(ctx.queryParam("t")) != null;
    String token;
    if (oneClick) {
      token = token(ctx, NO_FIELDS);
    } else {
      Optional<FormBody.Fields> form = form(ctx);
      if (form.isEmpty()) {
        return;
      }
      token = token(ctx, form.get());
    }
    Subscribers.Unsubscribed result =
        token == null
            ? Subscribers.Unsubscribed.INVALID
            : subscribers.unsubscribeByToken(token, oneClick ? "one-click" : "link");
    switch (result) {
      case UNSUBSCRIBED, NOT_SUBSCRIBED ->
          show(
              ctx,
              HttpStatus.OK,
              "You are unsubscribed",
              List.of(
                  "No more columns will be sent to you by e-mail.",
                  "Changed your mind? Subscribe again here."),
              null,
              true);
      case INVALID -> invalidLink(ctx);
    }
  }

  private void invalidLink(Context ctx) {
    show(
        ctx,
        HttpStatus.BAD_REQUEST,
        "This link does not work",
        List.of(
            "It may have been cut short when it was copied, or a newer mail replaced it. Please use the link in the newest mail, or subscribe again."),
        null,
        true);
  }

  /** The link's token, from the address or the form; null when there is none or it is too long. */
  private static String token(Context ctx, FormBody.Fields form) {
    String token = ctx.queryParam("t");
    if (Blank.toNull(token) == null) {
      token = form.get("t");
    }
    return Blank.toNull(token) == null || token.length() > Subscribers.MAX_TOKEN
        ? null
        : token.strip();
  }

  /**
   * The fields of a form posted from the site's own pages, within the limits; or empty, with the
   * page that says why already drawn.
   */
  private Optional<FormBody.Fields> form(Context ctx) {
    if (origin.crossSite(ctx)) {
      LOG.log(
          System.Logger.Level.INFO,
          "form post from another site refused (" + ClientAddress.of(ctx) + ")");
      show(
          ctx,
          HttpStatus.FORBIDDEN,
          "Please use the form on this site",
          List.of("This form was sent from another web site, so nothing was done."),
          null,
          true);
      return Optional.empty();
    }
    // Java 17 has no pattern switch: a read is either its fields or a refusal.
    FormBody.Read read = FormBody.of(ctx);
    if (read instanceof FormBody.Refused r) {
      show(
          ctx,
          r.status(),
          r.status() == HttpStatus.BAD_REQUEST ? "That was not a form" : "Too much sent",
          List.of(r.message()),
          null,
          false);
      return Optional.empty();
    }
    Optional<FormLimits.Refusal> refusal = limits.check(ctx);
    if (refusal.isPresent()) {
      FormLimits.Refusal r = refusal.get();
      ctx.header("Retry-After", Long.toString(r.retryAfter().toSeconds()));
      show(ctx, r.status(), "Too many requests", List.of(r.message()), null, false);
      return Optional.empty();
    }
    return Optional.of((FormBody.Fields) read);
  }

  private void show(
      Context ctx,
      HttpStatus status,
      String heading,
      List<String> paragraphs,
      AnswerPage.Button button,
      boolean subscribeForm) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(pages.render(heading, paragraphs, button, subscribeForm));
  }
}
