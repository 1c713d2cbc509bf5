package org.columnist.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Editor sessions, kept in memory: an unguessable id for the cookie, a CSRF token for the forms,
 * and two time limits (idle and absolute). A restart logs everyone out; drafts are saved in the
 * database, so nothing typed is lost.
 */
final class Sessions {
  static final Duration IDLE = Duration.ofHours(2);
  static final Duration ABSOLUTE = Duration.ofHours(12);

  record Session(String id, String user, String csrf, Instant created, Instant lastSeen) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  Session start(String user) {
    Instant now = clock.instant();
    Session s = new Session(token(), user, token(), now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with {@code id}, touched; null if unknown or expired. */
  Session find(String id) {
    if (id == null) {
      return null;
    }
    Session s = sessions.get(id);
    Instant now = clock.instant();
    if (s == null) {
      return null;
    }
    if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(ABSOLUTE))) {
      sessions.remove(id);
      return null;
    }
    Session touched = new Session(s.id(), s.user(), s.csrf(), s.created(), now);
    sessions.put(id, touched);
    return touched;
  }

  void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
