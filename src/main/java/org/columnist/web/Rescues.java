package org.columnist.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Draft forms sent just after their session ended, kept so that the coach finds the text again
 * after logging in. Only a request proven to come from that session may leave one (see {@link
 * Sessions.Retired}); only the same user, on the same draft, may take it back; and the store is
 * bounded in age, count and size, because whoever leaves one is not logged in.
 */
final class Rescues {
  static final Duration MAX_AGE = Duration.ofMinutes(30);
  static final int MAX_COUNT = 16;

  /** Characters over all rescues kept (each field's length, summed). */
  static final long MAX_CHARS = 2_000_000;

  private record Rescue(
      String session, String user, long draft, Map<String, String> form, long chars, Instant at) {}

  private final SecureRandom random = new SecureRandom();
  // Oldest first; guarded by this.
  private final LinkedHashMap<String, Rescue> rescues = new LinkedHashMap<>();
  private final Clock clock;

  Rescues(Clock clock) {
    this.clock = clock;
  }

  /**
   * Keeps {@code form}, sent to draft {@code draft} by the ended session {@code from}, and returns
   * the token to take it back with; empty when the form is larger than the draft form takes. A
   * later rescue from the same session replaces an earlier one.
   */
  synchronized Optional<String> keep(Sessions.Retired from, long draft, Map<String, String> form) {
    Map<String, String> fields = Map.copyOf(DraftForm.fieldsOf(form));
    if (!DraftForm.withinLimits(fields)) {
      return Optional.empty();
    }
    long chars = fields.values().stream().mapToLong(String::length).sum();
    rescues.values().removeIf(r -> r.session().equals(from.id()));
    String token = Sessions.token(random);
    rescues.put(token, new Rescue(from.id(), from.user(), draft, fields, chars, clock.instant()));
    trim();
    return Optional.of(token);
  }

  /** The form kept under {@code token} for {@code user}'s draft {@code draft}, taken out once. */
  synchronized Optional<Map<String, String>> take(String token, String user, long draft) {
    trim();
    Rescue r = token == null ? null : rescues.get(token);
    if (r == null || !r.user().equals(user) || r.draft() != draft) {
      return Optional.empty();
    }
    rescues.remove(token);
    return Optional.of(r.form());
  }

  synchronized int size() {
    return rescues.size();
  }

  private void trim() {
    Instant now = clock.instant();
    rescues.values().removeIf(r -> !now.isBefore(r.at().plus(MAX_AGE)));
    long total = rescues.values().stream().mapToLong(Rescue::chars).sum();
    Iterator<Rescue> oldest = rescues.values().iterator();
    while (oldest.hasNext() && (rescues.size() > MAX_COUNT || total > MAX_CHARS)) {
      total -= oldest.next().chars();
      oldest.remove();
    }
  }
}
