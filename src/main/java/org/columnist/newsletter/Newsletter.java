package org.columnist.newsletter;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.columnist.ColumnistException;
import org.columnist.column.Column;
import org.columnist.config.Config;
import org.columnist.outbox.Bulk;
import org.columnist.outbox.BulkMail;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.outbox.OutgoingMail;
import org.columnist.site.SectionHtml;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The newsletter's sends: each column, when first published, is mailed once to every confirmed
 * subscriber. {@link #published} runs in the publication's transaction (Wiring hands it to the
 * queue as its after-publish step), so a template that cannot be rendered refuses the publication,
 * and the recipients are fixed at that moment: one shared body in the outbox and one row each.
 */
public final class Newsletter {
  private static final System.Logger LOG = System.getLogger("newsletter");

  private final Config config;
  private final Store store;
  private final Outbox outbox;
  private final MailTemplates templates;
  private final Subscribers subscribers;
  private final SectionHtml html;
  private final Clock clock;

  public Newsletter(
      Config config,
      Store store,
      Outbox outbox,
      MailTemplates templates,
      Subscribers subscribers,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.outbox = outbox;
    this.templates = templates;
    this.subscribers = subscribers;
    this.html = new SectionHtml(config.site());
    this.clock = clock;
  }

  /**
   * Queues column {@code column} (question {@code questionId}, at {@code url}) for every confirmed
   * subscriber, inside the caller's transaction; the send's number is its outbox body's.
   */
  public void published(Connection db, long questionId, Column column, String url)
      throws SQLException {
    String marker = "NLTOKEN" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    String unsubscribeUrl =
        config.site().baseUrl().resolve(Links.UNSUBSCRIBE_PATH + marker).toString();
    OutgoingMail mail =
        templates.render(
            "column",
            "",
            NewsletterModel.of(column, url, unsubscribeUrl, html),
            null,
            List.of(),
            questionId);
    BulkMail body =
        new BulkMail(
            "newsletter",
            mail.subject(),
            mail.text(),
            mail.html(),
            headers(unsubscribeUrl),
            marker,
            clock.instant().plus(config.newsletter().maxAge()),
            questionId);
    try (Bulk bulk = outbox.startBulk(db, body)) {
      subscribers.forEachConfirmed(db, (id, address, token) -> bulk.add(address, token));
      Sql.update(
          db,
          """
          INSERT INTO newsletter_sends(id, question_id, archive_path, title, url, body_id,
                                       recipients, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
          bulk.bodyId(),
          questionId,
          column.archiveFile(),
          column.title(),
          url,
          bulk.bodyId(),
          bulk.count(),
          clock.instant().toString());
      LOG.log(
          System.Logger.Level.INFO,
          "newsletter #" + bulk.bodyId() + " queued for " + bulk.count() + " subscribers");
    }
  }

  /**
   * Sends newsletter {@code send} even though its column grew older than {@code
   * newsletter.max_age}: its held mails are due now. Returns how many.
   */
  public int force(long send) {
    return store.inTransaction(
        db -> {
          long body =
              Sql.one(
                      db,
                      "SELECT body_id FROM newsletter_sends WHERE id = ?",
                      rs -> rs.getLong(1),
                      send)
                  .orElseThrow(
                      () ->
                          new ColumnistException(
                              "there is no newsletter send #"
                                  + send
                                  + "; 'columnist newsletter status' lists them"));
          return Outbox.releaseHeld(db, body);
        });
  }

  /**
   * The list headers: RFC 2369 and RFC 8058 (one-click unsubscribe, by HTTPS POST, and by mail),
   * RFC 2919 (List-Id, for filters), and the marks that say no person wrote it and none should
   * answer (RFC 3834 §5 auto-generated; Precedence: bulk for older autoresponders).
   */
  private List<String> headers(String unsubscribeUrl) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "List-Unsubscribe: <"
            + unsubscribeUrl
            + ">, <mailto:"
            + config.column().address()
            + "?subject=unsubscribe>");
    lines.add("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    lines.add(
        "List-Id: "
            + phrase(config.site().title())
            + " <newsletter."
            + config.site().baseUrl().getHost()
            + ">");
    lines.add("Precedence: bulk");
    lines.add("Auto-Submitted: auto-generated");
    return lines;
  }

  /** {@code title} as a header phrase: no line breaks or brackets, encoded if not ASCII. */
  private static String phrase(String title) {
    String plain = title.replaceAll("[\\r\\n<>\"]", " ").strip();
    try {
      return MimeUtility.encodeText(plain, "UTF-8", "Q");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
    }
  }
}
