package org.columnist.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Editor sessions, kept in memory: an unguessable id for the cookie, a CSRF token for the forms,
 * the stamp of the account's password at login, and two time limits (idle and absolute). A restart
 * logs everyone out; drafts are saved in the database, so nothing typed is lost.
 *
 * <p>A session that ran out (not one that was ended) is remembered, {@link #GRACE} long, as {@link
 * Retired}: that is what lets a draft sent just after it ran out be rescued, and only by a request
 * that still has its cookie and its CSRF token.
 */
final class Sessions {
  static final Duration IDLE = Duration.ofHours(2);
  static final Duration ABSOLUTE = Duration.ofHours(12);
  static final Duration GRACE = Duration.ofMinutes(30);
  static final int MAX_RETIRED = 100;

  record Session(
      String id, String user, String csrf, String stamp, Instant created, Instant lastSeen) {}

  /** A session that ended at {@code ended}, remembered for a rescue. */
  record Retired(String id, String user, String csrf, String stamp, Instant ended) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  // Oldest first, so that the bound drops the oldest; guarded by itself.
  private final LinkedHashMap<String, Retired> retired = new LinkedHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code user}, whose password's stamp is {@code stamp}. */
  Session start(String user, String stamp) {
    Instant now = clock.instant();
    // Sessions nobody comes back to would otherwise stay: end them here, the one way in.
    sessions.values().removeIf(s -> expired(s, now) && retire(s, now));
    Session s = new Session(token(), user, token(), stamp, now, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with {@code id}, touched; null if unknown or expired. */
  Session find(String id) {
    if (id == null) {
      return null;
    }
    // Touched only if it is still the one read, so that a logout meanwhile is not undone; when
    // another request touched it first, look again.
    while (true) {
      Session s = sessions.get(id);
      Instant now = clock.instant();
      if (s == null) {
        return null;
      }
      if (expired(s, now)) {
        if (sessions.remove(id, s)) {
          retire(s, now);
        }
        return null;
      }
      Session touched = new Session(s.id(), s.user(), s.csrf(), s.stamp(), s.created(), now);
      if (sessions.replace(id, s, touched)) {
        return touched;
      }
    }
  }

  /**
   * Ends the session {@code id} for good (logged out, or its account changed): unlike one that ran
   * out, nothing may come of it afterwards.
   */
  void end(String id) {
    if (id != null) {
      sessions.remove(id);
      synchronized (retired) {
        retired.remove(id);
      }
    }
  }

  /** The session {@code id} if it ended less than {@link #GRACE} ago. */
  Optional<Retired> retired(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    synchronized (retired) {
      dropOldRetired(now);
      return Optional.ofNullable(retired.get(id));
    }
  }

  private boolean retire(Session s, Instant now) {
    synchronized (retired) {
      retired.put(s.id(), new Retired(s.id(), s.user(), s.csrf(), s.stamp(), endOf(s)));
      dropOldRetired(now);
      while (retired.size() > MAX_RETIRED) {
        Iterator<String> oldest = retired.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
    return true;
  }

  private void dropOldRetired(Instant now) {
    retired.values().removeIf(r -> !now.isBefore(r.ended().plus(GRACE)));
  }

  private static boolean expired(Session s, Instant now) {
    return now.isAfter(endOf(s));
  }

  // When the session runs out: idle or absolute, whichever comes first.
  private static Instant endOf(Session s) {
    Instant idle = s.lastSeen().plus(IDLE);
    Instant absolute = s.created().plus(ABSOLUTE);
    return idle.isBefore(absolute) ? idle : absolute;
  }

  private String token() {
    return token(random);
  }

  /** An unguessable token, fit for a cookie or a URL. */
  static String token(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
