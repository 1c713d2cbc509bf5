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
    subscribers = new Subscribers(fx.store, Clock.systemUTC());
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
}
