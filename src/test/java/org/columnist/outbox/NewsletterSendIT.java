package org.columnist.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.columnist.column.Columns;
import org.columnist.config.Templates;
import org.columnist.mail.MailFixture;
import org.columnist.newsletter.Newsletter;
import org.columnist.newsletter.Subscribers;
import org.columnist.store.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A newsletter to many subscribers, sent exactly once through crashes and unsubscribes. */
class NewsletterSendIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  /** A process id no process has: a sender that was killed. */
  private static final long DEAD_PID = 2_000_000_000L;

  private static final int CONFIRMED = 1000;

  @TempDir Path dir;
  MailFixture fx;
  Subscribers subscribers;

  /** What a test's checkpoint throws: the sender dies there. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @BeforeEach
  void setUp() {
    fx = new MailFixture(greenMail, dir);
    subscribers =
        new Subscribers(
            fx.store,
            fx.outbox(),
            new MailTemplates(new Templates(fx.config.paths().templates()), fx.config),
            fx.config,
            Clock.systemUTC());
  }

  private Outbox.Policy fast() {
    return new Outbox.Policy(MailFixture.ADDRESS, 1_000_000, (db, address, reply) -> {}, null);
  }

  private Outbox outbox(Outbox.Checkpoint checkpoint, String sender) {
    return new Outbox(
        fx.store, MailFixture.ADDRESS, 8, Clock.systemUTC(), fast(), checkpoint, sender);
  }

  private Outbox restarted() {
    return outbox((step, id) -> {}, Takeovers.newSender());
  }

  /** Confirmed subscribers c0…c999, and one pending, one unsubscribed, one suppressed. */
  private void subscribe() {
    fx.store.inTransaction(
        db -> {
          var insert =
              db.prepareStatement(
                  "INSERT INTO subscribers(address, state, source, created_at) VALUES (?, ?, 'form', '2026-01-01T00:00:00Z')");
          for (int i = 0; i < CONFIRMED; i++) {
            insert.setString(1, "c" + i + "@example.com");
            insert.setString(2, "confirmed");
            insert.executeUpdate();
          }
          for (String state : List.of("pending", "unsubscribed", "suppressed")) {
            insert.setString(1, state + "@example.com");
            insert.setString(2, state);
            insert.executeUpdate();
          }
          return null;
        });
  }

  private void subscribe(String... addresses) {
    fx.store.inTransaction(
        db -> {
          for (String address : addresses) {
            Sql.update(
                db,
                "INSERT INTO subscribers(address, state, source, created_at) VALUES (?, 'confirmed', 'form', '2026-01-01T00:00:00Z')",
                address);
          }
          return null;
        });
  }

  /** Publishes a column's send, as the publication's transaction does. */
  private void publish() {
    MailTemplates templates =
        new MailTemplates(new Templates(fx.config.paths().templates()), fx.config);
    Newsletter newsletter =
        new Newsletter(fx.config, fx.store, restarted(), templates, subscribers, Clock.systemUTC());
    fx.store.inTransaction(
        db -> {
          long question =
              Sql.insert(
                  db,
                  """
                  INSERT INTO questions(state, origin, sender_address, subject, body, received_at, updated_at)
                  VALUES ('published', 'coach', 'q@example.com', 'Q', 'Q', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""");
          newsletter.published(
              db,
              question,
              Columns.aColumn().withTitle("Managing up").build(),
              "https://column.example/2026/01/managing-up/");
          return null;
        });
  }

  private Map<String, Integer> receivedPerAddress() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      counts.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
    }
    return counts;
  }

  /** A checkpoint that kills the sender at {@code step} of the {@code nth} mail. */
  private static Outbox.Checkpoint crashAt(Outbox.Step step, int nth) {
    AtomicInteger seen = new AtomicInteger();
    return (reached, id) -> {
      if (reached == step && seen.incrementAndGet() == nth) {
        throw new Crash();
      }
    };
  }

  @Test
  void eachConfirmedSubscriberGetsTheColumnExactlyOnceAndNobodyElseDoes() throws Exception {
    subscribe();
    publish();

    Outbox.SendReport report = restarted().sendDue(fx.config.smtp());

    assertThat(report.sent()).isEqualTo(CONFIRMED);
    Map<String, Integer> received = receivedPerAddress();
    assertThat(received)
        .hasSize(CONFIRMED)
        .doesNotContainKeys(
            "pending@example.com", "unsubscribed@example.com", "suppressed@example.com");
    assertThat(received.values()).containsOnly(1);
    assertThat(fx.column("SELECT recipients FROM newsletter_sends")).containsExactly("1000");
  }

  @Test
  void aSenderKilledAfterTheRelayAcceptedAMailSendsOnlyThatOneTwiceAfterARestart()
      throws Exception {
    subscribe();
    publish();
    Outbox crashing =
        outbox(crashAt(Outbox.Step.ACCEPTED_NOT_MARKED, 500), Takeovers.senderFor(DEAD_PID));

    assertThatThrownBy(() -> crashing.sendDue(fx.config.smtp())).isInstanceOf(Crash.class);
    restarted().sendDue(fx.config.smtp());

    Map<String, Integer> received = receivedPerAddress();
    assertThat(received).hasSize(CONFIRMED);
    assertThat(received.values().stream().filter(n -> n == 2)).hasSize(1);
    assertThat(received.values()).allMatch(n -> n == 1 || n == 2);
    assertThat(fx.column("SELECT DISTINCT state FROM outbox")).containsExactly("sent");
  }

  @Test
  void aSenderKilledBeforeSendingOrAfterMarkingSendsEachMailExactlyOnceAfterARestart()
      throws Exception {
    subscribe();
    publish();

    for (Outbox.Step step : List.of(Outbox.Step.CLAIMED, Outbox.Step.MARKED)) {
      Outbox crashing = outbox(crashAt(step, 300), Takeovers.senderFor(DEAD_PID));
      assertThatThrownBy(() -> crashing.sendDue(fx.config.smtp())).isInstanceOf(Crash.class);
    }
    restarted().sendDue(fx.config.smtp());

    Map<String, Integer> received = receivedPerAddress();
    assertThat(received).hasSize(CONFIRMED);
    assertThat(received.values()).containsOnly(1);
  }

  @Test
  void anAddressThatUnsubscribesBetweenTwoBatchesGetsNothing() throws Exception {
    subscribe();
    publish();
    long eleventh = firstRow() + 10;
    Outbox.Checkpoint unsubscribeMidway =
        (step, id) -> {
          if (step == Outbox.Step.MARKED && id == eleventh) {
            fx.store.inTransaction(
                db -> {
                  subscribers.unsubscribe(db, "c11@example.com", "link"); // claimed, not sent
                  subscribers.unsubscribe(db, "c700@example.com", "link"); // a later batch
                  return null;
                });
          }
        };

    outbox(unsubscribeMidway, Takeovers.newSender()).sendDue(fx.config.smtp());

    Map<String, Integer> received = receivedPerAddress();
    assertThat(received)
        .hasSize(CONFIRMED - 2)
        .doesNotContainKeys("c11@example.com", "c700@example.com");
    assertThat(fx.column("SELECT count(*) FROM outbox WHERE state = 'cancelled'"))
        .containsExactly("2");
  }

  private long firstRow() {
    return Long.parseLong(fx.column("SELECT min(id) FROM outbox").get(0));
  }

  @Test
  void newsletterMailCarriesTheListHeadersWithItsOwnLinkAndABounceAddress() throws Exception {
    subscribe("ann@example.com");
    publish();

    restarted().sendDue(fx.config.smtp());

    MimeMessage mail = greenMail.getReceivedMessages()[0];
    String token =
        fx.column("SELECT personal FROM outbox WHERE to_address = 'ann@example.com'").get(0);
    assertThat(mail.getHeader("List-Unsubscribe", null))
        .isEqualTo(
            "<https://column.example/newsletter/unsubscribe?t="
                + token
                + ">, <mailto:ask@column.example?subject=unsubscribe>");
    assertThat(mail.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(mail.getHeader("List-Id", null))
        .isEqualTo("Coach's Corner <newsletter.column.example>");
    assertThat(mail.getHeader("Precedence", null)).isEqualTo("bulk");
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(mail.getSubject()).isEqualTo("Managing up - Coach's Corner");
    assertThat(mail.getHeader("Return-Path", null))
        .matches("<?ask\\+bounce-\\d+-[0-9a-f]{8}@column.example>?");
    String raw =
        new String(mail.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(raw).contains(token).doesNotContain("NLTOKEN");
  }

  private Outbox atRate(int perMinute) {
    return new Outbox(
        fx.store,
        MailFixture.ADDRESS,
        8,
        Clock.systemUTC(),
        new Outbox.Policy(MailFixture.ADDRESS, perMinute, (db, address, reply) -> {}, null));
  }

  @Test
  void oneRunWaitsForTheRateAndSendsEveryMailThatIsDue() throws Exception {
    subscribe("a@example.com", "b@example.com", "c@example.com");
    publish();

    Outbox.SendReport report = atRate(120).sendDue(fx.config.smtp()); // two at once, then 2/s

    assertThat(report.sent()).isEqualTo(3);
  }

  @Test
  void aRunWaitingForTheRateEndsAsSoonAsItIsToldToStop() throws Exception {
    subscribe("a@example.com", "b@example.com", "c@example.com");
    publish();

    Outbox.SendReport report =
        atRate(1).sendDue(fx.config.smtp(), () -> greenMail.getReceivedMessages().length > 0);

    assertThat(report.sent()).isEqualTo(1);
    assertThat(fx.column("SELECT count(*) FROM outbox WHERE state = 'queued'"))
        .containsExactly("2");
  }

  @Test
  void aRelayThatStopsMidSendPausesTheSendWithoutCountingAnAttempt() throws Exception {
    subscribe("a@example.com", "b@example.com", "c@example.com", "d@example.com");
    publish();
    Outbox.Checkpoint stopRelayAfterTwo =
        (step, id) -> {
          if (step == Outbox.Step.MARKED && greenMail.getReceivedMessages().length == 2) {
            greenMail.getSmtp().stopService();
          }
        };

    Outbox.SendReport report =
        outbox(stopRelayAfterTwo, Takeovers.newSender()).sendDue(fx.config.smtp());

    assertThat(report.sent()).isEqualTo(2);
    assertThat(report.paused()).isNotNull();
    assertThat(fx.column("SELECT state || ' ' || attempts FROM outbox ORDER BY id"))
        .containsExactly("sent 1", "sent 1", "queued 0", "queued 0");
  }

  @Test
  void aPermanentRefusalSuppressesTheSubscriberAndATemporaryOneIsRetried() throws Exception {
    subscribe("ok@example.com", "gone@example.com", "busy@example.com");
    publish();
    List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.subethamail.smtp.server.SMTPServer relay =
        org.subethamail.smtp.server.SMTPServer.port(0)
            .messageHandlerFactory(context -> new Refusing(delivered))
            .build();
    relay.start();
    try {
      Outbox.SendReport report = sendThrough(relay);

      assertThat(report).isEqualTo(new Outbox.SendReport(1, 1, 1));
    } finally {
      relay.stop();
    }
    assertThat(delivered).containsExactly("ok@example.com");
    assertThat(fx.column("SELECT state || ' ' || attempts FROM outbox ORDER BY id"))
        .containsExactly("sent 1", "failed 1", "queued 1");
    assertThat(fx.column("SELECT address || ' ' || state FROM subscribers ORDER BY id"))
        .containsExactly(
            "ok@example.com confirmed",
            "gone@example.com suppressed",
            "busy@example.com confirmed");
    assertThat(
            fx.column("SELECT suppressed_reason FROM subscribers WHERE state = 'suppressed'")
                .get(0))
        .startsWith("relay refused: 550");
  }

  @Test
  void anAddressTheMailLibraryRefusesFailsItsRowAndTheRestOfTheRoundIsSent() throws Exception {
    // Put in behind the address rule's back, as an older import could have: first in the round.
    subscribe("a:b@x.com", "a@example.com", "b@example.com", "c@example.com");
    publish();

    Outbox.SendReport report = restarted().sendDue(fx.config.smtp());

    assertThat(report).isEqualTo(new Outbox.SendReport(3, 0, 1));
    assertThat(receivedPerAddress())
        .containsOnlyKeys("a@example.com", "b@example.com", "c@example.com");
    assertThat(fx.column("SELECT state FROM outbox ORDER BY id"))
        .containsExactly("failed", "sent", "sent", "sent");
    assertThat(fx.column("SELECT last_error FROM outbox WHERE state = 'failed'").get(0))
        .startsWith("cannot be sent as it is: ");
    assertThat(fx.column("SELECT state FROM subscribers WHERE address = 'a:b@x.com'"))
        .containsExactly("confirmed");
  }

  private org.columnist.newsletter.Sends.Progress progress() {
    return new org.columnist.newsletter.Sends(fx.store, Clock.systemUTC()).all().get(0);
  }

  @Test
  void heldMailStaysHeldAfterASenderRanAndForcingItMailsNobodyWhoLeftMeanwhile() throws Exception {
    subscribe("a@example.com", "b@example.com", "c@example.com");
    publish();
    fx.store.inTransaction(
        db -> Sql.update(db, "UPDATE outbox_bodies SET not_after = '2000-01-01T00:00:00Z'"));

    assertThat(restarted().sendDue(fx.config.smtp()).sent()).isZero();
    var held = progress();
    assertThat(List.of(held.pending(), held.held(), held.cancelled())).containsExactly(3, 3, 0);
    assertThat(held.done()).as("a send with held mail is not done").isFalse();

    fx.store.inTransaction(db -> subscribers.unsubscribe(db, "b@example.com", "link"));
    long body = Long.parseLong(fx.column("SELECT id FROM outbox_bodies").get(0));
    int released = fx.store.inTransaction(db -> Outbox.releaseHeld(db, body));
    assertThat(released).isEqualTo(2);
    restarted().sendDue(fx.config.smtp());

    assertThat(receivedPerAddress()).containsOnlyKeys("a@example.com", "c@example.com");
    var done = progress();
    assertThat(List.of(done.sent(), done.pending(), done.held(), done.cancelled()))
        .containsExactly(2, 0, 0, 1);
    assertThat(done.done()).isTrue();
  }

  private Outbox.SendReport sendThrough(org.subethamail.smtp.server.SMTPServer relay) {
    Outbox outbox =
        new Outbox(
            fx.store,
            MailFixture.ADDRESS,
            8,
            Clock.systemUTC(),
            new Outbox.Policy(
                MailFixture.ADDRESS,
                600,
                (db, address, reply) ->
                    subscribers.suppress(db, address, "relay refused: " + reply),
                null));
    return outbox.sendDue(
        new org.columnist.config.MailSettings.Smtp(
            "127.0.0.1",
            relay.getPortAllocated(),
            "none",
            null,
            null,
            MailFixture.ADDRESS,
            java.time.Duration.ofSeconds(5)));
  }

  @Test
  void aRelayRejectingTheDataSuppressesNobodyAndPausesAfterThreeInARow() throws Exception {
    subscribe("a@example.com", "b@example.com", "c@example.com", "d@example.com");
    publish();
    org.subethamail.smtp.server.SMTPServer relay =
        org.subethamail.smtp.server.SMTPServer.port(0)
            .messageHandlerFactory(context -> new RejectingData())
            .build();
    relay.start();
    Outbox.SendReport report;
    try {
      report = sendThrough(relay);
    } finally {
      relay.stop();
    }

    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.paused()).contains("the relay refuses the sender").contains("550");
    assertThat(fx.column("SELECT state || ' ' || attempts FROM outbox ORDER BY id"))
        .containsExactly("failed 1", "failed 1", "failed 1", "queued 0");
    assertThat(fx.column("SELECT DISTINCT state FROM subscribers")).containsExactly("confirmed");
  }

  /** A relay that takes every recipient, then rejects the message itself, as a quota does. */
  private static final class RejectingData implements org.subethamail.smtp.MessageHandler {
    @Override
    public void from(String from) {}

    @Override
    public void recipient(String recipient) {}

    @Override
    public String data(java.io.InputStream data)
        throws java.io.IOException, org.subethamail.smtp.RejectException {
      data.readAllBytes();
      throw new org.subethamail.smtp.RejectException(550, "5.4.5 daily sending quota exceeded");
    }

    @Override
    public void done() {}
  }

  /** A relay that refuses gone@ for good (550) and busy@ for now (450). */
  private static final class Refusing implements org.subethamail.smtp.MessageHandler {
    private final List<String> delivered;
    private String to;

    Refusing(List<String> delivered) {
      this.delivered = delivered;
    }

    @Override
    public void from(String from) {}

    @Override
    public void recipient(String recipient) throws org.subethamail.smtp.RejectException {
      if (recipient.startsWith("gone@")) {
        throw new org.subethamail.smtp.RejectException(550, "5.1.1 no such user");
      }
      if (recipient.startsWith("busy@")) {
        throw new org.subethamail.smtp.RejectException(450, "4.2.1 try again later");
      }
      to = recipient;
    }

    @Override
    public String data(java.io.InputStream data) throws java.io.IOException {
      data.readAllBytes();
      delivered.add(to);
      return null;
    }

    @Override
    public void done() {}
  }
}
