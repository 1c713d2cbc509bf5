package org.columnist.daemon;

import java.time.Duration;
import org.columnist.newsletter.Subscribers;
import org.columnist.web.PublicServer;

/**
 * The hourly job of every process that answers the readers' forms ({@code run}, {@code demo},
 * {@code serve}): forget the subscribers, questions and responses whose writers never confirmed
 * them, delete the vote salts of past days, and build the pages of columns whose responses closed.
 */
public final class Housekeeping {
  private static final System.Logger LOG = System.getLogger("daemon");

  /** How often it runs, and how long after the start it runs first. */
  public static final Duration EVERY = Duration.ofHours(1);

  public static final Duration FIRST = Duration.ofMinutes(1);

  /** What {@link #run} says in the log and in a failure. */
  public static final String WHAT =
      "forget unconfirmed readers and past vote salts; close old columns' responses";

  private final PublicServer.Forms forms;
  private final Subscribers subscribers;
  private final ArchiveWatch watch;

  public Housekeeping(PublicServer.Forms forms, Subscribers subscribers, ArchiveWatch watch) {
    this.forms = forms;
    this.subscribers = subscribers;
    this.watch = watch;
  }

  public void run() {
    forgot(
        forms.questions().forgetUnconfirmed(),
        "questions asked on the site whose writers never confirmed them (7 days)");
    forgot(
        forms.responses().forgetUnconfirmed(),
        "responses whose writers never confirmed them (7 days)");
    forgot(
        subscribers.forgetUnconfirmed(),
        "addresses that asked to subscribe and never confirmed (newsletter.confirm_within)");
    forms.votes().forgetPastSalts();
    // A column's page says whether it takes responses; the build redraws the pages of columns
    // that closed (responses.close_after) since the last one.
    watch.refreshSite();
  }

  private static void forgot(int count, String what) {
    if (count > 0) {
      LOG.log(System.Logger.Level.INFO, "forgot " + count + " " + what);
    }
  }
}
