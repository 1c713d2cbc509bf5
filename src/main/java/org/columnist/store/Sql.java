package org.columnist.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bound-parameter queries in one line each, for code that runs inside {@link Store#inTransaction}.
 */
public final class Sql {
  private Sql() {}

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static <T> List<T> list(Connection db, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = prepare(db, sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.map(rs));
      }
      return rows;
    }
  }

  public static <T> Optional<T> one(Connection db, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> rows = list(db, sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  public static int update(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(db, sql, params)) {
      return ps.executeUpdate();
    }
  }

  /** Runs an INSERT; returns the new row's id. */
  public static long insert(Connection db, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, params);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The column as a Long, or null for SQL NULL (sqlite-jdbc refuses getObject(i, Long.class)). */
  public static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** The column as an Integer, or null for SQL NULL. */
  public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = db.prepareStatement(sql);
    bind(ps, params);
    return ps;
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
