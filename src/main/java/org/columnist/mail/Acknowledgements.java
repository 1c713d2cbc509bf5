package org.columnist.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;

/**
 * The mails that answer a reader about a question (its acknowledgement, its withdrawal), whichever
 * way it came, by mail or from the site's form: never to an auto-reply or no-reply address (RFC
 * 3834) nor to the column itself, and one acknowledgement per address per ack period.
 */
final class Acknowledgements {
  private final Outbox outbox;
  private final MailTemplates templates;
  private final String columnAddress;
  private final Duration ackPeriod;
  private final Clock clock;

  Acknowledgements(
      Outbox outbox,
      MailTemplates templates,
      String columnAddress,
      Duration ackPeriod,
      Clock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.columnAddress = columnAddress.toLowerCase(java.util.Locale.ROOT);
    this.ackPeriod = ackPeriod;
    this.clock = clock;
  }

  /** Whether Columnist may send {@code kind} to this address now (RFC 3834, and the ack period). */
  boolean mayAnswer(Connection db, String address, String kind) throws SQLException {
    if (!Outbox.mayWriteTo(address, columnAddress)) {
      return false;
    }
    if (!kind.equals("ack")) {
      return true;
    }
    return !Outbox.queuedSince(db, "ack", address, clock.instant().minus(ackPeriod));
  }

  /**
   * Queues {@code kind} about question {@code question} to {@code address}, in the thread of {@code
   * inReplyTo} (or null) and {@code references}.
   */
  void enqueue(
      Connection db,
      String kind,
      String address,
      String name,
      long question,
      String subject,
      String inReplyTo,
      List<String> references)
      throws SQLException {
    Map<String, Object> model =
        Map.of(
            "reader", Map.of("name", name == null ? "" : name),
            "question", Map.of("id", question, "subject", subject == null ? "" : subject));
    outbox.enqueue(db, templates.render(kind, address, model, inReplyTo, references, question));
  }
}
