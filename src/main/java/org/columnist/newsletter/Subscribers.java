package org.columnist.newsletter;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.columnist.config.Config;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The newsletter's subscribers, written inside the caller's transaction. Only a confirmed address
 * receives columns; every change is kept in the subscriber's history ({@code subscriber_events});
 * an address that unsubscribed or was suppressed is kept, so that only a new confirmation brings it
 * back.
 */
public final class Subscribers {
  private final Store store;
  private final Links links;
  private final Clock clock;
  private final OptIn optIn;

  /** Build it through {@code cli/Wiring.subscribers()}. */
  public Subscribers(
      Store store, Outbox outbox, MailTemplates templates, Config config, Clock clock) {
    this.store = store;
    this.links = Links.of(store);
    this.clock = clock;
    this.optIn = new OptIn(this, links, outbox, templates, config, clock);
  }

  /** A subscriber's state; only {@link #CONFIRMED} receives columns. */
  public enum State {
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED,
    SUPPRESSED;

    /** The word the database, the CLI and the JSON use. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static State of(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  /** One subscriber as stored. */
  public record Subscriber(
      long id,
      String address,
      State state,
      String source,
      String createdAt,
      String confirmedAt,
      String unsubscribedAt,
      String suppressedAt,
      String suppressedReason,
      int softBounces) {}

  /** The longest address there is (RFC 5321 §4.5.3.1.3: a path of 256 with its brackets). */
  public static final int MAX_ADDRESS = 254;

  /**
   * {@code typed} as an address Columnist can subscribe (trimmed, a plain {@code local@domain.tld}
   * without a name), or empty when it is not one.
   */
  public static Optional<String> address(String typed) {
    String a = typed == null ? "" : typed.strip();
    if (a.isEmpty() || a.length() > MAX_ADDRESS || !a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")) {
      return Optional.empty();
    }
    try {
      InternetAddress parsed = new InternetAddress(a, true);
      parsed.validate();
      return a.equals(parsed.getAddress()) ? Optional.of(a) : Optional.empty();
    } catch (AddressException e) {
      return Optional.empty(); // not an address: the caller says so in its own words
    }
  }

  /** The subscriber with {@code address} (any case), if there is one. */
  public Optional<Subscriber> find(Connection db, String address) throws SQLException {
    return Sql.one(db, "SELECT * FROM subscribers WHERE address = ?", Subscribers::row, address);
  }

