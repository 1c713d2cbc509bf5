package org.columnist.responses;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.columnist.Signer;
import org.columnist.config.Config;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * A reader's side of responses: a response posted under a column waits, unconfirmed, for its writer
 * to open the mailed link; confirmed, it waits for the coach, or shows at once when the coach has
 * approved this address before and {@code responses.trust_returning} allows it. The link is signed,
 * names the row's nonce, works once and for {@link #CONFIRM_WITHIN}.
 */
public final class Responses {
  private static final System.Logger LOG = System.getLogger("responses");

  /** The longest response and name the form takes. */
  public static final int MAX_TEXT = 4_000;

  public static final int MAX_NAME = 80;

  /** How long a confirmation link works; an unconfirmed response is deleted after it. */
  public static final Duration CONFIRM_WITHIN = Duration.ofDays(7);

  static final String CONFIRM_PATH = "responses/confirm";
  private static final String KIND = "confirm-response";

  private final Config config;
  private final Store store;
  private final Outbox outbox;
  private final MailTemplates mails;
  private final Signer links;
  private final Function<String, Optional<LocalDate>> columns;
  private final Clock clock;

  /**
   * Over {@code columns} (a published column's date by slug), signing links with {@code linkKey}.
   */
  public Responses(
      Config config,
      Store store,
      Outbox outbox,
      MailTemplates mails,
      byte[] linkKey,
      Function<String, Optional<LocalDate>> columns,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.outbox = outbox;
    this.mails = mails;
    this.links = new Signer(linkKey);
    this.columns = columns;
    this.clock = clock;
  }

  /** Whether a column takes responses. */
  public enum Column {
    OPEN,
    CLOSED,
    UNKNOWN
  }

  /** What the form sent, checked at the edge: {@code address} is a valid address. */
  public record Draft(String slug, String name, String address, String body, boolean mailReply) {}

  /** What became of a confirmation link. */
  public enum Confirmed {
    /** Waiting for the coach. */
    PENDING,
    /** On the page at once: the coach approved this address before. */
    PUBLISHED,
    /** The link was used already. */
    USED,
    EXPIRED,
    /** Not a link this site made (cut short, altered, made up), or its response is gone. */
    INVALID
  }

  /** Whether column {@code slug} exists and still takes responses. */
  public Column column(String slug) {
    return columns
        .apply(slug)
        .map(date -> SitePart.open(config, clock, date) ? Column.OPEN : Column.CLOSED)
        .orElse(Column.UNKNOWN);
  }

  /**
   * Stores {@code draft}, unconfirmed, and mails its writer the link that confirms it when {@code
   * mayMail} (the per-address limit said yes); the visitor is told the same either way.
   */
  public void post(Draft draft, boolean mayMail) {
    if (!mayMail || !Outbox.mayWriteTo(draft.address(), config.column().address())) {
      // Nothing could confirm it: nothing is kept.
      LOG.log(
          System.Logger.Level.INFO,
          "response to " + draft.slug() + " not kept: no confirmation mail (limit or address)");
      return;
    }
    Instant now = clock.instant();
    String nonce = Signer.nonce();
    store.inTransaction(
        db -> {
          Sql.update(
              db,
              """
              INSERT INTO responses(slug, state, name, address, body, notify, nonce, created_at,
                                    expires_at)
              VALUES (?, 'unconfirmed', ?, ?, ?, ?, ?, ?, ?)""",
              draft.slug(),
              draft.name(),
              draft.address(),
              draft.body(),
              draft.mailReply() ? 1 : 0,
              nonce,
              now.toString(),
              now.plus(CONFIRM_WITHIN).toString());
          long id = Sql.one(db, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
          mail(db, draft, link(id, nonce));
          return null;
        });
  }

  private void mail(Connection db, Draft draft, String url) throws SQLException {
    outbox.enqueue(
        db,
        mails.render(
            KIND,
            draft.address(),
            Map.of("confirm_url", url, "expires_in", CONFIRM_WITHIN.toDays() + " days"),
            null,
            List.of(),
            null));
  }

  private String link(long id, String nonce) {
    return config.site().baseUrl().resolve(CONFIRM_PATH).toString()
        + "?t="
        + links.sign("r." + id + "." + nonce);
  }

  /** Whether {@code token} is a confirmation link this site signed (used or not). */
  public boolean signed(String token) {
    return parse(token).isPresent();
  }

  private record Link(long id, String nonce) {}

  private Optional<Link> parse(String token) {
    return links
        .verified(token)
        .map(p -> p.split("\\.", 3))
        .filter(f -> f.length == 3 && f[0].equals("r") && f[1].matches("\\d{1,18}"))
        .map(f -> new Link(Long.parseLong(f[1]), f[2]));
  }

  /**
   * Confirms the response {@code token} names; {@link Confirmed#PUBLISHED} means its column's page
   * shows it now, and is the caller's to build.
   */
  public Confirmed confirm(String token) {
    Optional<Link> link = parse(token);
    if (link.isEmpty()) {
      return Confirmed.INVALID;
    }
    Instant now = clock.instant();
    return store.inTransaction(db -> confirm(db, link.get(), now));
  }

  private Confirmed confirm(Connection db, Link link, Instant now) throws SQLException {
    Optional<ResponseRow> row = Moderation.row(db, link.id());
    if (row.isEmpty()) {
      return Confirmed.INVALID;
    }
    Optional<String> nonce =
        Sql.one(db, "SELECT nonce FROM responses WHERE id = ?", rs -> rs.getString(1), link.id());
    if (nonce.isEmpty() || nonce.get() == null || !row.get().state().equals("unconfirmed")) {
      return Confirmed.USED;
    }
    if (!nonce.get().equals(link.nonce())) {
      return Confirmed.INVALID;
    }
    if (now.isAfter(Instant.parse(row.get().createdAt()).plus(CONFIRM_WITHIN))) {
      return Confirmed.EXPIRED;
    }
    return confirm(db, row.get(), now);
  }

  private Confirmed confirm(Connection db, ResponseRow row, Instant now) throws SQLException {
    boolean trusted = config.responses().trustReturning() && approvedBefore(db, row.address());
    Sql.update(
        db,
        """
        UPDATE responses SET state = ?, nonce = NULL, confirmed_at = ?, decided_at = ?,
                             decided_by = ?
        WHERE id = ?""",
        trusted ? "approved" : "pending",
        now.toString(),
        trusted ? now.toString() : null,
        trusted ? "trusted" : null,
        row.id());
    return trusted ? Confirmed.PUBLISHED : Confirmed.PENDING;
  }

  /**
   * Whether a coach (not trust itself) approved a response from {@code address} before, and no
   * response from it was marked spam since: one spam verdict ends the trust.
   */
  private static boolean approvedBefore(Connection db, String address) throws SQLException {
    return Sql.one(
            db,
            """
            SELECT 1 FROM responses
            WHERE address = ? AND state = 'approved' AND decided_by IS NOT 'trusted'
              AND NOT EXISTS (SELECT 1 FROM responses WHERE address = ? AND state = 'spam')
            LIMIT 1""",
            rs -> rs.getInt(1),
            address,
            address)
        .isPresent();
  }

  /** Deletes the unconfirmed responses whose link has expired; returns how many. */
  public int forgetUnconfirmed() {
    String now = clock.instant().toString();
    return store.inTransaction(
        db ->
            Sql.update(
                db, "DELETE FROM responses WHERE state = 'unconfirmed' AND expires_at < ?", now));
  }
}
