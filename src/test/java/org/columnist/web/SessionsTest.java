package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.columnist.TestClock;
import org.junit.jupiter.api.Test;

class SessionsTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
  final Sessions sessions = new Sessions(clock);

  @Test
  void aSessionThatRanOutIsRememberedForTheGraceOnly() {
    Sessions.Session s = sessions.start("pat", "stamp");
    clock.advance(Sessions.IDLE.plusMinutes(1));
    assertThat(sessions.find(s.id())).isNull();
    assertThat(sessions.retired(s.id()))
        .hasValueSatisfying(r -> assertThat(r.csrf()).isEqualTo(s.csrf()));
    clock.advance(Sessions.GRACE);
    assertThat(sessions.retired(s.id())).isEmpty();
  }

  @Test
  void aSessionEndedOnPurposeLeavesNothingBehind() {
    Sessions.Session s = sessions.start("pat", "stamp");
    sessions.end(s.id());
    assertThat(sessions.find(s.id())).isNull();
    assertThat(sessions.retired(s.id())).isEmpty();
  }

  @Test
  void aSessionEndedWhileARequestTouchesItStaysEnded() {
    // The clock is read between a request's look-up and its touch: the coach logs out right then.
    TestClock racing = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
    Sessions sessions = new Sessions(racing);
    Sessions.Session s = sessions.start("pat", "stamp");
    racing.atNextTick(() -> sessions.end(s.id()));

    sessions.find(s.id());

    assertThat(sessions.find(s.id())).isNull();
  }

  @Test
  void aLiveSessionIsNotRetired() {
    Sessions.Session s = sessions.start("pat", "stamp");
    assertThat(sessions.retired(s.id())).isEmpty();
    assertThat(sessions.find(s.id()).stamp()).isEqualTo("stamp");
  }

  @Test
  void sessionsNobodyComesBackToAreRetiredAndTheRetiredAreBounded() {
    Sessions.Session first = sessions.start("pat", "stamp");
    clock.advance(Sessions.IDLE.plusMinutes(1));
    sessions.start("pat", "stamp"); // sweeps the first, never looked up again
    assertThat(sessions.retired(first.id())).isPresent();
    for (int i = 0; i < Sessions.MAX_RETIRED; i++) {
      sessions.start("pat", "stamp");
    }
    clock.advance(Sessions.IDLE.plusMinutes(1));
    sessions.start("pat", "stamp");
    assertThat(sessions.retired(first.id())).isEmpty();
  }
}
