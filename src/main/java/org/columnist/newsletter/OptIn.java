package org.columnist.newsletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.columnist.Counted;
import org.columnist.config.Config;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;

/**
 * Double opt-in: a request queues a confirmation mail with a signed link (one a day at most, so
 * that nobody can make Columnist flood an inbox), and only following that link confirms. The nonce
 * in the link is the subscriber's current one, so an older or used link no longer works.
 */
final class OptIn {
  // One confirmation mail per address per day: the form is public, anyone can type any address.
  static final Duration ONE_A_DAY = Duration.ofHours(24);

  private final Subscribers subscribers;
  private final Links links;
  private final Outbox outbox;
  private final MailTemplates templates;
  private final Config config;
  private final Clock clock;

  OptIn(
      Subscribers subscribers,
      Links links,
      Outbox outbox,
      MailTemplates templates,
      Config config,
      Clock clock) {
    this.subscribers = subscribers;
    this.links = links;
    this.outbox = outbox;
    this.templates = templates;
    this.config = config;
    this.clock = clock;
  }

  Subscribers.Requested request(Connection db, String address, Source source) throws SQLException {
    if (!Outbox.mayWriteTo(address, config.column().address())) {
      return Subscribers.Requested.REFUSED;
    }
    Instant now = clock.instant();
    Optional<Subscribers.Subscriber> found = subscribers.find(db, address);
    if (found.isPresent() && found.get().state() == Subscribers.State.CONFIRMED) {
      return Subscribers.Requested.ALREADY_CONFIRMED;
    }
    long id;
    if (found.isEmpty()) {
      id =
          Sql.insert(
              db,
              "INSERT INTO subscribers(address, state, source, created_at) VALUES (?, 'pending', ?, ?)",
              address,
              source.id(),
              now.toString());
    } else {
      id = found.get().id();
    }
    Optional<String> lastSent =
        Sql.one(
            db,
            "SELECT confirm_sent_at FROM subscribers WHERE id = ? AND confirm_sent_at IS NOT NULL",
            rs -> rs.getString(1),
            id);
    if (lastSent.isPresent() && Instant.parse(lastSent.get()).plus(ONE_A_DAY).isAfter(now)) {
      // Nothing changes and no mail goes, so nothing is written: anyone can ask again and
      // again, and what is kept for anonymous callers must stay bounded.
      return Subscribers.Requested.ONE_A_DAY;
    }
    subscribers.event(db, id, "asked", source.id());
    sendConfirmation(db, id, address, source, now);
    return Subscribers.Requested.CONFIRMATION_SENT;
  }

  // A new nonce only with a mail that carries it: the link of an earlier mail keeps working when
  // the day's limit stops a second one.
  private void sendConfirmation(Connection db, long id, String address, Source source, Instant now)
      throws SQLException {
    String nonce = Links.nonce();
    Instant expires = now.plus(config.newsletter().confirmWithin());
    Sql.update(
        db,
        "UPDATE subscribers SET confirm_nonce = ?, confirm_sent_at = ?, source = ? WHERE id = ?",
        nonce,
        now.toString(),
        source.id(),
        id);
    String link =
        config.site().baseUrl() + Links.CONFIRM_PATH + links.confirmation(id, expires, nonce);
    outbox.enqueue(
        db,
        templates.render(
            "confirm",
            address,
            Map.of(
                "confirm_url",
                link,
                "expires_in",
                days(config.newsletter().confirmWithin()),
                "address",
                address),
            null,
            List.of(),
            null));
    subscribers.event(db, id, "confirmation sent", null);
  }

  Subscribers.Confirmed confirm(Connection db, String token) throws SQLException {
    Optional<Links.Confirmation> read = links.readConfirmation(token);
    if (read.isEmpty()) {
      return Subscribers.Confirmed.INVALID;
    }
    Links.Confirmation c = read.get();
    Optional<Current> current =
        Sql.one(
            db,
            "SELECT state, confirm_nonce FROM subscribers WHERE id = ?",
            rs -> new Current(Subscribers.State.of(rs.getString(1)), rs.getString(2)),
            c.subscriberId());
    if (current.isEmpty()) {
      return Subscribers.Confirmed.INVALID;
    }
    if (current.get().state() == Subscribers.State.CONFIRMED) {
      return Subscribers.Confirmed.ALREADY_CONFIRMED;
    }
    if (!c.nonce().equals(current.get().nonce())) {
      return Subscribers.Confirmed.INVALID; // used, replaced by a newer mail, or unsubscribed since
    }
    if (!clock.instant().isBefore(c.expires())) {
      return Subscribers.Confirmed.EXPIRED;
    }
    Sql.update(
        db,
        """
        UPDATE subscribers SET state = 'confirmed', confirmed_at = ?, confirm_nonce = NULL,
          soft_bounces = 0
        WHERE id = ?""",
        clock.instant().toString(),
        c.subscriberId());
    subscribers.event(db, c.subscriberId(), "confirmed", null);
    if (current.get().state() != Subscribers.State.PENDING) {
      subscribers.event(
          db, c.subscriberId(), "reactivated by confirmation", current.get().state().id());
    }
    return Subscribers.Confirmed.CONFIRMED;
  }

  private record Current(Subscribers.State state, String nonce) {}

  /** "7 days", "1 day", or hours for a link that lasts less than a day. */
  private static String days(Duration d) {
    return d.toDays() >= 1
        ? Counted.of(d.toDays(), "day")
        : Counted.of(Math.max(1, d.toHours()), "hour");
  }

  /**
   * Forgets the addresses that asked by the form or by mail and never confirmed within {@code
   * newsletter.confirm_within} of their last confirmation mail: anyone can type anyone's address,
   * and what anonymous callers leave behind must not grow without end. Their history goes too.
   */
  int forgetUnconfirmed(Connection db) throws SQLException {
    String before = clock.instant().minus(config.newsletter().confirmWithin()).toString();
    String unconfirmed =
        """
        SELECT id FROM subscribers
        WHERE state = 'pending' AND source IN ('form', 'mail') AND confirmed_at IS NULL
          AND confirm_sent_at IS NOT NULL AND confirm_sent_at < ?""";
    Sql.update(
        db, "DELETE FROM subscriber_events WHERE subscriber_id IN (" + unconfirmed + ")", before);
    return Sql.update(db, "DELETE FROM subscribers WHERE id IN (" + unconfirmed + ")", before);
  }
}
