package org.columnist.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keys the instance makes for itself on first use and keeps in the database ({@code secrets}), so
 * that what they sign cannot be made or altered without the database.
 */
public final class Secrets {
  private Secrets() {}

  /** The 32-byte key called {@code name}, made now if there is none yet. */
  public static byte[] key(Store store, String name) {
    return store.inTransaction(
        db -> {
          Optional<String> existing =
              Sql.one(db, "SELECT value FROM secrets WHERE name = ?", rs -> rs.getString(1), name);
          if (existing.isPresent()) {
            return HexFormat.of().parseHex(existing.get());
          }
          byte[] fresh = new byte[32];
          new SecureRandom().nextBytes(fresh);
          Sql.update(
              db,
              "INSERT INTO secrets(name, value) VALUES (?, ?)",
              name,
              HexFormat.of().formatHex(fresh));
          return fresh;
        });
  }
}
