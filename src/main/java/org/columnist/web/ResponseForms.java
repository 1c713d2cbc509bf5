package org.columnist.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.columnist.Blank;
import org.columnist.config.Config;
import org.columnist.newsletter.Subscribers;
import org.columnist.responses.Responses;
import org.columnist.site.AnswerPage;
import org.columnist.site.ReaderSide;
import org.columnist.site.ResponseForm;

/**
 * Responses under a column: the form's post (through {@link FormGuard}: a check page first, then
 * Send), and the mailed link that confirms it. The page after Send is the same whatever the
 * address; a GET of the link only shows a button, since mail scanners follow links.
 */
final class ResponseForms {
  private static final System.Logger LOG = System.getLogger("web");
  private static final String FORM = "respond";
  private static final String CONFIRM = "responses/confirm";

  private final Responses responses;
  private final FormGuard guard;
  private final AnswerPage pages;
  private final ResponseForm forms;
  private final SameOrigin origin;
  private final Runnable readersChanged;

  /**
   * Posts to {@code responses} through {@code guard}, answered by {@code pages} and forms drawn
   * with the site-wide tokens of {@code readers}; {@code readersChanged} runs when a response shows
   * on its column's page at once.
   */
  ResponseForms(
      Config config,
      Responses responses,
      FormGuard guard,
      AnswerPage pages,
      ReaderSide readers,
      Runnable readersChanged) {
    this.responses = responses;
    this.guard = guard;
    this.pages = pages;
    this.forms = new ResponseForm(config, readers);
    this.origin = new SameOrigin(config.site().baseUrl());
    this.readersChanged = readersChanged;
  }

  void addRoutes(Javalin app) {
    // Before the column's route, which would take "confirm" for a slug.
    app.get("/" + CONFIRM, this::confirmPage);
    app.post("/" + CONFIRM, this::confirm);
    app.post("/responses/{slug}", this::respond);
  }

  private void respond(Context ctx) {
    String slug = ctx.pathParam("slug");
    // The guard first: its limits hold before the archive is looked at.
    FormGuard.Post post = guard.check(ctx, FORM, slug, true);
    if (post instanceof FormGuard.Refused) {
      return;
    }
    switch (responses.column(slug)) {
      case UNKNOWN -> {
        show(ctx, HttpStatus.NOT_FOUND, "No such column", "There is no column at this address.");
        return;
      }
      case CLOSED -> {
        show(
            ctx, HttpStatus.GONE, "Responses are closed", "This column no longer takes responses.");
        return;
      }
      case OPEN -> {}
    }
    // Java 17 has no pattern switch: a post is one of four records.
    if (post instanceof FormGuard.Taken taken) {
      take(ctx, slug, taken.fields());
    } else if (post instanceof FormGuard.ToCheck check) {
      ResponseForm.Filled filled = filled(check.fields());
      List<String> problems = problems(filled);
      ctx.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
      draw(ctx, slug, check.token(), check.why(), filled, problems);
    } else if (post instanceof FormGuard.Trapped) {
      sent(ctx);
    }
  }

  private void take(Context ctx, String slug, FormBody.Fields fields) {
    ResponseForm.Filled filled = filled(fields);
    List<String> problems = problems(filled);
    if (!problems.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      draw(ctx, slug, guard.fresh(FORM, slug), null, filled, problems);
      return;
    }
    String address = filled.email().strip().toLowerCase(Locale.ROOT);
    responses.post(
        new Responses.Draft(
            slug, filled.name().strip(), address, filled.text(), filled.mailReply()),
        guard.mayMail(address));
    LOG.log(System.Logger.Level.INFO, "response to " + slug + " from " + ClientAddress.of(ctx));
    sent(ctx);
  }

  private void sent(Context ctx) {
    show(
        ctx,
        HttpStatus.OK,
        "Check your inbox",
        "A link to confirm your response is on its way. Once you confirm, the coach reads it"
            + " before it appears under the column.");
  }

  private void draw(
      Context ctx,
      String slug,
      String token,
      String why,
      ResponseForm.Filled filled,
      List<String> problems) {
    ctx.contentType("text/html; charset=utf-8")
        .result(
            forms.render(
                "Check your response and send", why, "responses/" + slug, token, filled, problems));
  }

  private static ResponseForm.Filled filled(FormBody.Fields fields) {
    return new ResponseForm.Filled(
        nz(fields.get("name")),
        nz(fields.get("email")),
        nz(fields.get("text")),
        Blank.toNull(fields.get("notify")) != null);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }

  /** What is wrong with the form, in words for the writer; empty when nothing is. */
  static List<String> problems(ResponseForm.Filled f) {
    List<String> problems = new ArrayList<>();
    String name = f.name().strip();
    if (name.isEmpty()) {
      problems.add("Please type the name to show with your response.");
    } else if (name.length() > Responses.MAX_NAME) {
      problems.add("Your name is " + name.length() + " characters long; please use at most 80.");
    }
    if (Subscribers.address(f.email()).isEmpty()) {
      problems.add("Please check your e-mail address: it looks like name@example.com.");
    }
    String text = f.text().strip();
    if (text.isEmpty()) {
      problems.add("Please write your response.");
    } else if (f.text().length() > Responses.MAX_TEXT) {
      problems.add(
          "Your response is "
              + f.text().length()
              + " characters long; please shorten it to at most 4,000.");
    }
    return problems;
  }

  private void confirmPage(Context ctx) {
    String token = ctx.queryParam("t");
    if (token == null || !responses.signed(token.strip())) {
      invalidLink(ctx);
      return;
    }
    ctx.contentType("text/html; charset=utf-8")
        .result(
            pages.render(
                "Confirm your response",
                List.of("Press the button to send your response to the coach."),
                new AnswerPage.Button(CONFIRM, token.strip(), "Confirm my response"),
                false));
  }

  private void confirm(Context ctx) {
    if (origin.crossSite(ctx)) {
      show(
          ctx,
          HttpStatus.FORBIDDEN,
          "Please use the form on this site",
          "This form was sent from another web site, so nothing was done.");
      return;
    }
    FormBody.Read read = FormBody.of(ctx);
    String token = read instanceof FormBody.Fields f ? f.get("t") : null;
    Responses.Confirmed result =
        token == null ? Responses.Confirmed.INVALID : responses.confirm(token.strip());
    if (result == Responses.Confirmed.PUBLISHED) {
      readersChanged.run();
    }
    switch (result) {
      case PENDING ->
          show(
              ctx,
              HttpStatus.OK,
              "Thank you",
              "Your response is confirmed. The coach reads it before it appears under the"
                  + " column.");
      case PUBLISHED ->
          show(
              ctx,
              HttpStatus.OK,
              "Thank you",
              "Your response is confirmed and appears under the column.");
      case USED ->
          show(
              ctx,
              HttpStatus.BAD_REQUEST,
              "This link was used already",
              "A confirmation link works once; this response is confirmed already.");
      case EXPIRED ->
          show(
              ctx,
              HttpStatus.GONE,
              "This link has expired",
              "Confirmation links work for "
                  + Responses.CONFIRM_WITHIN.toDays()
                  + " days. Please write your response again.");
      case INVALID -> invalidLink(ctx);
    }
  }

  private void invalidLink(Context ctx) {
    show(
        ctx,
        HttpStatus.BAD_REQUEST,
        "This link does not work",
        "It may have been cut short when it was copied. Please use the link in the mail as it"
            + " came.");
  }

  private void show(Context ctx, HttpStatus status, String heading, String text) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(pages.render(heading, List.of(text), null, false));
  }
}
