package org.columnist.newsletter;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import org.columnist.store.Sql;

/**
 * The newsletter's subscribers, written inside the caller's transaction: a request to subscribe
 * waits for confirmation; unsubscribing takes effect at once.
 */
public final class Subscribers {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Subscribers(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records that {@code address} asked by mail to subscribe: pending until confirmed, and a
   * confirmed subscriber stays confirmed.
   */
  public void requestByMail(Connection db, String address) throws SQLException {
    byte[] token = new byte[16];
    random.nextBytes(token);
    Sql.update(
        db,
        """
        INSERT INTO subscribers(address, state, token, source, created_at) VALUES (?, 'pending', ?, 'mail', ?)
        ON CONFLICT(address) DO UPDATE SET state = CASE WHEN state = 'confirmed' THEN 'confirmed' ELSE 'pending' END""",
        address,
        HexFormat.of().formatHex(token),
        clock.instant().toString());
  }

  /** Unsubscribes {@code address}; false when it was not subscribed. */
  public boolean unsubscribe(Connection db, String address) throws SQLException {
    return Sql.update(
            db,
            "UPDATE subscribers SET state = 'unsubscribed', unsubscribed_at = ? WHERE address = ? AND state <> 'unsubscribed'",
            clock.instant().toString(),
            address)
        > 0;
  }
}
