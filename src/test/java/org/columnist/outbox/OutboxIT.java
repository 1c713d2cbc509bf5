package org.columnist.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.columnist.TestClock;
import org.columnist.mail.MailFixture;
import org.columnist.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutboxIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  MailFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new MailFixture(greenMail, dir);
  }

  /** An outbox as another process has it: its own connection to the same database file. */
  private Outbox anotherProcess() {
    return new Outbox(Store.open(fx.store.file()), MailFixture.ADDRESS, 8, Clock.systemUTC());
  }

  private List<String> queue(int count) {
    Outbox outbox = fx.outbox();
    return fx.store.inTransaction(
        db -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            ids.add(
                outbox.enqueue(
                    db,
                    new OutgoingMail(
                        "newsletter",
                        "reader" + i + "@example.com",
                        "Issue " + i,
                        "Column " + i + "\n",
                        null,
                        null,
                        List.of(),
                        null)));
          }
          return ids;
        });
  }

  private List<String> receivedMessageIds() throws Exception {
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      ids.add(m.getMessageID());
    }
    return ids;
  }

  @Test
  void twoSendersAtOnceDeliverEachMailExactlyOnce() throws Exception {
    List<String> queued = queue(300);
    List<Outbox> senders = List.of(anotherProcess(), anotherProcess());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(senders.size());
    List<Future<Outbox.SendReport>> rounds = new ArrayList<>();
    for (Outbox sender : senders) {
      rounds.add(
          pool.submit(
              () -> {
                start.await();
                return sender.sendDue(fx.config.smtp());
              }));
    }
    start.countDown();
    int sent = 0;
    for (Future<Outbox.SendReport> round : rounds) {
      Outbox.SendReport report = round.get(2, TimeUnit.MINUTES);
      assertThat(report.retrying() + report.failed()).isZero();
      sent += report.sent();
    }
    pool.shutdown();

    assertThat(sent).isEqualTo(queued.size());
    assertThat(receivedMessageIds()).containsExactlyInAnyOrderElementsOf(queued);
    assertThat(fx.column("SELECT DISTINCT state || ' ' || attempts FROM outbox"))
        .containsExactly("sent 1");
  }

  @Test
  void aClaimLeftByACrashedSenderIsSentOnceItsLeaseIsOver() throws Exception {
    List<String> queued = queue(2);
    Instant now = Instant.now();
    fx.store.inTransaction(
        db -> {
          var ps =
              db.prepareStatement(
                  "UPDATE outbox SET state = 'sending', claimed_at = ? WHERE message_id = ?");
          ps.setString(1, now.minus(Outbox.LEASE).minus(Duration.ofMinutes(1)).toString());
          ps.setString(2, queued.get(0));
          ps.executeUpdate();
          ps.setString(1, now.minus(Duration.ofMinutes(1)).toString());
          ps.setString(2, queued.get(1));
          return ps.executeUpdate();
        });

    assertThat(fx.outbox().sendDue(fx.config.smtp()).sent()).isEqualTo(1);

    assertThat(receivedMessageIds()).containsExactly(queued.get(0));
    assertThat(fx.column("SELECT state FROM outbox ORDER BY id"))
        .containsExactly("sent", "sending");
  }

  @Test
  void aSenderWhoseClaimLapsedMidRoundLeavesTheMailToTheOneThatTookItOver() throws Exception {
    List<String> queued = queue(2);
    Instant start = Instant.now();
    TestClock slow = new TestClock(start);
    Outbox slowSender = new Outbox(Store.open(fx.store.file()), MailFixture.ADDRESS, 8, slow);
    java.util.concurrent.atomic.AtomicBoolean tookOver =
        new java.util.concurrent.atomic.AtomicBoolean();
    // Once the slow sender has sent its first mail and recorded it, its claim on the second has
    // lapsed, as after a long stall of the relay; another sender takes that one over and sends it.
    Runnable takeOver =
        new Runnable() {
          @Override
          public void run() {
            if (!firstMarkedSent()) {
              slow.atNextTick(this);
              return;
            }
            Outbox other =
                new Outbox(
                    Store.open(fx.store.file()),
                    MailFixture.ADDRESS,
                    8,
                    Clock.fixed(
                        start.plus(Outbox.LEASE).plusSeconds(60), java.time.ZoneOffset.UTC));
            assertThat(other.sendDue(fx.config.smtp()).sent()).isEqualTo(1);
            tookOver.set(true);
          }
        };
    slow.atNextTick(takeOver);

    slowSender.sendDue(fx.config.smtp());

    assertThat(tookOver).as("the other sender took the second mail over").isTrue();
    assertThat(receivedMessageIds()).containsExactlyInAnyOrderElementsOf(queued);
    assertThat(fx.column("SELECT state FROM outbox ORDER BY id")).containsExactly("sent", "sent");
  }

  /**
   * Whether a mail is recorded as sent, read without a transaction (the store's take the write
   * lock), so that it can be asked while the slow sender holds one.
   */
  private boolean firstMarkedSent() {
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fx.store.file());
        var rs = db.createStatement().executeQuery("SELECT 1 FROM outbox WHERE state = 'sent'")) {
      return rs.next();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void retryNowLeavesAMailThatASenderHasClaimed() {
    List<String> queued = queue(2);
    fx.store.inTransaction(
        db -> {
          var ps = db.prepareStatement("UPDATE outbox SET state = ? WHERE message_id = ?");
          ps.setString(1, "sending");
          ps.setString(2, queued.get(0));
          ps.executeUpdate();
          ps.setString(1, "failed");
          ps.setString(2, queued.get(1));
          return ps.executeUpdate();
        });
    List<Long> ids = fx.outbox().list().stream().map(Outbox.Entry::id).sorted().toList();

    assertThat(fx.outbox().retryNow(ids.get(0))).isFalse();
    assertThat(fx.outbox().retryNow(ids.get(1))).isTrue();

    assertThat(fx.column("SELECT state FROM outbox ORDER BY id"))
        .containsExactly("sending", "queued");
  }

  @Test
  void aSenderHoldsNoClaimAndCountsNoAttemptWhenSmtpIsDown() throws Exception {
    queue(3);
    var down = fx.smtpDown();

    assertThat(fx.outbox().sendDue(down).paused()).contains("connection refused");

    assertThat(
            fx.column(
                "SELECT DISTINCT state || ' ' || attempts || ' ' || (claimed_at IS NULL) FROM outbox"))
        .containsExactly("queued 0 1");
  }
}
