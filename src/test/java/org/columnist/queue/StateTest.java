package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTest {
  @Test
  void openStatesAreThoseBeforePublication() {
    assertThat(Arrays.stream(State.values()).filter(State::open).map(State::id))
        .containsExactly("new", "accepted", "in_review", "scheduled");
  }

  @Test
  void eachStateAllowsExactlyTheMovesOfDesignMd() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("new", List.of("accept", "decline", "spam", "withdraw", "merge"));
    expected.put("accepted", List.of("review", "decline", "withdraw", "merge"));
    expected.put(
        "in_review", List.of("accept", "schedule", "publish", "decline", "withdraw", "merge"));
    expected.put("scheduled", List.of("review", "schedule", "publish", "decline", "withdraw"));
    expected.put("published", List.of("republish"));
    for (String end : List.of("declined", "spam", "withdrawn", "merged")) {
      expected.put(end, List.of());
    }
    Map<String, List<String>> actual = new LinkedHashMap<>();
    State.ids().forEach(s -> actual.put(s, Transition.allowedVerbs(s)));
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void aReaderMayWithdrawFromExactlyTheOpenStates() {
    for (State s : State.values()) {
      assertThat(Transition.WITHDRAW.allowedFrom(s.id())).as(s.id()).isEqualTo(s.open());
    }
  }

  @Test
  void aDraftMayChangeFromAcceptanceUntilAndAfterPublication() {
    assertThat(Arrays.stream(State.values()).filter(State::draftMayChange).map(State::id))
        .containsExactly("accepted", "in_review", "scheduled", "published");
  }

  @Test
  void anUnknownStateIsNeitherOpenNorAllowedAnyMove() {
    assertThat(State.isOpen("pending")).isFalse();
    assertThat(Transition.allowedVerbs("pending")).isEmpty();
  }

  @Test
  void eachStateHasAWordForPeopleAndAnUnknownIdStaysAsItIs() {
    assertThat(Arrays.stream(State.values()).map(State::word))
        .containsExactly(
            "new",
            "accepted",
            "in review",
            "scheduled",
            "published",
            "declined",
            "spam",
            "withdrawn",
            "merged");
    assertThat(State.wordFor("in_review")).isEqualTo("in review");
    assertThat(State.wordFor("pending")).isEqualTo("pending");
  }
}
