package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.columnist.mail.MailLog;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Mask;

/** The editor's mail status: what intake fetched lately, the outbox, and a retry of a mail. */
final class MailPages {
  /** The most a list on the page shows: the latest. */
  private static final int SHOWN = 50;

  private final MailLog mailLog;
  private final Outbox outbox;
  private final EditorView view;

  MailPages(MailLog mailLog, Outbox outbox, EditorView view) {
    this.mailLog = mailLog;
    this.outbox = outbox;
    this.view = view;
  }

  void mailPage(Context ctx) {
    // Readers are masked here as in the queue, until the coach asks to see them.
    boolean reveal = "1".equals(ctx.queryParam("reveal"));
    List<MailLog.Entry> log =
        mailLog.list(SHOWN).stream()
            .map(e -> reveal ? e : e.withSender(Mask.address(e.sender())))
            .toList();
    List<Outbox.Entry> mails =
        outbox.list().stream()
            .limit(SHOWN)
            .map(e -> reveal ? e : e.withTo(Mask.address(e.to())))
            .toList();
    String lastPoll =
        log.isEmpty()
            ? "never"
            : view.times().ago(log.get(0).fetchedAt())
                + " ("
                + view.times().full(log.get(0).fetchedAt())
                + ")";
    view.page(
        ctx, "mail", Map.of("log", log, "outbox", mails, "last_poll", lastPoll, "reveal", reveal));
  }

  void retry(Context ctx) {
    long id = Input.id(ctx, "id");
    if (!outbox.retryNow(id)) {
      ctx.status(HttpStatus.NOT_FOUND);
      view.problem(ctx, "There is no mail #" + id + " waiting to be sent.");
      return;
    }
    EditorView.flash(ctx, "Mail #" + id + " will be sent on the next round.");
    ctx.redirect("/mail");
  }
}