  /** Each confirmed subscriber in turn, in id order, with the token of its unsubscribe link. */
  public void forEachConfirmed(Connection db, Recipient each) throws SQLException {
    try (var statement =
        db.prepareStatement(
            "SELECT id, address FROM subscribers WHERE state = 'confirmed' ORDER BY id")) {
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          each.accept(id, rs.getString(2), links.unsubscribe(id));
        }
      }
    }
  }

  /** One confirmed subscriber, as {@link #forEachConfirmed} hands it over. */
  @FunctionalInterface
  public interface Recipient {
    void accept(long id, String address, String unsubscribeToken) throws SQLException;
  }

  /** What {@link #request} did; the public form answers the same page whatever it was. */
  public enum Requested {
    CONFIRMATION_SENT,
    ONE_A_DAY,
    ALREADY_CONFIRMED,
    /** A robot's or the column's own address (RFC 3834): nothing stored, nothing sent. */
    REFUSED
  }

  /**
   * Records that {@code address} asked to subscribe (pending until confirmed; an unsubscribed or
   * suppressed address keeps its state until then) and queues a confirmation mail, at most one a
   * day. A confirmed subscriber stays as it is.
   */
  public Requested request(Connection db, String address, Source source) throws SQLException {
    return optIn.request(db, address, source);
  }

  /** The same, in a transaction of its own. */
  public Requested request(String address, Source source) {
    return store.inTransaction(db -> request(db, address, source));
  }

  /** The longest token a reader's link may carry; a longer one is refused unread. */
  public static final int MAX_TOKEN = Links.MAX_TOKEN;

  /** Whether {@code token} is a confirmation link's, as this instance signed it (used or not). */
  public boolean signedConfirmation(String token) {
    return links.readConfirmation(token).isPresent();
  }

  /** Whether {@code token} is an unsubscribe link's, as this instance signed it. */
  public boolean signedUnsubscribe(String token) {
    return links.readUnsubscribe(token).isPresent();
  }

  /**
   * Forgets, in a transaction of its own, the addresses that asked by the form or by mail and did
   * not confirm in time; returns how many. The daemon runs it every hour.
   */
  public int forgetUnconfirmed() {
    return store.inTransaction(optIn::forgetUnconfirmed);
  }

  /** What following a confirmation link did. */
  public enum Confirmed {
    CONFIRMED,
    ALREADY_CONFIRMED,
    EXPIRED,
    /** Forged, malformed, of no subscriber, or not the newest link (used or replaced). */
    INVALID
  }

  /**
   * Confirms the subscription a confirmation link's {@code token} names, in its own transaction.
   */
  public Confirmed confirm(String token) {
    return store.inTransaction(db -> optIn.confirm(db, token));
  }

  /** What following an unsubscribe link did. */
  public enum Unsubscribed {
    UNSUBSCRIBED,
    /** Already unsubscribed or suppressed: a second click changes nothing. */
    NOT_SUBSCRIBED,
    INVALID
  }

  /**
   * Unsubscribes the subscriber an unsubscribe link's {@code token} names, noting {@code how}
   * ({@code link} or {@code one-click}); in its own transaction.
   */
  public Unsubscribed unsubscribeByToken(String token, String how) {
    Optional<Long> id = links.readUnsubscribe(token);
    if (id.isEmpty()) {
      return Unsubscribed.INVALID;
    }
    return store.inTransaction(
        db -> {
          Optional<String> address =
              Sql.one(
                  db,
                  "SELECT address FROM subscribers WHERE id = ?",
                  rs -> rs.getString(1),
                  id.get());
          if (address.isEmpty()) {
            return Unsubscribed.INVALID;
          }
          return unsubscribe(db, address.get(), how)
              ? Unsubscribed.UNSUBSCRIBED
              : Unsubscribed.NOT_SUBSCRIBED;
        });
  }

  /**
   * Unsubscribes {@code address} at once, noting {@code how} (link, one-click, mail, coach); every
   * newsletter mail to it not yet sent is cancelled. False when it was not subscribed.
   */
  public boolean unsubscribe(Connection db, String address, String how) throws SQLException {
    Optional<Subscriber> found = find(db, address);
    if (found.isEmpty()
        || found.get().state() == State.UNSUBSCRIBED
        || found.get().state() == State.SUPPRESSED) {
      return false;
    }
    String now = clock.instant().toString();
    Sql.update(
        db,
        "UPDATE subscribers SET state = 'unsubscribed', unsubscribed_at = ?, confirm_nonce = NULL WHERE id = ?",
        now,
        found.get().id());
    event(db, found.get().id(), "unsubscribed", how);
    Outbox.cancelBulkTo(db, found.get().address(), "unsubscribed");
    return true;
  }

  /**
   * Suppresses {@code address}: it gets nothing more (newsletter mail not yet sent is cancelled)
   * until the coach reactivates it or it confirms anew. False when there is no such subscriber or
   * it already was.
   */
  public boolean suppress(Connection db, String address, String reason) throws SQLException {
    Optional<Subscriber> found = find(db, address);
    if (found.isEmpty() || found.get().state() == State.SUPPRESSED) {
      return false;
    }
    Sql.update(
        db,
        "UPDATE subscribers SET state = 'suppressed', suppressed_at = ?, suppressed_reason = ?, confirm_nonce = NULL WHERE id = ?",
        clock.instant().toString(),
        reason,
        found.get().id());
    event(db, found.get().id(), "suppressed", reason);
    Outbox.cancelBulkTo(db, found.get().address(), "suppressed: " + reason);
    return true;
  }

  /** Sets subscriber {@code id}'s soft bounces in a row (the rule is {@link Bounces}'). */
  void softBounces(Connection db, long id, int inARow) throws SQLException {
    Sql.update(db, "UPDATE subscribers SET soft_bounces = ? WHERE id = ?", inARow, id);
  }

  /** Subscriber {@code id}, suppressed, confirmed again on the coach's word for {@code reason}. */
  void reactivate(Connection db, long id, String reason) throws SQLException {
    Sql.update(
        db,
        """
        UPDATE subscribers SET state = 'confirmed', confirmed_at = ?, soft_bounces = 0,
          suppressed_at = NULL, suppressed_reason = NULL
        WHERE id = ? AND state = 'suppressed'""",
        clock.instant().toString(),
        id);
    event(db, id, "reactivated", reason);
  }

  /** Adds one line to subscriber {@code id}'s history. */
  void event(Connection db, long id, String event, String detail) throws SQLException {
    Sql.update(
        db,
        "INSERT INTO subscriber_events(subscriber_id, at, event, detail) VALUES (?, ?, ?, ?)",
        id,
        clock.instant().toString(),
        event,
        detail);
  }

  Links links() {
    return links;
  }

  Clock clock() {
    return clock;
  }

  static Subscriber row(java.sql.ResultSet rs) throws SQLException {
    return new Subscriber(
        rs.getLong("id"),
        rs.getString("address"),
        State.of(rs.getString("state")),
        rs.getString("source"),
        rs.getString("created_at"),
        rs.getString("confirmed_at"),
        rs.getString("unsubscribed_at"),
        rs.getString("suppressed_at"),
        rs.getString("suppressed_reason"),
        rs.getInt("soft_bounces"));
  }
}
