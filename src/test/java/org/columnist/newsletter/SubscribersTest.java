package org.columnist.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.TestClock;
import org.columnist.cli.Wiring;
import org.columnist.config.TestConfig;
import org.columnist.newsletter.Subscribers.Confirmed;
import org.columnist.newsletter.Subscribers.Requested;
import org.columnist.newsletter.Subscribers.Unsubscribed;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscribersTest {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  @TempDir Path dir;
  TestClock clock = new TestClock(START);
  Wiring wiring;
  Subscribers subscribers;

  @BeforeEach
  void setUp() {
    wiring = new Wiring(TestConfig.aConfig().loadIn(dir), clock);
    subscribers = wiring.subscribers();
  }

  List<String> column(String sql) {
    return wiring.store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  /** The token of the newest confirmation mail queued. */
  String lastToken() {
    List<String> bodies = column("SELECT body_text FROM outbox WHERE kind = 'confirm' ORDER BY id");
    Matcher m =
        Pattern.compile("newsletter/confirm\\?t=(\\S+)").matcher(bodies.get(bodies.size() - 1));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void aNewAddressIsPendingWithOneConfirmationMailAndConfirmsThroughItsLink() {
    assertThat(subscribers.request("reader@example.com", Source.FORM))
        .isEqualTo(Requested.CONFIRMATION_SENT);
    assertThat(column("SELECT state || ' ' || source || ' ' || created_at FROM subscribers"))
        .containsExactly("pending form " + START);
    assertThat(column("SELECT to_address || ' ' || subject FROM outbox"))
        .containsExactly("reader@example.com Confirm your subscription to Coach's Corner");
    clock.advance(Duration.ofHours(1));
    assertThat(subscribers.confirm(lastToken())).isEqualTo(Confirmed.CONFIRMED);
    assertThat(
            column(
                "SELECT state || ' ' || confirmed_at || ' ' || (confirm_nonce IS NULL) FROM subscribers"))
        .containsExactly("confirmed " + START.plus(Duration.ofHours(1)) + " 1");
    assertThat(column("SELECT event || ':' || coalesce(detail, '') FROM subscriber_events"))
        .containsExactly("asked:form", "confirmation sent:", "confirmed:");
  }

  @Test
  void anAddressThatNeverConfirmsIsForgottenOnceItsLinkHasExpired() {
    subscribers.request("stranger@example.com", Source.FORM);
    subscribers.request("slow@example.com", Source.MAIL);
    subscribers.request("reader@example.com", Source.FORM);
    subscribers.confirm(lastToken());
    wiring.store.inTransaction(
        db ->
            Sql.update(
                db,
                "INSERT INTO subscribers(address, state, source, created_at)"
                    + " VALUES ('imported@example.com', 'pending', 'import', ?)",
                clock.instant().toString()));
    clock.advance(Duration.ofDays(6));
    subscribers.request("slow@example.com", Source.MAIL); // a new link, valid for 7 days more
    clock.advance(Duration.ofDays(2));

    assertThat(subscribers.forgetUnconfirmed()).isEqualTo(1);

    assertThat(column("SELECT address FROM subscribers ORDER BY address"))
        .containsExactly("imported@example.com", "reader@example.com", "slow@example.com");
    assertThat(
            column(
                "SELECT count(*) FROM subscriber_events WHERE subscriber_id NOT IN"
                    + " (SELECT id FROM subscribers)"))
        .containsExactly("0");
  }

  @Test
  void aSecondRequestTheSameDaySendsNothingAndTheFirstLinkStillWorks() {
    subscribers.request("reader@example.com", Source.FORM);
    String first = lastToken();
    clock.advance(Duration.ofHours(23));
    assertThat(subscribers.request("reader@example.com", Source.MAIL))
        .isEqualTo(Requested.ONE_A_DAY);
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("1");
    // Nothing changed and no mail went: nothing is written for an anonymous caller's repeat.
    assertThat(column("SELECT event FROM subscriber_events ORDER BY id"))
        .containsExactly("asked", "confirmation sent");
    assertThat(column("SELECT source FROM subscribers")).containsExactly("form");
    assertThat(subscribers.confirm(first)).isEqualTo(Confirmed.CONFIRMED);
  }

  @Test
  void aRequestAfterADaySendsANewLinkThatReplacesTheOld() {
    subscribers.request("reader@example.com", Source.FORM);
    String first = lastToken();
    clock.advance(Duration.ofHours(25));
    assertThat(subscribers.request("reader@example.com", Source.MAIL))
        .isEqualTo(Requested.CONFIRMATION_SENT);
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("2");
    assertThat(subscribers.confirm(first)).isEqualTo(Confirmed.INVALID);
    assertThat(subscribers.confirm(lastToken())).isEqualTo(Confirmed.CONFIRMED);
    assertThat(column("SELECT source FROM subscribers")).containsExactly("mail");
  }

  @Test
  void aConfirmedSubscriberAskingAgainGetsNothing() {
    subscribers.request("reader@example.com", Source.FORM);
    subscribers.confirm(lastToken());
    clock.advance(Duration.ofDays(3));
    assertThat(subscribers.request("Reader@Example.com", Source.FORM))
        .isEqualTo(Requested.ALREADY_CONFIRMED);
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("1");
  }

  @Test
  void aReusedLinkIsAlreadyConfirmedAndChangesNothing() {
    subscribers.request("reader@example.com", Source.FORM);
    String token = lastToken();
    subscribers.confirm(token);
    List<String> before = column("SELECT confirmed_at FROM subscribers");
    clock.advance(Duration.ofHours(2));
    assertThat(subscribers.confirm(token)).isEqualTo(Confirmed.ALREADY_CONFIRMED);
    assertThat(column("SELECT confirmed_at FROM subscribers")).isEqualTo(before);
  }

  @Test
  void aLinkUsedAfterUnsubscribingNoLongerConfirms() {
    subscribers.request("reader@example.com", Source.FORM);
    String token = lastToken();
    subscribers.confirm(token);
    wiring.store.inTransaction(db -> subscribers.unsubscribe(db, "reader@example.com", "mail"));
    assertThat(subscribers.confirm(token)).isEqualTo(Confirmed.INVALID);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("unsubscribed");
  }

  @Test
  void anExpiredLinkIsRefused() {
    subscribers.request("reader@example.com", Source.FORM);
    clock.advance(Duration.ofDays(7));
    assertThat(subscribers.confirm(lastToken())).isEqualTo(Confirmed.EXPIRED);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("pending");
  }

  @Test
  void forgedMalformedAndAlteredTokensAreInvalid() {
    subscribers.request("a@example.com", Source.FORM);
    String tokenOfA = lastToken();
    subscribers.request("b@example.com", Source.FORM);
    String[] parts = tokenOfA.split("~");
    String[] f = new String(Base64.getUrlDecoder().decode(parts[0])).split("\\.");
    String toB =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("c.2." + f[2] + "." + f[3]).getBytes())
            + "~"
            + parts[1];
    assertThat(subscribers.confirm(toB)).isEqualTo(Confirmed.INVALID);
    assertThat(subscribers.confirm("nonsense")).isEqualTo(Confirmed.INVALID);
    assertThat(subscribers.confirm("")).isEqualTo(Confirmed.INVALID);
    assertThat(subscribers.confirm(null)).isEqualTo(Confirmed.INVALID);
    String otherKey = new Links(new byte[32]).confirmation(1, START.plus(Duration.ofDays(1)), f[3]);
    assertThat(subscribers.confirm(otherKey)).isEqualTo(Confirmed.INVALID);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("pending", "pending");
  }

  @Test
  void anUnsubscribedOrSuppressedAddressIsReactivatedOnlyByConfirming() {
    subscribers.request("reader@example.com", Source.FORM);
    subscribers.confirm(lastToken());
    wiring.store.inTransaction(db -> subscribers.suppress(db, "reader@example.com", "complaint"));
    clock.advance(Duration.ofDays(2));
    assertThat(subscribers.request("reader@example.com", Source.FORM))
        .isEqualTo(Requested.CONFIRMATION_SENT);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("suppressed");
    assertThat(subscribers.confirm(lastToken())).isEqualTo(Confirmed.CONFIRMED);
    assertThat(column("SELECT event || ':' || coalesce(detail, '') FROM subscriber_events"))
        .endsWith("confirmed:", "reactivated by confirmation:suppressed");
  }

  @Test
  void noConfirmationGoesToARobotOrTheColumnItself() {
    assertThat(subscribers.request("no-reply@example.com", Source.FORM))
        .isEqualTo(Requested.REFUSED);
    assertThat(subscribers.request(TestConfig.ADDRESS, Source.MAIL)).isEqualTo(Requested.REFUSED);
    assertThat(column("SELECT count(*) FROM subscribers")).containsExactly("0");
    assertThat(column("SELECT count(*) FROM outbox")).containsExactly("0");
  }

  @Test
  void anUnsubscribeLinkUnsubscribesOnceAndAForgedOneNothing() {
    subscribers.request("reader@example.com", Source.FORM);
    subscribers.confirm(lastToken());
    String token = subscribers.links().unsubscribe(1);
    assertThat(subscribers.unsubscribeByToken(token + "x", "link")).isEqualTo(Unsubscribed.INVALID);
    assertThat(subscribers.unsubscribeByToken(subscribers.links().unsubscribe(99), "link"))
        .isEqualTo(Unsubscribed.INVALID);
    assertThat(column("SELECT state FROM subscribers")).containsExactly("confirmed");
    assertThat(subscribers.unsubscribeByToken(token, "one-click"))
        .isEqualTo(Unsubscribed.UNSUBSCRIBED);
    assertThat(subscribers.unsubscribeByToken(token, "link"))
        .isEqualTo(Unsubscribed.NOT_SUBSCRIBED);
    assertThat(column("SELECT event || ':' || detail FROM subscriber_events ORDER BY id"))
        .endsWith("unsubscribed:one-click");
  }
}
