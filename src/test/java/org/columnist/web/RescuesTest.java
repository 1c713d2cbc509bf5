package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.columnist.TestClock;
import org.junit.jupiter.api.Test;

class RescuesTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
  final Rescues rescues = new Rescues(clock);

  static Sessions.Retired session(String id, String user) {
    return new Sessions.Retired(id, user, "csrf-" + id, "stamp", Instant.EPOCH);
  }

  @Test
  void keepsOnlyTheFormsFieldsAndGivesThemBackOnceToTheSameUserAndDraft() {
    String token =
        rescues
            .keep(session("s1", "pat"), 3, Map.of("answer", "Kept.", "csrf", "x", "other", "y"))
            .orElseThrow();
    assertThat(rescues.take(token, "lee", 3)).isEmpty();
    assertThat(rescues.take(token, "pat", 4)).isEmpty();
    Map<String, String> back = rescues.take(token, "pat", 3).orElseThrow();
    assertThat(back).containsEntry("answer", "Kept.").doesNotContainKeys("csrf", "other");
    assertThat(rescues.take(token, "pat", 3)).isEmpty();
  }

  @Test
  void refusesAFormLargerThanTheDraftFormTakes() {
    assertThat(
            rescues.keep(session("s1", "pat"), 1, Map.of("title", "x".repeat(DraftForm.LINE + 1))))
        .isEmpty();
    assertThat(rescues.size()).isZero();
  }

  @Test
  void forgetsARescueAfterHalfAnHour() {
    String token = rescues.keep(session("s1", "pat"), 1, Map.of("answer", "a")).orElseThrow();
    clock.advance(Rescues.MAX_AGE);
    assertThat(rescues.take(token, "pat", 1)).isEmpty();
  }

  @Test
  void oneSessionLeavesOneRescueAndTheStoreIsBoundedInCountAndSize() {
    for (int i = 0; i < 300; i++) {
      rescues.keep(session("same", "pat"), 1, Map.of("answer", "a".repeat(DraftForm.SECTION)));
    }
    assertThat(rescues.size()).isEqualTo(1);
    Map<String, String> full = new java.util.HashMap<>();
    for (String s : new String[] {"question", "answer", "inner_game", "outer_game", "last_word"}) {
      full.put(s, "a".repeat(DraftForm.SECTION));
    }
    for (int i = 0; i < 300; i++) {
      rescues.keep(session("s" + i, "pat"), 1, full);
    }
    assertThat(rescues.size())
        .isLessThanOrEqualTo(Rescues.MAX_COUNT)
        .isLessThanOrEqualTo((int) (Rescues.MAX_CHARS / (5L * DraftForm.SECTION)))
        .isPositive();
  }
}
