package org.columnist.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.Sha256;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Editor accounts: names and bcrypt hashes of their passwords, never the passwords. A password's
 * stamp (a digest of its hash) lets a session notice that the password changed or the account went,
 * even when another process changed it.
 */
public final class Accounts {
  private static final int COST = 12;

  /** bcrypt reads at most 72 bytes of a password; a longer one is refused, never cut. */
  static final int MAX_PASSWORD_BYTES = 72;

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

  /**
   * The stamp of {@code name}'s password when {@code password} is it; empty when either is wrong. A
   * wrong name takes as long as a wrong password.
   */
  public Optional<String> verify(String name, String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return Optional.empty(); // no account has one: add and passwd refuse it
    }
    String hash = hash(name).orElse(null);
    byte[] expected = hash == null ? DUMMY : hash.getBytes(StandardCharsets.UTF_8);
    boolean ok = BCrypt.verifyer().verify(password.toCharArray(), expected).verified;
    return ok && hash != null ? Optional.of(stampOf(hash)) : Optional.empty();
  }

  /** The stamp of {@code name}'s password now; empty when there is no such account. */
  public Optional<String> stamp(String name) {
    return hash(name).map(Accounts::stampOf);
  }

  /** Whether {@code name} could be an account's name. */
  static boolean validName(String name) {
    return name != null && name.matches("[A-Za-z0-9._-]{1,40}");
  }

  private Optional<String> hash(String name) {
    return store.inTransaction(
        db ->
            Sql.one(
                db, "SELECT password_hash FROM users WHERE name = ?", rs -> rs.getString(1), name));
  }

  private static String stampOf(String hash) {
    byte[] digest = Sha256.digest().digest(hash.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static void check(String name, char[] password) {
    if (!validName(name)) {
      throw new ColumnistException("an account name is 1 to 40 letters, digits, '.', '_' or '-'");
    }
    if (password.length < 10) {
      throw new ColumnistException("the password must be at least 10 characters long");
    }
    int bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
    if (bytes > MAX_PASSWORD_BYTES) {
      throw new ColumnistException(
          "the password is "
              + bytes
              + " bytes long in UTF-8; bcrypt takes at most "
              + MAX_PASSWORD_BYTES
              + " (letters such as 'é' take 2 bytes or more): choose a shorter one");
    }
  }
}
