package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StateTest {
  @Test
  void openStatesAreThoseBeforePublication() {
    assertThat(Arrays.stream(State.values()).filter(State::open).map(State::id))
        .containsExactly("new", "accepted", "in_review", "scheduled");
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
}
