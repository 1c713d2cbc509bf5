package org.columnist.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.columnist.Blank;
import org.columnist.Signer;
import org.columnist.mail.SiteQuestions;
import org.columnist.site.AnswerPage;
import org.columnist.site.FormTokens;

/**
 * Asking from the site: {@code POST /ask} through the {@link FormGuard} (a static page's post is
 * answered by a "check your question and send" page, and only a Send from that is taken), then
 * {@code /ask/confirm}, the link mailed to the address typed, whose GET only shows a button. The
 * answer to a question taken is the same whatever the address, so the form tells nobody anything.
 */
final class AskForm {
  private static final System.Logger LOG = System.getLogger("web");
  private static final String FORM = "ask";
  private static final String CONFIRM = "ask/confirm";
  private static final String CHECK = "Check your question and send";

  private final SiteQuestions questions;
  private final FormGuard guard;
  private final AnswerPage pages;

  AskForm(SiteQuestions questions, FormGuard guard, AnswerPage pages) {
    this.questions = questions;
    this.guard = guard;
    this.pages = pages;
  }

  void addRoutes(Javalin app) {
    app.post("/ask", this::ask);
    app.get("/" + CONFIRM, this::confirmPage);
    app.post("/" + CONFIRM, this::confirm);
  }

  private void ask(Context ctx) {
    FormGuard.Post post = guard.check(ctx, FORM, FormTokens.NO_SLUG, true);
    // Java 17 has no pattern switch over the sealed Post.
    if (post instanceof FormGuard.Taken taken) {
      AskInput input = AskInput.of(taken.fields());
      if (input.asked() == null) {
        redraw(ctx, HttpStatus.BAD_REQUEST, input, guard.fresh(FORM, FormTokens.NO_SLUG));
        return;
      }
      questions.ask(input.asked(), guard.mayMail(input.asked().address()));
      LOG.log(System.Logger.Level.INFO, "ask form from " + ClientAddress.of(ctx) + ": taken");
      sent(ctx);
    } else if (post instanceof FormGuard.ToCheck check) {
      AskInput input = AskInput.of(check.fields());
      if (input.asked() == null) {
        redraw(ctx, HttpStatus.BAD_REQUEST, input, check.token());
        return;
      }
      ctx.status(HttpStatus.OK)
          .contentType("text/html; charset=utf-8")
          .result(
              pages.renderAsk(
                  CHECK,
                  input.typed(),
                  check.why() == null ? List.of() : List.of(check.why()),
                  check.token()));
    } else if (post instanceof FormGuard.Trapped) {
      sent(ctx);
    }
    // Refused: FormGuard has drawn the page already.
  }

  private void redraw(Context ctx, HttpStatus status, AskInput input, String token) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(pages.renderAsk(CHECK, input.typed(), input.problems(), token));
  }

  private void sent(Context ctx) {
    show(
        ctx,
        HttpStatus.OK,
        "Check your inbox",
        List.of(
            "A mail with a link is on its way to the address you gave.",
            "Open the link and press the button on its page to send your question; until you do,"
                + " it is not sent. The link works for "
                + SiteQuestions.CONFIRM_WITHIN.toDays()
                + " days."),
        null);
  }

  private void confirmPage(Context ctx) {
    String token = token(ctx.queryParam("t"));
    if (token == null || !questions.signed(token)) {
      invalidLink(ctx);
      return;
    }
    show(
        ctx,
        HttpStatus.OK,
        "Send your question",
        List.of("Press the button to send your question to the column."),
        new AnswerPage.Button(CONFIRM, token, "Send my question"));
  }

  private void confirm(Context ctx) {
    FormBody.Read read = FormBody.of(ctx);
    String token =
        read instanceof FormBody.Fields fields
            ? token(fields.get("t"))
            : token(ctx.queryParam("t"));
    SiteQuestions.Confirmed result =
        token == null ? SiteQuestions.Confirmed.INVALID : questions.confirm(token);
    switch (result) {
      case CONFIRMED ->
          show(
              ctx,
              HttpStatus.OK,
              "Your question is sent",
              List.of(
                  "It is in the column's queue, and a short mail says so. To withdraw it, reply to"
                      + " that mail with the single word \"withdraw\"."),
              null);
      case EXPIRED ->
          show(
              ctx,
              HttpStatus.GONE,
              "This link has expired",
              List.of(
                  "Confirmation links work for "
                      + SiteQuestions.CONFIRM_WITHIN.toDays()
                      + " days. Please ask your question again."),
              null);
      case INVALID -> invalidLink(ctx);
    }
  }

  private void invalidLink(Context ctx) {
    show(
        ctx,
        HttpStatus.BAD_REQUEST,
        "This link does not work",
        List.of(
            "It may have been cut short when it was copied, or it was used already. Please use"
                + " the link in the mail, or ask your question again."),
        null);
  }

  private static String token(String typed) {
    return Blank.toNull(typed) == null || typed.length() > Signer.MAX_TOKEN ? null : typed.strip();
  }

  private void show(
      Context ctx, HttpStatus status, String heading, List<String> text, AnswerPage.Button button) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(pages.render(heading, text, button, false));
  }
}
