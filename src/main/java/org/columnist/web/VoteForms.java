package org.columnist.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import java.util.function.Function;
import org.columnist.Blank;
import org.columnist.column.Slug;
import org.columnist.responses.Votes;
import org.columnist.site.VotePage;

/**
 * "Was this helpful?": {@code POST /votes/{slug}} (value yes or no, from the buttons under a
 * column) and {@code POST /votes/{slug}/missing} (the "What was missing?" box a "no" is answered
 * with), both through {@link FormGuard}. The client's address only goes into {@link Votes}' daily
 * hash.
 */
final class VoteForms {
  private static final System.Logger LOG = System.getLogger("web");
  private static final String VOTE = "vote";
  private static final String MISSING = "missing";

  private final FormGuard guard;
  private final Votes votes;
  private final Function<String, Optional<String>> pathOf;
  private final Runnable readersChanged;
  private final VotePage pages;

  /**
   * Votes into {@code votes} on the columns {@code pathOf} knows (their page's path by slug);
   * {@code readersChanged} runs when a vote changed a column's count of yes votes.
   */
  VoteForms(
      FormGuard guard,
      Votes votes,
      Function<String, Optional<String>> pathOf,
      Runnable readersChanged,
      VotePage pages) {
    this.guard = guard;
    this.votes = votes;
    this.pathOf = pathOf;
    this.readersChanged = readersChanged;
    this.pages = pages;
  }

  void addRoutes(Javalin app) {
    app.post("/votes/{slug}", this::vote);
    app.post("/votes/{slug}/missing", this::missing);
  }

  private void vote(Context ctx) {
    VotePage.Of column = column(ctx);
    FormGuard.Post post = guard.check(ctx, VOTE, column.slug(), false);
    if (post instanceof FormGuard.Refused) {
      return;
    }
    FormBody.Fields fields = fields(post);
    String value = fields.get("value");
    if (!"yes".equals(value) && !"no".equals(value)) {
      show(ctx, HttpStatus.BAD_REQUEST, pages.unclear(column));
      return;
    }
    boolean helpful = value.equals("yes");
    if (post instanceof FormGuard.Taken
        && votes.cast(column.slug(), ClientAddress.block(ctx), helpful)
            == Votes.Cast.COUNT_CHANGED) {
      readersChanged.run();
    }
    VotePage.Box box =
        helpful ? null : new VotePage.Box(guard.fresh(MISSING, column.slug()), "", null);
    show(ctx, HttpStatus.OK, pages.thanks(column, box));
  }

  private void missing(Context ctx) {
    VotePage.Of column = column(ctx);
    FormGuard.Post post = guard.check(ctx, MISSING, column.slug(), true);
    if (post instanceof FormGuard.Refused) {
      return;
    }
    if (post instanceof FormGuard.ToCheck check) {
      String text = check.fields().get("text");
      show(
          ctx,
          HttpStatus.OK,
          pages.again(column, new VotePage.Box(check.token(), text, check.why())));
      return;
    }
    String text = Blank.toNull(fields(post).get("text"));
    if (text != null && text.strip().length() > Votes.MAX_MISSING) {
      String why =
          "That is "
              + text.strip().length()
              + " characters long; please keep it to "
              + Votes.MAX_MISSING
              + ".";
      show(
          ctx,
          HttpStatus.BAD_REQUEST,
          pages.again(column, new VotePage.Box(guard.fresh(MISSING, column.slug()), text, why)));
      return;
    }
    if (text != null && post instanceof FormGuard.Taken) {
      if (!votes.missing(column.slug(), ClientAddress.block(ctx), text.strip())) {
        LOG.log(
            System.Logger.Level.INFO,
            "what was missing from "
                + column.slug()
                + " not kept: no \"no\" vote from this client today");
      }
    }
    show(ctx, HttpStatus.OK, pages.kept(column));
  }

  /** The column the path names, or a 404 for a slug the site has no column for. */
  private VotePage.Of column(Context ctx) {
    String slug = ctx.pathParam("slug");
    if (!Slug.isValid(slug)) {
      throw new NotFoundResponse();
    }
    return pathOf
        .apply(slug)
        .map(path -> new VotePage.Of(slug, path))
        .orElseThrow(NotFoundResponse::new);
  }

  /** The fields of a post that was taken or trapped (a trap is answered as if it worked). */
  private static FormBody.Fields fields(FormGuard.Post post) {
    if (post instanceof FormGuard.Taken taken) {
      return taken.fields();
    }
    if (post instanceof FormGuard.Trapped trapped) {
      return trapped.fields();
    }
    if (post instanceof FormGuard.ToCheck check) {
      return check.fields();
    }
    throw new IllegalStateException("a refused post has no fields");
  }

  private static void show(Context ctx, HttpStatus status, String html) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
  }
}
