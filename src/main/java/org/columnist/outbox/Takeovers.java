package org.columnist.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.store.Sql;

/**
 * Which rows a dead sender left {@code sending}: those whose claim is older than {@link
 * Outbox#LEASE}, and at once those claimed by a process on this host that is no longer alive (a
 * sender killed mid-send need not hold its newsletter back for ten minutes).
 */
final class Takeovers {
  private static final Pattern PID = Pattern.compile("^pid (\\d{1,18})@(.+)/[^/]*$");
  private static final String HOST = host();

  private Takeovers() {}

  /** Who a new sender is, in the rows it claims: its process and host, and which outbox. */
  static String newSender() {
    return senderFor(ProcessHandle.current().pid());
  }

  /** The claim mark of a sender in process {@code pid} on this host. */
  static String senderFor(long pid) {
    return "pid " + pid + "@" + HOST + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Up to {@code limit} rows left by senders that are gone, oldest first. */
  static List<Claims.Row> lapsed(Connection db, Instant now, String me, int limit)
      throws SQLException {
    String stale = now.minus(Outbox.LEASE).toString();
    return Sql.list(
            db,
            """
            SELECT * FROM outbox
            WHERE state = 'sending' AND (claimed_at <= ? OR claimed_by LIKE ?)
            ORDER BY id LIMIT ?""",
            Claims.Row::of,
            stale,
            "pid %@" + HOST + "/%",
            limit * 4)
        .stream()
        .filter(r -> r.claimedAt() == null || r.claimedAt().compareTo(stale) <= 0 || dead(r, me))
        .limit(limit)
        .toList();
  }

  private static boolean dead(Claims.Row row, String me) {
    if (row.claimedBy() == null || row.claimedBy().equals(me)) {
      return false;
    }
    Matcher m = PID.matcher(row.claimedBy());
    return m.matches()
        && m.group(2).equals(HOST)
        && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replace('/', '-');
    } catch (UnknownHostException e) {
      return "localhost"; // no name: dead-process takeover then needs the lease, as before
    }
  }
}
