package org.columnist.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.Signer;
import org.columnist.config.Config;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Arrivals;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Questions asked on the site's form: each waits in {@code form_questions} until its writer opens
 * the link mailed to the address typed, for From is not the only thing that can be forged; then it
 * enters the queue like a question by mail ({@code origin 'form'}) and gets the same
 * acknowledgement. The link is signed, names its row and the row's nonce (so it works once) and
 * says when it expires; an unconfirmed row is deleted once expired.
 */
public final class SiteQuestions {
  private static final System.Logger LOG = System.getLogger("mail");

  /** How long a confirmation link works, and an unconfirmed question is kept. */
  public static final Duration CONFIRM_WITHIN = Duration.ofDays(7);

  private static final Duration DEFAULT_ACK_PERIOD = Duration.ofDays(7);

  private final Config config;
  private final Store store;
  private final Signer links;
  private final Arrivals arrivals;
  private final Outbox outbox;
  private final MailTemplates templates;
  private final Acknowledgements answers;
  private final Clock clock;

  public SiteQuestions(
      Config config,
      Store store,
      byte[] linkKey,
      Outbox outbox,
      MailTemplates templates,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.links = new Signer(linkKey);
    this.arrivals = new Arrivals(clock);
    this.outbox = outbox;
    this.templates = templates;
    this.answers =
        new Acknowledgements(
            outbox,
            templates,
            config.column().address(),
            config.mailbox() == null ? DEFAULT_ACK_PERIOD : config.mailbox().ackPeriod(),
            clock);
    this.clock = clock;
  }

  /**
   * A question as typed on the form, checked: the {@code question}, and the {@code profile} lines
   * (such as {@code Age: 47}, one a line; may be empty) that {@code ProfileHints} reads.
   */
  public record Asked(
      String address, String name, String subject, String question, String profile) {}

  /**
   * Keeps {@code asked} until its writer confirms, and mails the link; unless {@code mayMail} is
   * false (too many mails to that address already) or the address is one Columnist never writes to:
   * then nothing is kept, since nothing could confirm it, and nothing tells the visitor.
   */
  public void ask(Asked asked, boolean mayMail) {
    if (!mayMail || !Outbox.mayWriteTo(asked.address(), config.column().address())) {
      LOG.log(
          System.Logger.Level.INFO,
          "question from the site's form not kept: no confirmation mail (limit or address)");
      return;
    }
    // A sign-off typed into the form is cut and kept as a mail's is, for the privacy check; the
    // profile lines come after the question, where they cannot be taken for a signature.
    QuoteTrimmer.Trimmed cut = QuoteTrimmer.cut(asked.question());
    String body = (cut.question() + "\n\n" + asked.profile()).strip();
    Instant now = clock.instant();
    Instant expires = now.plus(CONFIRM_WITHIN);
    String nonce = Signer.nonce();
    store.inTransaction(
        db -> {
          long id =
              Sql.insert(
                  db,
                  """
                  INSERT INTO form_questions(address, name, subject, body, signature, consent, nonce, created_at, expires_at)
                  VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)""",
                  asked.address(),
                  asked.name(),
                  asked.subject(),
                  body,
                  cut.signature(),
                  nonce,
                  now.toString(),
                  expires.toString());
          mailLink(db, asked, link(id, nonce, expires));
          return null;
        });
  }

  private void mailLink(Connection db, Asked asked, String token) throws SQLException {
    outbox.enqueue(
        db,
        templates.render(
            "confirm-question",
            asked.address(),
            Map.of(
                "confirm_url",
                config.site().baseUrl().resolve("ask/confirm?t=" + token).toString(),
                "expires_in",
                CONFIRM_WITHIN.toDays() + " days"),
            null,
            List.of(),
            null));
  }

  private String link(long id, String nonce, Instant expires) {
    return links.sign("ask." + id + "." + nonce + "." + expires.getEpochSecond());
  }

  /** What a confirmation link did. */
  public enum Confirmed {
    CONFIRMED,
    /** The link is genuine but its week is over. */
    EXPIRED,
    /** Forged, altered, cut short, or used already. */
    INVALID
  }

  private record Link(long id, String nonce, Instant expires) {}

  private Optional<Link> read(String token) {
    return links
        .verified(token)
        .map(p -> p.split("\\.", -1))
        .filter(
            f ->
                f.length == 4
                    && f[0].equals("ask")
                    && f[1].matches("\\d{1,18}")
                    && f[3].matches("\\d{1,18}"))
        .map(
            f -> new Link(Long.parseLong(f[1]), f[2], Instant.ofEpochSecond(Long.parseLong(f[3]))));
  }

  /** Whether {@code token} is a link this instance signed (for the page with the button). */
  public boolean signed(String token) {
    return read(token).isPresent();
  }

  /** Confirms the question of link {@code token}: it enters the queue and is acknowledged. */
  public Confirmed confirm(String token) {
    Optional<Link> link = read(token);
    if (link.isEmpty()) {
      return Confirmed.INVALID;
    }
    if (!clock.instant().isBefore(link.get().expires())) {
      return Confirmed.EXPIRED;
    }
    return store.inTransaction(db -> enter(db, link.get()));
  }

  private record Waiting(
      String address, String name, String subject, String body, String signature) {}

  private Confirmed enter(Connection db, Link link) throws SQLException {
    Optional<Waiting> waiting =
        Sql.one(
            db,
            "SELECT address, name, subject, body, signature FROM form_questions"
                + " WHERE id = ? AND nonce = ? AND question_id IS NULL",
            rs ->
                new Waiting(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            link.id(),
            link.nonce());
    if (waiting.isEmpty()) {
      return Confirmed.INVALID;
    }
    Waiting w = waiting.get();
    long question =
        arrivals.receiveFromForm(db, w.address(), w.name(), w.subject(), w.body(), w.signature());
    Sql.update(db, "UPDATE form_questions SET question_id = ? WHERE id = ?", question, link.id());
    if (answers.mayAnswer(db, w.address(), "ack")) {
      answers.enqueue(db, "ack", w.address(), w.name(), question, w.subject(), null, List.of());
    }
    LOG.log(
        System.Logger.Level.INFO,
        "question " + question + " from the site's form confirmed by its writer");
    return Confirmed.CONFIRMED;
  }

  /** Deletes the questions never confirmed whose link has expired; returns how many. */
  public int forgetUnconfirmed() {
    return store.inTransaction(
        db ->
            Sql.update(
                db,
                "DELETE FROM form_questions WHERE question_id IS NULL AND expires_at <= ?",
                clock.instant().toString()));
  }
}
