package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounces and complaints about the newsletter, through a real mailbox and store: which mail they
 * report and what they do to the subscriber (newsletter/Bounces' rules).
 */
class BouncesIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));

  static final String ROBIN = "robin@example.org";

  @TempDir Path dir;
  MailFixture fx;
  long body;

  @BeforeEach
  void setUp() {
    fx = new MailFixture(greenMail, dir);
    body =
        fx.store.inTransaction(
            db -> {
              Sql.update(
                  db,
                  "INSERT INTO subscribers(address, state, source, created_at, confirmed_at) VALUES (?, 'confirmed', 'form', ?, ?)",
                  ROBIN,
                  Instant.now().toString(),
                  Instant.now().toString());
              return Sql.insert(
                  db,
                  "INSERT INTO outbox_bodies(kind, subject, body_text, marker, created_at) VALUES ('newsletter', 'The new column', 'Text %%', '%%', ?)",
                  Instant.now().toString());
            });
  }

  @Test
  void suppressesAfterOneHardBounceAndCancelsTheNewsletterStillQueuedToIt() throws Exception {
    long sent = newsletter("sent", Instant.now());
    long queued = newsletter("queued", null);
    report("dsn-hard", sent, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("suppressed");
    assertThat(fx.column("SELECT suppressed_reason FROM subscribers").get(0))
        .startsWith("hard bounce: 5.1.1 550 5.1.1 <r***@e******.org>");
    assertThat(fx.column("SELECT state FROM outbox WHERE id = ?", sent)).containsExactly("failed");
    assertThat(fx.column("SELECT state FROM outbox WHERE id = ?", queued))
        .containsExactly("cancelled");
    assertThat(history()).containsExactly("bounced hard", "suppressed");
    assertThat(fx.column("SELECT outcome || ' ' || outbox_id || ' ' || reason FROM messages"))
        .singleElement()
        .asString()
        .startsWith("bounce " + sent + " hard bounce: 5.1.1")
        .endsWith("; subscriber suppressed");
  }

  @Test
  void suppressesAfterThreeSoftBouncesInARow() throws Exception {
    Instant now = Instant.now();
    long first = newsletter("sent", now.minusSeconds(30));
    long second = newsletter("sent", now.minusSeconds(20));
    long third = newsletter("sent", now.minusSeconds(10));
    report("dsn-delay", first, ROBIN, ADDRESS);
    report("dsn-delay", second, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("confirmed");
    assertThat(fx.column("SELECT soft_bounces FROM subscribers")).containsExactly("2");
    report("dsn-delay", third, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("suppressed");
    assertThat(fx.column("SELECT suppressed_reason FROM subscribers").get(0))
        .startsWith("3 soft bounces in a row: soft bounce: 4.4.1");
    assertThat(fx.column("SELECT event || ': ' || substr(detail, 1, 11) FROM subscriber_events"))
        .containsExactly(
            "bounced soft: 1 in a row:",
            "bounced soft: 2 in a row:",
            "bounced soft: 3 in a row:",
            "suppressed: 3 soft boun");
  }

  @Test
  void startsTheRowAgainWhenAMailWasDeliveredBetweenTwoSoftBounces() throws Exception {
    Instant now = Instant.now();
    long first = newsletter("sent", now.minusSeconds(30));
    long second = newsletter("sent", now.minusSeconds(20));
    report("dsn-delay", first, ROBIN, ADDRESS);
    report("dsn-delay", second, ROBIN, ADDRESS);
    newsletter("sent", Instant.now().plusSeconds(1)); // handed to the relay, never bounced
    long fourth = newsletter("sent", Instant.now().plusSeconds(2));
    report("dsn-delay", fourth, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("confirmed");
    assertThat(fx.column("SELECT soft_bounces FROM subscribers")).containsExactly("1");
  }

  @Test
  void countsRepeatedDelayWarningsForOneMailOnceButStillSuppressesOnItsFailure() throws Exception {
    long sent = newsletter("sent", Instant.now());
    report("dsn-delay", sent, ROBIN, ADDRESS);
    report("dsn-delay", sent, ROBIN, ADDRESS);
    report("dsn-delay", sent, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("confirmed");
    assertThat(fx.column("SELECT soft_bounces FROM subscribers")).containsExactly("1");
    assertThat(fx.column("SELECT reason FROM messages ORDER BY id").get(2))
        .endsWith("; soft bounce for the same mail again, not counted");
    report("dsn-hard", sent, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("suppressed");
  }

  @Test
  void unsubscribesOnAComplaint() throws Exception {
    long sent = newsletter("sent", Instant.now());
    long queued = newsletter("queued", null);
    report("arf-abuse", sent, ROBIN, ADDRESS);
    assertThat(state()).isEqualTo("unsubscribed");
    assertThat(fx.column("SELECT event || ': ' || detail FROM subscriber_events"))
        .containsExactly("complaint: complaint (ARF abuse)", "unsubscribed: complaint (ARF)");
    assertThat(fx.column("SELECT state FROM outbox WHERE id = ?", queued))
        .containsExactly("cancelled");
    assertThat(fx.column("SELECT outcome FROM messages")).containsExactly("bounce");
  }

  @Test
  void findsTheMailByTheVerpAddressTheBounceCameBackTo() throws Exception {
    long sent = newsletter("sent", Instant.now());
    String verp = Outbox.bounceAddress(ADDRESS, sent, messageId(sent));
    // The report names neither our Message-ID nor the address we wrote to (it was forwarded).
    report("dsn-hard", "<lost@mx.example.net>", "robin@forward.example", verp);
    assertThat(fx.column("SELECT outbox_id FROM messages")).containsExactly(String.valueOf(sent));
    // The mail log shows readers' addresses masked: its reasons do not give them away.
    assertThat(fx.column("SELECT reason FROM messages").get(0))
        .doesNotContain("robin@")
        .contains("<r***@f******.example>");
    assertThat(fx.column("SELECT state FROM outbox WHERE id = ?", sent)).containsExactly("failed");
    assertThat(state()).isEqualTo("suppressed");
  }

  @Test
  void findsNoMailByAForgedVerpAddress() throws Exception {
    long sent = newsletter("sent", Instant.now());
    String forged = "ask+bounce-" + sent + "-deadbeef@column.example";
    report("dsn-hard", "<lost@mx.example.net>", "someone@else.example", forged);
    assertThat(fx.column("SELECT coalesce(outbox_id, '-') || ' ' || reason FROM messages"))
        .singleElement()
        .asString()
        .startsWith("- hard bounce")
        .endsWith("; names no mail Columnist sent: no subscriber changed");
    assertThat(fx.column("SELECT state FROM outbox WHERE id = ?", sent)).containsExactly("sent");
    assertThat(state()).isEqualTo("confirmed");
  }

  @Test
  void leavesTheSubscriberAReportNamesAloneWhenItNamesNoMailOfOurs() throws Exception {
    report("dsn-hard", "<lost@mx.example.net>", ROBIN, ADDRESS);
    assertThat(fx.column("SELECT coalesce(outbox_id, '-') || ' ' || reason FROM messages"))
        .singleElement()
        .asString()
        .startsWith("- hard bounce")
        .endsWith("; names no mail Columnist sent: no subscriber changed");
    assertThat(state()).isEqualTo("confirmed");
  }

  private static final String ADDRESS = MailFixture.ADDRESS;

  /** A newsletter row to Robin in {@code state}, handed to the relay at {@code sentAt}. */
  private long newsletter(String state, Instant sentAt) {
    String messageId = "<" + UUID.randomUUID() + "@column.example>";
    return fx.store.inTransaction(
        db ->
            Sql.insert(
                db,
                """
                INSERT INTO outbox(kind, to_address, body_id, personal, message_id, state, next_attempt_at, created_at, sent_at)
                VALUES ('newsletter', ?, ?, 'token', ?, ?, ?, ?, ?)""",
                ROBIN,
                body,
                messageId,
                state,
                Instant.now().toString(),
                Instant.now().toString(),
                sentAt == null ? null : sentAt.toString()));
  }

  private String messageId(long row) {
    return fx.column("SELECT message_id FROM outbox WHERE id = ?", row).get(0);
  }

  private void report(String sample, long row, String recipient, String to) throws Exception {
    report(sample, messageId(row), recipient, to);
  }

  private void report(String sample, String messageId, String recipient, String to)
      throws Exception {
    fx.append(BounceMails.sample(sample, messageId, recipient, to));
    fx.intake().pollOnce();
  }

  private String state() {
    return fx.column("SELECT state FROM subscribers WHERE address = ?", ROBIN).get(0);
  }

  private java.util.List<String> history() {
    return fx.column("SELECT event FROM subscriber_events ORDER BY id");
  }
}
