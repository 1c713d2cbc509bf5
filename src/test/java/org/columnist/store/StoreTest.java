package org.columnist.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  @Test
  void keepsTheDatabaseAndANewDataFolderOwnerOnly() throws Exception {
    Store store = Store.open(dir.resolve("data/columnist.db"));
    store.inTransaction(c -> c.createStatement().execute("CREATE TABLE probe (x)"));
    assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("data/columnist.db"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("data/columnist.db-wal"))).isEqualTo("rw-------");
  }

  @Test
  void makesADatabaseThatOthersCouldReadOwnerOnly() throws Exception {
    Path file = dir.resolve("columnist.db");
    Store.open(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Store.open(file);
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  private static String mode(Path file) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void createsTheDatabaseWithEveryTableOfTheFlow() {
    Store store = Store.open(dir.resolve("data/columnist.db"));
    assertThat(dir.resolve("data/columnist.db")).exists();
    assertThat(store.schemaVersion()).isEqualTo(migrations());
    List<String> tables =
        store.inTransaction(
            c -> {
              List<String> names = new ArrayList<>();
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                  names.add(rs.getString(1));
                }
              }
              return names;
            });
    assertThat(tables)
        .contains(
            "messages",
            "questions",
            "attachments",
            "drafts",
            "draft_versions",
            "audit_log",
            "subscribers",
            "outbox",
            "users");
  }

  @Test
  void aReadHoldsNoWriteLockSoAWriteGoesOnWhileItRuns() {
    Path file = dir.resolve("columnist.db");
    Store store = Store.open(file);
    Store other = Store.open(file);
    List<Integer> seen =
        store.read(
            c -> {
              int before = count(c, "users");
              // Another process writes while this read is open: it must not wait for the read.
              other.inTransaction(w -> insertUser(w, "pat"));
              return List.of(before, count(c, "users"));
            });
    assertThat(seen).as("the read sees one state of the database").containsExactly(0, 0);
    int after = store.read(c -> count(c, "users"));
    assertThat(after).isEqualTo(1);
  }

  @Test
  void aReadCannotWrite() {
    Store store = Store.open(dir.resolve("columnist.db"));
    assertThatThrownBy(() -> store.read(c -> insertUser(c, "pat")))
        .isInstanceOf(org.columnist.ColumnistException.class)
        .hasMessageContaining("readonly");
  }

  @Test
  void usesWriteAheadLoggingAndForeignKeys() {
    Store store = Store.open(dir.resolve("columnist.db"));
    assertThat(pragma(store, "journal_mode")).isEqualTo("wal");
    assertThat(pragma(store, "foreign_keys")).isEqualTo("1");
    assertThat(pragma(store, "busy_timeout")).isEqualTo(String.valueOf(Store.BUSY_TIMEOUT_MS));
  }

  @Test
  void reopeningKeepsDataAndDoesNotMigrateTwice() {
    Path file = dir.resolve("columnist.db");
    Store.open(file).inTransaction(c -> insertUser(c, "pat"));
    Store again = Store.open(file);
    assertThat(again.schemaVersion()).isEqualTo(migrations());
    assertThat(count(again, "users")).isEqualTo(1);
  }

  @Test
  void bringsAnOutboxWithMailInItToTheClaimingSchema() throws Exception {
    Path file = dir.resolve("columnist.db");
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      for (int v = 1; v <= 2; v++) {
        try (var in = StoreTest.class.getResourceAsStream("/db/V" + v + ".sql")) {
          String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          for (String sql : script.split(";\\s*(?:\\n|$)")) {
            if (!sql.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
              s.executeUpdate(sql);
            }
          }
        }
      }
      s.executeUpdate("PRAGMA user_version = 2");
      s.executeUpdate(
          """
          INSERT INTO outbox(id, kind, to_address, subject, body_text, message_id, state,
                             next_attempt_at, created_at)
          VALUES (7, 'ack', 'mary@example.com', 'Thanks', 'Got it', '<m7@column.example>', 'queued',
                  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""");
      s.executeUpdate(
          """
          INSERT INTO messages(mailbox, uidvalidity, uid, raw_hash, content_hash, size, raw, outcome,
                               reason, outbox_id, fetched_at)
          VALUES ('ask@host/INBOX', 1, '9', 'r', 'c', 1, x'00', 'bounce', 'bounced', 7,
                  '2026-01-02T00:00:00Z')""");
    }

    Store store = Store.open(file);

    assertThat(store.schemaVersion()).isEqualTo(migrations());
    assertThat(pragma(store, "foreign_keys")).isEqualTo("1");
    assertThat(
            queryOne(
                store,
                "SELECT o.state || ' ' || o.message_id || ' ' || (o.claimed_at IS NULL) FROM messages m JOIN outbox o ON o.id = m.outbox_id"))
        .isEqualTo("queued <m7@column.example> 1");
    store.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE outbox SET state = 'sending' WHERE id = 7");
          }
        });
  }

  @Test
  void runsEachMigrationWholeWithItsTriggersQuotesAndComments() {
    String script =
        """
        -- a comment; with a semicolon
        CREATE TABLE notes (text TEXT NOT NULL);
        CREATE TABLE changes (note TEXT NOT NULL);
        CREATE TRIGGER noted AFTER INSERT ON notes
        BEGIN
          INSERT INTO changes(note) VALUES (new.text);
        END;
        INSERT INTO notes(text) VALUES ('one;
        two');
        /* a block comment; still one script */
        INSERT INTO notes(text) VALUES ('three');
        """;
    Store store = Store.open(dir.resolve("columnist.db"), n -> n == 1 ? script : null);
    assertThat(store.schemaVersion()).isEqualTo(1);
    List<String> changes =
        store.inTransaction(
            c -> Sql.list(c, "SELECT note FROM changes ORDER BY rowid", rs -> rs.getString(1)));
    assertThat(changes).containsExactly("one;\ntwo", "three");
  }

  @Test
  void aMigrationThatFailsHalfWayLeavesNothingOfItself() {
    String script =
        """
        CREATE TABLE first (x);
        INSERT INTO missing VALUES (1);
        CREATE TABLE second (x);
        """;
    Path file = dir.resolve("columnist.db");
    assertThatThrownBy(() -> Store.open(file, n -> n == 1 ? script : null))
        .hasMessageContaining("no such table: missing");
    Store store = Store.open(file, n -> null);
    assertThat(store.schemaVersion()).isZero();
    List<String> tables =
        store.inTransaction(
            c -> Sql.list(c, "SELECT name FROM sqlite_master", rs -> rs.getString(1)));
    assertThat(tables).isEmpty();
  }

  @Test
  void rollsBackAUnitOfWorkThatFails() {
    Store store = Store.open(dir.resolve("columnist.db"));
    assertThatThrownBy(
            () ->
                store.inTransaction(
                    c -> {
                      insertUser(c, "pat");
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(count(store, "users")).isZero();
  }

  @Test
  void concurrentWritersWaitForEachOtherInsteadOfFailing() throws Exception {
    Store store = Store.open(dir.resolve("columnist.db"));
    Store other = Store.open(dir.resolve("columnist.db"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String name = "user" + i;
        Store target = i % 2 == 0 ? store : other;
        jobs.add(pool.submit(() -> target.inTransaction(c -> insertUser(c, name))));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(count(store, "users")).isEqualTo(40);
  }

  private static Object insertUser(java.sql.Connection c, String name)
      throws java.sql.SQLException {
    try (var ps =
        c.prepareStatement(
            "INSERT INTO users(name, password_hash, created_at) VALUES (?, 'x', '2026-01-01T00:00:00Z')")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
    return null;
  }

  /** How many migrations ship: V1.sql, V2.sql, … */
  private static int migrations() {
    int n = 0;
    while (StoreTest.class.getResource("/db/V" + (n + 1) + ".sql") != null) {
      n++;
    }
    return n;
  }

  private static int count(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      return rs.getInt(1);
    }
  }

  private static int count(Store store, String table) {
    return Integer.parseInt(queryOne(store, "SELECT count(*) FROM " + table));
  }

  private static String pragma(Store store, String name) {
    return queryOne(store, "PRAGMA " + name);
  }

  private static String queryOne(Store store, String sql) {
    return store.inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            return rs.getString(1);
          }
        });
  }
}
