package org.columnist.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.Blank;
import org.columnist.mail.MailLog;
import org.columnist.queue.Mask;
import org.columnist.queue.Queue;
import org.columnist.queue.State;
import org.columnist.queue.Transition;

/**
 * The editor's pages that show questions: the queue (the open ones, or one state's, found by
 * subject or sender), and one question with its mail, history and the moves it allows. Readers'
 * addresses and names are masked unless the coach asks to see them.
 */
final class QueuePages {
  private final Queue queue;
  private final MailLog mailLog;
  private final EditorView view;

  QueuePages(Queue queue, MailLog mailLog, EditorView view) {
    this.queue = queue;
    this.mailLog = mailLog;
    this.view = view;
  }

  void queuePage(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null && !state.isBlank() && State.of(state).isEmpty()) {
      throw new BadInput(
          "There is no state '"
              + Input.shorten(state)
              + "'; the states are "
              + String.join(", ", State.ids())
              + ".");
    }
    String search = ctx.queryParam("q") == null ? "" : Input.shorten(ctx.queryParam("q").strip());
    Map<String, Integer> counts = queue.counts();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Queue.Entry e : queue.list(Blank.toNull(state))) {
      if ((state != null || State.isOpen(e.state())) && found(e, search)) {
        items.add(item(e));
      }
    }
    view.page(
        ctx,
        "queue",
        Map.of("counts", counts, "state", state == null ? "" : state, "items", items, "q", search));
  }

  private static boolean found(Queue.Entry e, String search) {
    return search.isEmpty()
        || (nz(e.subject()) + " " + nz(e.sender())).toLowerCase().contains(search.toLowerCase());
  }

  private Map<String, Object> item(Queue.Entry e) {
    return Map.of(
        "id",
        e.id(),
        "state",
        State.wordFor(e.state()),
        "subject",
        nz(e.subject()),
        "sender",
        nz(Mask.address(e.sender())),
        "age",
        view.times().ago(e.received()));
  }

  void questionPage(Context ctx) {
    Queue.Details d = queue.show(Input.id(ctx, "id"));
    boolean reveal = "1".equals(ctx.queryParam("reveal"));
    Map<String, Object> q = new HashMap<>();
    q.put("id", d.id());
    q.put("state", d.state());
    q.put("state_word", State.wordFor(d.state()));
    q.put("subject", nz(d.subject()));
    q.put("text", nz(d.text()));
    q.put("sender", reveal ? nz(d.senderAddress()) : nz(Mask.address(d.senderAddress())));
    q.put("name", reveal ? nz(d.senderName()) : nz(Mask.name(d.senderName())));
    q.put("received", d.received());
    q.put("received_ago", view.times().ago(d.received()));
    q.put("received_at", view.times().full(d.received()));
    q.put("url", nz(d.url()));
    q.put("has_draft", d.draft() != null);
    q.put("html", mailLog.originalHtml(d.id()));
    q.put("attachments", d.attachments());
    q.put("follow_ups", d.followUps());
    q.put("history", d.history());
    q.put("allowed", Transition.allowedVerbs(d.state()));
    q.put("notice_to_come", Queue.noticeToCome(d.origin(), d.state()));
    q.put("notice", d.notifyReader());
    // A question from the site's form could only be sent with its consent box ticked.
    q.put("from_form", "form".equals(d.origin()));
    view.page(ctx, "question", Map.of("q", q, "reveal", reveal));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
