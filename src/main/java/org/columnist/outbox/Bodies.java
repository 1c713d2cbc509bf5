package org.columnist.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.columnist.Counted;
import org.columnist.store.Sql;

/**
 * The shared bodies a sender has read, by id: a newsletter is one body and thousands of rows, so
 * the body is read once and each row only adds its personal value.
 */
final class Bodies {
  private static final System.Logger LOG = System.getLogger("outbox");
  private static final int KEPT = 8;

  /** A body published longer ago than this when a sender first meets it went out late. */
  private static final Duration LATE = Duration.ofMinutes(5);

  private final Clock clock;
  private final Map<Long, Body> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Body> eldest) {
          return size() > KEPT;
        }
      };

  Bodies(Clock clock) {
    this.clock = clock;
  }

  /** One shared body, with its marker. */
  record Body(
      long id,
      String kind,
      String subject,
      String text,
      String html,
      List<String> headers,
      String marker) {

    /** Row {@code row}'s mail: this body with the row's personal value for the marker. */
    ClaimedMail personal(Claims.Row row) {
      String p = row.personal() == null ? "" : row.personal();
      return new ClaimedMail(
          row.id(),
          row.kind(),
          row.to(),
          subject.replace(marker, p),
          text.replace(marker, p),
          html == null ? null : html.replace(marker, p),
          id,
          headers.stream().map(h -> h.replace(marker, p)).toList(),
          row.messageId(),
          row.replyToIds(),
          row.attempts(),
          row.claimedBy());
    }
  }

  Body get(Connection db, long id) throws SQLException {
    Body known = cache.get(id);
    if (known != null) {
      return known;
    }
    Body body =
        Sql.one(
                db,
                "SELECT * FROM outbox_bodies WHERE id = ?",
                rs -> {
                  announceIfLate(id, rs.getString("kind"), rs.getString("created_at"));
                  String headers = rs.getString("headers");
                  return new Body(
                      id,
                      rs.getString("kind"),
                      rs.getString("subject"),
                      rs.getString("body_text"),
                      rs.getString("body_html"),
                      headers == null || headers.isBlank() ? List.of() : headers.lines().toList(),
                      rs.getString("marker"));
                },
                id)
            .orElseThrow(() -> new IllegalStateException("outbox body #" + id + " is gone"));
    cache.put(id, body);
    return body;
  }

  /** Says in the log that a send queued while no sender ran goes out only now. */
  private void announceIfLate(long id, String kind, String createdAt) {
    Duration age = Duration.between(Instant.parse(createdAt), clock.instant());
    if (age.compareTo(LATE) > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          kind + " #" + id + " published " + words(age) + " ago goes out now");
    }
  }

  static String words(Duration age) {
    if (age.toDays() >= 1) {
      return plural(age.toDays(), "day");
    }
    if (age.toHours() >= 1) {
      return plural(age.toHours(), "hour");
    }
    return plural(age.toMinutes(), "minute");
  }

  private static String plural(long n, String unit) {
    return Counted.of(n, unit);
  }
}
