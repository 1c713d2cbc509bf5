package org.columnist.responses;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import org.columnist.store.Sql;

/**
 * The salt of the current day, the key under which a visitor's address becomes a hash. Made on the
 * first vote of a day; making it deletes every older day's salt in the same transaction, so that a
 * past day's hashes can no longer be tied to any address, even by whoever holds the database.
 */
final class DailySalt {
  private DailySalt() {}

  /** The salt of {@code day}, made now (and the older ones deleted) when there is none yet. */
  static byte[] of(Connection db, LocalDate day) throws SQLException {
    String today = day.toString();
    Optional<String> existing =
        Sql.one(db, "SELECT salt FROM vote_salts WHERE day = ?", rs -> rs.getString(1), today);
    if (existing.isPresent()) {
      return HexFormat.of().parseHex(existing.get());
    }
    forgetBefore(db, day);
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    Sql.update(
        db,
        "INSERT INTO vote_salts(day, salt) VALUES (?, ?)",
        today,
        HexFormat.of().formatHex(fresh));
    return fresh;
  }

  /** Deletes the salt of every day but {@code day}. */
  static void forgetBefore(Connection db, LocalDate day) throws SQLException {
    Sql.update(db, "DELETE FROM vote_salts WHERE day <> ?", day.toString());
  }
}
