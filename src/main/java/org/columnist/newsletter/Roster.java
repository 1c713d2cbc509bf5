package org.columnist.newsletter;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.columnist.ColumnistException;
import org.columnist.newsletter.Subscribers.State;
import org.columnist.newsletter.Subscribers.Subscriber;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * The coach's view of the subscribers: list, count, add, remove, reactivate and each one's history.
 * Writes go through {@link Subscribers} so that a change of state is recorded in one way.
 */
public final class Roster {
  private final Store store;
  private final Subscribers subscribers;

  public Roster(Store store, Subscribers subscribers) {
    this.store = store;
    this.subscribers = subscribers;
  }

  /** One line of a subscriber's history. */
  public record Event(String at, String event, String detail) {}

  /** What {@link #add} did, and the subscriber now (null when the address was refused). */
  public record Added(Subscribers.Requested requested, Subscriber subscriber) {}

  /** Subscribers in {@code state} (every state when empty), oldest first, at most {@code limit}. */
  public List<Subscriber> list(Optional<State> state, int limit) {
    return store.read(
        db ->
            Sql.list(
                db,
                "SELECT * FROM subscribers WHERE ? IS NULL OR state = ? ORDER BY id LIMIT ?",
                Subscribers::row,
                state.map(State::id).orElse(null),
                state.map(State::id).orElse(null),
                limit));
  }

  /** How many subscribers are in each state; every state is present, zero or not. */
  public Map<State, Integer> counts() {
    Map<State, Integer> counts = new EnumMap<>(State.class);
    for (State s : State.values()) {
      counts.put(s, 0);
    }
    store.read(
        db ->
            Sql.list(
                db,
                "SELECT state, count(*) FROM subscribers GROUP BY state",
                rs -> counts.put(State.of(rs.getString(1)), rs.getInt(2))));
    return counts;
  }

  public Optional<Subscriber> byId(long id) {
    return store.read(
        db -> Sql.one(db, "SELECT * FROM subscribers WHERE id = ?", Subscribers::row, id));
  }

  /** Subscriber {@code id}'s history, oldest first. */
  public List<Event> history(long id) {
    return store.read(
        db ->
            Sql.list(
                db,
                "SELECT at, event, detail FROM subscriber_events WHERE subscriber_id = ? ORDER BY id",
                rs -> new Event(rs.getString(1), rs.getString(2), rs.getString(3)),
                id));
  }

  /**
   * Adds {@code address} on the coach's word ({@code source = cli}) as the form does: pending, with
   * a confirmation mail, since only a reader's own click confirms. A confirmed address is left as
   * it is.
   */
  public Added add(String address) {
    String checked =
        Subscribers.address(address)
            .orElseThrow(
                () -> new ColumnistException("'" + address + "' is not an e-mail address"));
    return store.inTransaction(
        db -> {
          Subscribers.Requested requested = subscribers.request(db, checked, Source.CLI);
          return new Added(requested, subscribers.find(db, checked).orElse(null));
        });
  }

  /** Unsubscribes {@code address} on the coach's word; false when it was not subscribed. */
  public boolean remove(String address) {
    return store.inTransaction(db -> subscribers.unsubscribe(db, address, "coach"));
  }

  /**
   * Brings a suppressed address back to confirmed, for {@code reason} (kept in its history); its
   * run of soft bounces starts again from zero. An address that unsubscribed comes back only by its
   * reader's own confirmation (the form, or {@link #add}, which mails the link).
   */
  public Subscriber reactivate(String address, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new ColumnistException(
          "reactivating " + address + " needs --reason: say why it may be mailed again");
    }
    return store.inTransaction(
        db -> {
          Subscriber found =
              subscribers
                  .find(db, address)
                  .orElseThrow(() -> new ColumnistException("no subscriber " + address));
          if (found.state() == State.UNSUBSCRIBED) {
            throw new ColumnistException(
                address
                    + " unsubscribed: only its reader brings it back, by confirming again"
                    + " ('columnist subscribers add "
                    + address
                    + "' mails a confirmation link)");
          }
          if (found.state() != State.SUPPRESSED) {
            throw new ColumnistException(
                address
                    + " is "
                    + found.state().id()
                    + ": only a suppressed address is reactivated");
          }
          subscribers.reactivate(db, found.id(), reason.strip());
          return subscribers.find(db, address).orElseThrow();
        });
  }

  /** Each subscriber in {@code state} (every state when empty), in id order, one at a time. */
  public void forEach(Optional<State> state, Each each) {
    store.read(
        db -> {
          try (var statement =
              db.prepareStatement(
                  "SELECT * FROM subscribers WHERE ? IS NULL OR state = ? ORDER BY id")) {
            statement.setString(1, state.map(State::id).orElse(null));
            statement.setString(2, state.map(State::id).orElse(null));
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                each.accept(Subscribers.row(rs));
              }
            }
          }
          return null;
        });
  }

  /**
   * Writes the subscribers in {@code state} (every state when empty) as CSV, addresses in full:
   * address, state, source, created_at, confirmed_at. Returns how many rows it wrote.
   */
  public int exportCsv(Optional<State> state, PrintWriter out) {
    out.print("address,state,source,created_at,confirmed_at\r\n");
    int[] rows = {0};
    forEach(
        state,
        s -> {
          out.print(
              String.join(
                      ",",
                      Stream.of(
                              s.address(),
                              s.state().id(),
                              s.source(),
                              s.createdAt(),
                              s.confirmedAt())
                          .map(Roster::csvField)
                          .toList())
                  + "\r\n");
          rows[0]++;
        });
    return rows[0];
  }

  // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
  private static String csvField(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("(?s).*[\",\r\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** One subscriber, as {@link #forEach} hands it over. */
  @FunctionalInterface
  public interface Each {
    void accept(Subscriber subscriber);
  }

  /** Inserts a new subscriber, confirmed now when {@code state} is confirmed. */
  long insert(Connection db, String address, State state, String source) throws SQLException {
    String now = subscribers.clock().instant().toString();
    return Sql.insert(
        db,
        "INSERT INTO subscribers(address, state, source, created_at, confirmed_at) VALUES (?, ?, ?, ?, ?)",
        address,
        state.id(),
        source,
        now,
        state == State.CONFIRMED ? now : null);
  }

  Store store() {
    return store;
  }

  Subscribers subscribers() {
    return subscribers;
  }
}
