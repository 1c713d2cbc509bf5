package org.columnist.responses;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One reader's response as stored: what they typed, exactly as typed, and what became of it.
 *
 * @param state unconfirmed, pending, approved, rejected or spam
 * @param mailReply whether the writer asked to be mailed when the coach replies
 * @param decidedBy a coach's name, or {@code trusted} when it needed no one
 */
public record ResponseRow(
    long id,
    String slug,
    String state,
    String name,
    String address,
    String body,
    boolean mailReply,
    String createdAt,
    String confirmedAt,
    String decidedAt,
    String decidedBy,
    String reply,
    String repliedAt,
    String repliedBy) {

  static ResponseRow of(ResultSet rs) throws SQLException {
    return new ResponseRow(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("state"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("body"),
        rs.getInt("notify") == 1,
        rs.getString("created_at"),
        rs.getString("confirmed_at"),
        rs.getString("decided_at"),
        rs.getString("decided_by"),
        rs.getString("reply"),
        rs.getString("replied_at"),
        rs.getString("replied_by"));
  }
}
