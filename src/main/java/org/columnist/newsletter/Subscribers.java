package org.columnist.newsletter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
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
  private final Links links;
  private final Clock clock;

  public Subscribers(Store store, Clock clock) {
    this.links = Links.of(store);
    this.clock = clock;
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

  /**
   * Records that {@code address} asked by mail to subscribe: pending until confirmed, and a
   * confirmed subscriber stays confirmed.
   */
  public void requestByMail(Connection db, String address) throws SQLException {
    Sql.update(
        db,
        """
        INSERT INTO subscribers(address, state, source, created_at) VALUES (?, 'pending', 'mail', ?)
        ON CONFLICT(address) DO UPDATE SET state = CASE WHEN state = 'confirmed' THEN 'confirmed' ELSE 'pending' END""",
        address,
        clock.instant().toString());
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

  private static Subscriber row(java.sql.ResultSet rs) throws SQLException {
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
