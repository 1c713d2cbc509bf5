package org.columnist.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.columnist.ColumnistException;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/** Editor accounts: names and bcrypt hashes of their passwords, never the passwords. */
public final class Accounts {
  private static final int COST = 12;
  // Checked when the name is unknown, so that a wrong name takes as long as a wrong password.
  private static final byte[] DUMMY =
      BCrypt.withDefaults().hash(COST, "not a password".toCharArray());

  private final Store store;
  private final Clock clock;

  public Accounts(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void add(String name, char[] password) {
    check(name, password);
    String hash = BCrypt.withDefaults().hashToString(COST, password);
    store.inTransaction(
        db -> {
          if (Sql.one(db, "SELECT 1 FROM users WHERE name = ?", rs -> 1, name).isPresent()) {
            throw new ColumnistException(
                "there is already an account '"
                    + name
                    + "'; use 'columnist user passwd "
                    + name
                    + "'");
          }
          return Sql.update(
              db,
              "INSERT INTO users(name, password_hash, created_at) VALUES (?, ?, ?)",
              name,
              hash,
              clock.instant().toString());
        });
  }

  public void changePassword(String name, char[] password) {
    check(name, password);
    String hash = BCrypt.withDefaults().hashToString(COST, password);
    int changed =
        store.inTransaction(
            db -> Sql.update(db, "UPDATE users SET password_hash = ? WHERE name = ?", hash, name));
    if (changed == 0) {
      throw new ColumnistException("no account '" + name + "'");
    }
  }

  public void remove(String name) {
    int removed =
        store.inTransaction(db -> Sql.update(db, "DELETE FROM users WHERE name = ?", name));
    if (removed == 0) {
      throw new ColumnistException("no account '" + name + "'");
    }
  }

  public List<String> names() {
    return store.inTransaction(
        db -> Sql.list(db, "SELECT name FROM users ORDER BY name", rs -> rs.getString(1)));
  }

  /** Whether {@code password} is {@code name}'s. */
  public boolean verify(String name, String password) {
    String hash =
        store
            .inTransaction(
                db ->
                    Sql.one(
                        db,
                        "SELECT password_hash FROM users WHERE name = ?",
                        rs -> rs.getString(1),
                        name))
            .orElse(null);
    byte[] expected = hash == null ? DUMMY : hash.getBytes(StandardCharsets.UTF_8);
    boolean ok = BCrypt.verifyer().verify(password.toCharArray(), expected).verified;
    return ok && hash != null;
  }

  private static void check(String name, char[] password) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new ColumnistException("an account name is 1 to 40 letters, digits, '.', '_' or '-'");
    }
    if (password.length < 10) {
      throw new ColumnistException("the password must be at least 10 characters long");
    }
    if (password.length > 72) {
      throw new ColumnistException(
          "the password must be at most 72 characters long (bcrypt's limit)");
    }
  }
}
