package org.columnist.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntFunction;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database that holds everything not yet published. Opening it applies any pending
 * migration from {@code db/V<n>.sql}; each unit of work runs in one transaction on its own
 * connection, so a busy database is waited on rather than failed.
 */
public final class Store {
  /** How long a writer waits for another to finish before giving up. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Connections kept open between units of work: opening one costs more than most queries. */
  private static final int IDLE_CONNECTIONS = 4;

  private final Path file;
  private final SQLiteDataSource dataSource;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final SQLiteDataSource readSource;
  private final Deque<Connection> idleReaders = new ArrayDeque<>();

  private Store(Path file) {
    this.file = file;
    // Take the write lock at BEGIN: two writers then queue instead of failing on upgrade.
    this.dataSource = source(file, SQLiteConfig.TransactionMode.IMMEDIATE, false);
    // A read takes no lock at BEGIN and, in WAL mode, none later: a slow reader (an export
    // written to a pipe) holds up no writer, and a writer none of them.
    this.readSource = source(file, SQLiteConfig.TransactionMode.DEFERRED, true);
  }

  private static SQLiteDataSource source(
      Path file, SQLiteConfig.TransactionMode mode, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(mode);
    config.setReadOnly(readOnly);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  /** Opens (creating if needed) the database at {@code file} and brings its schema up to date. */
  public static Store open(Path file) {
    return open(file, Store::migration);
  }

  /**
   * The same with the migration scripts a test gives: {@code V<n>.sql} as {@code migrations(n)}.
   */
  static Store open(Path file, IntFunction<String> migrations) {
    ownerOnly(file);
    NativeLibrary.keepIn(file.toAbsolutePath().getParent());
    Store store = new Store(file);
    store.migrate(migrations);
    return store;
  }

  /**
   * Makes the database (readers' mail, password hashes) and a new folder for it owner-only, before
   * SQLite opens it: SQLite gives a new file the umask's mode and its -wal and -shm files the
   * database's. An existing folder is left as it is; it may hold more than the database.
   */
  private static void ownerOnly(Path file) {
    try {
      AtomicFile.createFolders(file.toAbsolutePath().getParent(), AtomicFile.Access.OWNER_ONLY);
      if (!Files.exists(file)) {
        try {
          Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // Another process opened it first: the loop below sets its mode all the same.
        }
      }
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path part = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(part)) {
          AtomicFile.setMode(part, AtomicFile.Access.OWNER_ONLY);
        }
      }
    } catch (IOException e) {
      throw new ColumnistException("cannot create the database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** One unit of work that reads or writes the database. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of it commits, or none of it. */
  public <T> T inTransaction(Work<T> work) {
    return run(work, dataSource, idle);
  }

  /**
   * Runs {@code work}, which only reads, in one transaction that sees one state of the database and
   * never takes the write lock: for listings and exports, however long they take.
   */
  public <T> T read(Work<T> work) {
    return run(work, readSource, idleReaders);
  }

  private <T> T run(Work<T> work, SQLiteDataSource source, Deque<Connection> pool) {
    Connection connection = null;
    boolean reusable = false;
    try {
      connection = borrow(source, pool);
      try {
        T result = work.run(connection);
        connection.commit();
        reusable = true;
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        reusable = true;
        throw e;
      }
    } catch (SQLException e) {
      throw new ColumnistException("database " + file + ": " + e.getMessage(), e);
    } finally {
      giveBack(connection, reusable, pool);
    }
  }

  private static Connection borrow(SQLiteDataSource source, Deque<Connection> pool)
      throws SQLException {
    Connection connection;
    synchronized (pool) {
      connection = pool.pollFirst();
    }
    if (connection == null) {
      connection = source.getConnection();
    }
    connection.setAutoCommit(false); // BEGIN IMMEDIATE, now that there is work to do
    return connection;
  }

  private void giveBack(Connection connection, boolean reusable, Deque<Connection> pool) {
    if (connection == null) {
      return;
    }
    try {
      if (reusable) {
        // An idle connection must hold no transaction: sqlite-jdbc begins the next one eagerly,
        // and an IMMEDIATE one would keep the write lock from every other connection.
        connection.setAutoCommit(true);
        synchronized (pool) {
          if (pool.size() < IDLE_CONNECTIONS) {
            pool.addFirst(connection);
            return;
          }
        }
      }
      connection.close();
    } catch (SQLException e) {
      throw new ColumnistException("database " + file + ": " + e.getMessage(), e);
    }
  }

  /** The number of the last migration applied. */
  public int schemaVersion() {
    return inTransaction(Store::userVersion);
  }

  private void migrate(IntFunction<String> migrations) {
    try (Connection connection = dataSource.getConnection()) {
      // SQLite changes a table (a CHECK, say) by building a new one and dropping the old, which
      // enforced foreign keys refuse; the pragma is ignored inside a transaction, so it goes first,
      // and the keys are checked before the commit instead. This connection is not reused.
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("PRAGMA foreign_keys = OFF");
      }
      connection.setAutoCommit(false);
      try {
        applyMigrations(connection, migrations);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new ColumnistException("database " + file + ": " + e.getMessage(), e);
    }
  }

  private static void applyMigrations(Connection connection, IntFunction<String> migrations)
      throws SQLException {
    for (int next = userVersion(connection) + 1; ; next++) {
      String script = migrations.apply(next);
      if (script == null) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        // The script goes to SQLite whole, which knows where its statements end (quotes, comments,
        // a trigger's BEGIN ... END): sqlite-jdbc runs a Statement.executeUpdate without parameters
        // through sqlite3_exec, every statement in turn, and stops at the first that fails. Its
        // execute(String) would run the first statement only.
        statement.executeUpdate(script);
        statement.executeUpdate("PRAGMA user_version = " + next);
        try (var broken = statement.executeQuery("PRAGMA foreign_key_check")) {
          if (broken.next()) {
            throw new IllegalStateException(
                "migration V" + next + " breaks a foreign key in table " + broken.getString(1));
          }
        }
      }
    }
  }

  private static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  private static String migration(int version) {
    try (InputStream in = Store.class.getResourceAsStream("/db/V" + version + ".sql")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration V" + version, e);
    }
  }
}
