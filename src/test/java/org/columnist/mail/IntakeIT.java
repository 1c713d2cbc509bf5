package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.columnist.mail.MailFixture.question;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.columnist.ColumnistException;
import org.columnist.outbox.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntakeIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));

  @TempDir Path dir;
  MailFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new MailFixture(greenMail, dir);
  }

  @Test
  void takesAQuestionInAcknowledgesItAndMovesItToTheProcessedFolder() throws Exception {
    fx.append(
        question(
            "Mary Reader <mary@example.com>",
            "My boss and my client",
            "Age: 47\nWhat do I do?",
            "<q1@example.com>"));
    Intake.PollReport report = fx.intake().pollOnce();
    assertThat(report.taken()).isEqualTo(1);
    assertThat(report.questions()).isEqualTo(1);
    assertThat(
            fx.column(
                "SELECT subject FROM questions WHERE state = 'new' AND sender_address = 'mary@example.com'"))
        .containsExactly("My boss and my client");
    assertThat(fx.column("SELECT outcome FROM messages")).containsExactly("question");
    assertThat(fx.count("INBOX")).isZero();
    assertThat(fx.count("Columnist.Processed") + fx.count("Columnist/Processed")).isEqualTo(1);
    assertThat(fx.column("SELECT to_address || ' ' || kind FROM outbox"))
        .containsExactly("mary@example.com ack");
    assertThat(fx.column("SELECT body_text FROM outbox").get(0))
        .contains("Dear Mary Reader")
        .contains("withdraw")
        .contains("#1");
  }

  @Test
  void withoutMoveExpungesOnlyTheMessagesItTookIn() throws Exception {
    try (CapabilityFilter noMove =
        new CapabilityFilter(greenMail.getImap().getPort(), List.of("MOVE"))) {
      fx.configure(noMove.port());
      fx.append(question("mary@example.com", "No MOVE here", "Text.", "<nomove@example.com>"));
      Intake intake =
          fx.intake(
              (step, uid) -> {
                if (step == Intake.Step.COMMITTED) {
                  // Meanwhile another client files new mail and deletes it, leaving the expunge
                  // to itself: a plain EXPUNGE of ours would destroy it unseen.
                  deleteElsewhere(
                      question("lee@example.com", "Deleted elsewhere", "Text.", "<x@x>"));
                }
              });
      assertThat(intake.pollOnce()).isEqualTo(new Intake.PollReport(1, 0, 1));
      assertThat(fx.subjects("INBOX")).containsExactly("Deleted elsewhere");
      assertThat(fx.subjects("Columnist.Processed")).containsExactly("No MOVE here");
    }
  }

  private void deleteElsewhere(byte[] raw) {
    try (var imap = fx.imapClient()) {
      fx.append(raw);
      Folder inbox = imap.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      inbox.getMessage(inbox.getMessageCount()).setFlag(Flags.Flag.DELETED, true);
      inbox.close(false);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withoutMoveOrUidplusLeavesItsMailFlaggedAndCopiesItOnce() throws Exception {
    try (CapabilityFilter bare =
        new CapabilityFilter(greenMail.getImap().getPort(), List.of("MOVE", "UIDPLUS"))) {
      fx.configure(bare.port());
      fx.append(question("mary@example.com", "Bare server", "Text.", "<bare@example.com>"));
      assertThat(fx.intake().pollOnce()).isEqualTo(new Intake.PollReport(1, 0, 1));
      assertThat(fx.subjects("INBOX")).containsExactly("Bare server");
      assertThat(fx.subjects("Columnist.Processed")).containsExactly("Bare server");
      for (int pass = 0; pass < 2; pass++) {
        assertThat(fx.intake().pollOnce()).isEqualTo(new Intake.PollReport(0, 1, 0));
      }
      assertThat(fx.subjects("Columnist.Processed")).containsExactly("Bare server");
      assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("1");
    }
  }

  @Test
  void sendsTheAcknowledgementAsAnAutoReplyInTheSameThread() throws Exception {
    fx.append(question("mary@example.com", "Help", "A question.", "<q1@example.com>"));
    fx.intake().pollOnce();
    Outbox.SendReport sent = fx.outbox().sendDue(fx.config.smtp());
    assertThat(sent.sent()).isEqualTo(1);
    MimeMessage[] received = greenMail.getReceivedMessagesForDomain("example.com");
    assertThat(received).hasSize(1);
    MimeMessage ack = received[0];
    assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
    assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<q1@example.com>");
    assertThat(ack.getSubject()).isEqualTo("Your question to Coach's Corner: received");
    assertThat(fx.column("SELECT state FROM outbox")).containsExactly("sent");
    assertThat(fx.column("SELECT message_id FROM outbox")).containsExactly(ack.getMessageID());
  }

  @Test
  void takesInMailAnotherClientAlreadyMarkedRead() throws Exception {
    fx.append(question("a@example.com", "Read already", "Text.", "<r@example.com>"));
    try (var imap = fx.imapClient()) {
      Folder inbox = imap.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.SEEN), true);
      inbox.close(false);
    }
    assertThat(fx.intake().pollOnce().questions()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Intake.Step.class)
  void takesEachMessageInExactlyOnceWhenKilledAndRerun(Intake.Step killAt) throws Exception {
    fx.append(
        question("one@example.com", "One", "First.", "<1@example.com>"),
        question("two@example.com", "Two", "Second.", "<2@example.com>"),
        question("three@example.com", "Three", "Third.", "<3@example.com>"));
    AtomicBoolean killed = new AtomicBoolean();
    Intake dying =
        fx.intake(
            (step, uid) -> {
              if (step == killAt && !killed.get() && uid.equals("2")) {
                killed.set(true);
                throw new Killed();
              }
            });
    assertThatThrownBy(dying::pollOnce).isInstanceOf(Killed.class);
    fx.intake().pollOnce();
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT subject FROM questions ORDER BY subject"))
        .containsExactly("One", "Three", "Two");
    assertThat(fx.column("SELECT count(*) FROM messages")).containsExactly("3");
    assertThat(fx.column("SELECT count(*) FROM outbox WHERE kind = 'ack'")).containsExactly("3");
    assertThat(fx.count("INBOX")).isZero();
  }

  /** Stands for the process dying: nothing after the throw runs. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void recordsTheSameMessageArrivingTwiceAsADuplicate() throws Exception {
    byte[] raw = question("mary@example.com", "Twice", "Same text.", "<same@example.com>");
    fx.append(raw);
    fx.intake().pollOnce();
    fx.append(raw);
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT outcome FROM messages ORDER BY id"))
        .containsExactly("question", "duplicate");
    assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("1");
    assertThat(fx.column("SELECT question_id FROM messages WHERE outcome = 'duplicate'"))
        .containsExactly("1");
  }

  @Test
  void takesAReusedMessageIdWithOtherContentAsANewQuestion() throws Exception {
    fx.append(
        question("mary@example.com", "First", "One text.", "<reused@example.com>"),
        question("tom@example.com", "Second", "Another text.", "<reused@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT outcome FROM messages ORDER BY id"))
        .containsExactly("question", "question");
  }

  @Test
  void doesNotTakeMailInAgainAfterAUidValidityChange() throws Exception {
    byte[] a = question("a@example.com", "A", "Text a.", "<a@example.com>");
    byte[] b = question("b@example.com", "B", "Text b.", "<b@example.com>");
    fx.configure("imap", "folder: Questions");
    fx.append("Questions", a, b);
    // Killed after both commits, before the move: the messages stay in the folder.
    Intake dying =
        fx.intake(
            (step, uid) -> {
              if (step == Intake.Step.COMMITTED && uid.equals("2")) {
                throw new Killed();
              }
            });
    assertThatThrownBy(dying::pollOnce).isInstanceOf(Killed.class);
    assertThat(fx.count("Questions")).isEqualTo(2);
    // The server renumbers the folder: what intake stored is now under an older UIDVALIDITY.
    fx.store.inTransaction(
        db ->
            db.createStatement()
                .executeUpdate("UPDATE messages SET uidvalidity = uidvalidity - 1"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("2");
    assertThat(fx.column("SELECT count(*) FROM messages")).containsExactly("2");
    assertThat(fx.count("Questions")).isZero();
  }

  @Test
  void rejectsAMessageOverTheSizeLimitKeepingItsHeaders() throws Exception {
    String big = "x".repeat(76) + "\n";
    fx.append(
        question(
            "big@example.com",
            "Thirty megabytes",
            big.repeat(30 * 1024 * 1024 / big.length()),
            "<big@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT outcome || ': ' || reason FROM messages"))
        .singleElement()
        .asString()
        .startsWith("rejected: too large: 30.")
        .contains("25.0 MB");
    assertThat(fx.column("SELECT sender || ' ' || subject FROM messages"))
        .containsExactly("big@example.com Thirty megabytes");
    assertThat(Long.parseLong(fx.column("SELECT length(raw) FROM messages").get(0)))
        .isLessThan(2000);
    assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("0");
    assertThat(fx.count("INBOX")).isZero();
  }

  @Test
  void acknowledgesEachSenderAtMostOncePerPeriod() throws Exception {
    fx.append(question("mary@example.com", "One", "First question.", "<m1@example.com>"));
    fx.intake().pollOnce();
    fx.append(question("mary@example.com", "Two", "Second question.", "<m2@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("2");
    assertThat(fx.column("SELECT count(*) FROM outbox")).containsExactly("1");
  }

  @Test
  void neverAcknowledgesNoReplySendersOrItsOwnAddress() throws Exception {
    fx.append(
        question(
            "no-reply@example.com", "Q", "A question from a robot address.", "<n1@example.com>"),
        question(MailFixture.ADDRESS, "Q", "Mail from ourselves.", "<n2@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("2");
    assertThat(fx.column("SELECT count(*) FROM outbox")).containsExactly("0");
  }

  @Test
  void attachesAReplyToTheAcknowledgementToItsQuestion() throws Exception {
    fx.append(question("mary@example.com", "Help", "The question.", "<q@example.com>"));
    fx.intake().pollOnce();
    String ackId = fx.column("SELECT message_id FROM outbox").get(0);
    byte[] reply =
        ("From: mary@example.com\r\nTo: ask@column.example\r\nSubject: Re: Your question\r\nMessage-ID: <r@example.com>\r\n"
                + "In-Reply-To: "
                + ackId
                + "\r\nReferences: <q@example.com> "
                + ackId
                + "\r\n\r\nOne more detail: I am 47.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    fx.append(reply);
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT outcome || ' ' || question_id FROM messages ORDER BY id"))
        .containsExactly("question 1", "follow_up 1");
    assertThat(fx.column("SELECT action FROM audit_log WHERE question_id = 1 ORDER BY id"))
        .containsExactly("received", "follow_up");
  }

  @Test
  void withdrawsTheSendersOpenQuestionAndConfirms() throws Exception {
    fx.append(question("mary@example.com", "Help", "The question.", "<q@example.com>"));
    fx.intake().pollOnce();
    fx.append(question("mary@example.com", "withdraw", "Please drop it.", "<w@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT state FROM questions")).containsExactly("withdrawn");
    assertThat(fx.column("SELECT reason FROM messages WHERE outcome = 'command'"))
        .containsExactly("withdraw: question 1 withdrawn");
    assertThat(fx.column("SELECT kind FROM outbox ORDER BY id"))
        .containsExactly("ack", "withdrawn");
    assertThat(
            fx.column(
                "SELECT from_state || '>' || to_state FROM audit_log WHERE action = 'withdraw'"))
        .containsExactly("new>withdrawn");
  }

  @Test
  void theWithdrawConfirmationQuotesTheQuestionAndAnswersInItsThread() throws Exception {
    fx.append(
        question("mary@example.com", "Help with my boss", "The question.", "<q@example.com>"));
    fx.intake().pollOnce();
    fx.append(
        question(
            "mary@example.com",
            "Re: Your question to Coach's Corner: received",
            "withdraw",
            "<w@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT body_text FROM outbox WHERE kind = 'withdrawn'").get(0))
        .contains("\"Help with my boss\"")
        .doesNotContain("Re: Your question");
    assertThat(fx.column("SELECT reply_to_ids FROM outbox WHERE kind = 'withdrawn'"))
        .containsExactly("<q@example.com> <w@example.com>");
  }

  @Test
  void aWithdrawWithoutAMessageIdIsConfirmedInTheQuestionsThread() throws Exception {
    fx.append(question("mary@example.com", "Help", "The question.", "<q@example.com>"));
    fx.intake().pollOnce();
    fx.append(question("mary@example.com", "withdraw", "Please drop it.", null));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT reply_to_ids FROM outbox WHERE kind = 'withdrawn'"))
        .containsExactly("<q@example.com>");
  }

  @Test
  void asksASubscriberByMailToConfirmAndUnsubscribesAtOnce() throws Exception {
    fx.append(question("fan@example.com", "subscribe", "", "<s1@example.com>"));
    fx.intake().pollOnce();
    // From can be forged: a subscription by mail waits for its confirmation link like the form's.
    assertThat(fx.column("SELECT state || ' ' || source FROM subscribers"))
        .containsExactly("pending mail");
    assertThat(fx.column("SELECT kind || ' ' || to_address FROM outbox"))
        .containsExactly("confirm fan@example.com");
    assertThat(fx.column("SELECT body_text FROM outbox").get(0))
        .contains("https://column.example/newsletter/confirm?t=");
    fx.append(question("fan@example.com", "Unsubscribe", "", "<s2@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT state FROM subscribers WHERE address = 'fan@example.com'"))
        .containsExactly("unsubscribed");
    assertThat(fx.column("SELECT count(*) FROM outbox")).containsExactly("1");
  }

  @Test
  void linksABounceToTheMailItReports() throws Exception {
    fx.append(question("gone@example.com", "Help", "The question.", "<q@example.com>"));
    fx.intake().pollOnce();
    String ackId = fx.column("SELECT message_id FROM outbox").get(0);
    String dsn =
        """
        From: Mail Delivery System <MAILER-DAEMON@example.net>
        To: ask@column.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn1@example.net>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain

        Your message could not be delivered.
        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        Final-Recipient: rfc822; gone@example.com
        Action: failed
        Status: 5.1.1
        --b1
        Content-Type: text/rfc822-headers

        From: ask@column.example
        To: gone@example.com
        Message-ID: %s
        --b1--
        """
            .formatted(ackId)
            .replace("\n", "\r\n");
    fx.append(dsn.getBytes(StandardCharsets.UTF_8));
    fx.intake().pollOnce();
    assertThat(
            fx.column(
                "SELECT outcome || ' ' || coalesce(outbox_id, '-') FROM messages ORDER BY id"))
        .containsExactly("question -", "bounce 1");
    assertThat(fx.column("SELECT state || ': ' || last_error FROM outbox"))
        .containsExactly("failed: bounced: hard bounce: 5.1.1");
  }

  @Test
  void pausesWhenSmtpIsDownWithoutCountingAnAttempt() throws Exception {
    fx.configure("imap", "max_attempts: 2");
    fx.append(question("mary@example.com", "Help", "The question.", "<q@example.com>"));
    fx.intake().pollOnce();
    var down = fx.smtpDown();
    assertThat(fx.outbox().sendDue(down).paused()).contains("connection refused");
    assertThat(fx.column("SELECT state || ' ' || attempts FROM outbox"))
        .containsExactly("queued 0");
    assertThat(fx.column("SELECT last_error FROM outbox").get(0)).contains("connection refused");
    assertThat(fx.outbox().sendDue(down)).isEqualTo(new Outbox.SendReport(0, 0, 0)); // not due yet
    fx.store.inTransaction(
        db ->
            db.createStatement()
                .executeUpdate("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z'"));
    // A relay that is down says nothing about the mail: it waits, and never fails for that.
    assertThat(fx.outbox().sendDue(down).paused()).isNotNull();
    assertThat(fx.column("SELECT state || ' ' || attempts FROM outbox"))
        .containsExactly("queued 0");
  }

  @Test
  void takesMailInOverPop3AndLeavesItOnTheServer() throws Exception {
    fx.configure("pop3");
    fx.append(question("a@example.com", "Over POP3", "Text.", "<p1@example.com>"));
    assertThat(fx.intake().pollOnce().questions()).isEqualTo(1);
    assertThat(fx.intake().pollOnce()).isEqualTo(new Intake.PollReport(0, 1, 0));
    assertThat(fx.count("INBOX")).isEqualTo(1);
    assertThat(fx.column("SELECT mailbox || ' ' || uidvalidity FROM messages"))
        .containsExactly("pop3://ask@column.example@127.0.0.1 0");
  }

  @Test
  void deletesPop3MailWhenAskedTo() throws Exception {
    fx.configure("pop3", "pop3_delete: true");
    fx.append(question("a@example.com", "Over POP3", "Text.", "<p1@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.count("INBOX")).isZero();
    assertThat(fx.column("SELECT count(*) FROM questions")).containsExactly("1");
  }

  @Test
  void takesMailInThatArrivesWhileIdling() throws Exception {
    try (CapabilityFilter proxy = new CapabilityFilter(greenMail.getImap().getPort(), List.of())) {
      fx.configure(proxy.port());
      Intake intake = fx.intake();
      whileRunning(
          intake,
          Stop.BY_WAKE,
          () -> {
            await("intake idling").atMost(Duration.ofSeconds(15)).until(proxy::idling);
            fx.append(
                question("live@example.com", "Live", "Sent while idling.", "<live@example.com>"));
            awaitQuestionsWithinTheLongestIdle("Live");
          });
    }
  }

  /**
   * Mail that lands after intake's last look and before the server has its IDLE is announced by
   * some servers when the IDLE starts, and by others (as this proxy plays them) not until the next
   * command: either way it is in the queue within the longest IDLE.
   */
  @ParameterizedTest(name = "server silent while idling: {0}")
  @ValueSource(booleans = {false, true})
  void takesInMailThatLandsJustBeforeItsIdleWithinFiveSeconds(boolean silentWhileIdling)
      throws Exception {
    AtomicBoolean landed = new AtomicBoolean();
    CapabilityFilter.Idle race =
        new CapabilityFilter.Idle(
            () -> {
              appendQuietly(question("race@example.com", "Race", "In the window.", "<race@x>"));
              landed.set(true);
            },
            silentWhileIdling);
    try (CapabilityFilter proxy =
        new CapabilityFilter(greenMail.getImap().getPort(), List.of(), race)) {
      fx.configure(proxy.port());
      Intake intake = fx.intake();
      whileRunning(
          intake,
          Stop.BY_WAKE,
          () -> {
            await("mail landing before the IDLE").atMost(Duration.ofSeconds(15)).untilTrue(landed);
            awaitQuestionsWithinTheLongestIdle("Race");
          });
    }
  }

  /** Waits for the queue to hold exactly these questions, no longer than one IDLE (and a pass). */
  private void awaitQuestionsWithinTheLongestIdle(String... subjects) {
    await("the questions " + List.of(subjects) + " in the queue")
        .atMost(ImapMailbox.LONGEST_IDLE.plusSeconds(3))
        .untilAsserted(
            () -> assertThat(fx.column("SELECT subject FROM questions")).containsExactly(subjects));
  }

  private void appendQuietly(byte[] raw) {
    try {
      fx.append(raw);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a test does while intake's daemon loop runs. */
  @FunctionalInterface
  interface Meanwhile {
    void run() throws Exception;
  }

  @Test
  void seesAStopWithinTheLongestIdleWhenNobodyWakesIt() throws Exception {
    try (CapabilityFilter proxy = new CapabilityFilter(greenMail.getImap().getPort(), List.of())) {
      fx.configure(proxy.port());
      whileRunning(
          fx.intake(),
          Stop.BY_FLAG_ONLY,
          () -> await("intake idling").atMost(Duration.ofSeconds(15)).until(proxy::idling));
    }
  }

  /** How a test stops intake's loop: its stop flag, and perhaps {@link Intake#wake()} too. */
  enum Stop {
    BY_WAKE,
    BY_FLAG_ONLY
  }

  /**
   * Runs {@code meanwhile} while intake's daemon loop runs, then stops it and proves it stopped
   * within the longest IDLE.
   */
  static void whileRunning(Intake intake, Stop how, Meanwhile meanwhile) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread daemon = new Thread(() -> intake.runContinuously(stop::get), "intake-under-test");
    daemon.start();
    try {
      meanwhile.run();
    } finally {
      stop.set(true);
      if (how == Stop.BY_WAKE) {
        intake.wake();
      }
      await("intake stopped, " + how)
          .atMost(ImapMailbox.LONGEST_IDLE.plusSeconds(3))
          .until(() -> !daemon.isAlive());
    }
  }

  @Test
  void logsInWithXoauth2UsingTheTokenTheCommandPrints() throws Exception {
    fx.configure("imap", "oauth2_token_command: printf '%s' " + MailFixture.PASSWORD);
    fx.append(question("a@example.com", "Via OAuth2", "Text.", "<o@example.com>"));
    assertThat(fx.intake().pollOnce().questions()).isEqualTo(1);
    fx.configure("imap", "oauth2_token_command: echo 'token expired' >&2; exit 3");
    assertThatThrownBy(() -> fx.intake().pollOnce())
        .isInstanceOf(ColumnistException.class)
        .hasMessage("mail.oauth2_token_command failed (exit 3): token expired");
  }

  @Test
  void saysPlainlyWhenThePasswordIsWrong() throws Exception {
    greenMail.getUserManager().getUser(MailFixture.ADDRESS).setPassword("changed");
    assertThatThrownBy(() -> fx.intake().pollOnce())
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("login refused");
  }

  @Test
  void storesTheSignOffAsTheMessagesSignatureAndCutsItFromTheQuestion() throws Exception {
    fx.append(
        question(
            "Jane Doe <jane.doe@northfield-grain.example>",
            "Credit for my work",
            "My manager presents my analyses as his own. Should I tell HR?\n\n"
                + "Best regards,\nJane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142",
            "<sig1@northfield-grain.example>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT body FROM questions"))
        .containsExactly("My manager presents my analyses as his own. Should I tell HR?");
    assertThat(fx.column("SELECT signature FROM messages"))
        .containsExactly("Jane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142");
  }

  @Test
  void storesNoSignatureWhenTheQuestionEndsWithItsOwnThanks() throws Exception {
    String text =
        "My manager presents my analyses as his own.\n\nThanks in advance for any advice.";
    fx.append(question("Jo <jo@example.com>", "Credit", text, "<sig2@example.com>"));
    fx.intake().pollOnce();
    assertThat(fx.column("SELECT body FROM questions")).containsExactly(text);
    assertThat(fx.column("SELECT coalesce(signature, 'none') FROM messages"))
        .containsExactly("none");
  }
}
