package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.columnist.newsletter.Bounces;
import org.columnist.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"Re:", "RE :", "Fwd:", "FW:", "AW:", "SV:", "sv: Re: AW: Fwd:"})
  void takesAWithdrawBehindAnyReplyPrefixForTheCommand(String prefix) {
    ParsedMail mail =
        MailParser.parse(
            ("From: Mary <mary@example.com>\r\n"
                    + "To: ask@column.example\r\n"
                    + "Subject: "
                    + prefix
                    + " withdraw\r\n"
                    + "Message-ID: <1@example.com>\r\n"
                    + "\r\n"
                    + "Please take my question back.\r\n")
                .getBytes(StandardCharsets.UTF_8));
    Store store = Store.open(dir.resolve("columnist.db"));
    Outcome outcome = store.inTransaction(db -> Classifier.classify(db, mail, "hash"));
    assertThat(outcome).isEqualTo(new Outcome.Command("withdraw"));
  }

  @Test
  void takesADeliveryReportWithStatus511ForAHardBounce() {
    assertThat(classify("dsn-hard"))
        .isEqualTo(
            new Outcome.Bounce(
                null,
                null, // no mail of ours in the store: no subscriber to act on
                Bounces.Kind.HARD,
                "hard bounce: 5.1.1 550 5.1.1 <r***@e******.org>: Recipient address rejected:"
                    + " User unknown"));
  }

  @Test
  void takesADelayReportWithStatus441ForASoftBounce() {
    Outcome outcome = classify("dsn-delay");
    assertThat(outcome).isInstanceOf(Outcome.Bounce.class);
    Outcome.Bounce bounce = (Outcome.Bounce) outcome;
    assertThat(bounce.kind()).isEqualTo(Bounces.Kind.SOFT);
    assertThat(bounce.recipient()).isNull();
    assertThat(bounce.reason()).startsWith("soft bounce: 4.4.1 X-Postfix; connect to");
  }

  @Test
  void takesAMailerDaemonsPlainBounceSayingUserUnknownForAHardBounce() {
    assertThat(classify("daemon-user-unknown"))
        .isEqualTo(
            new Outcome.Bounce(
                null,
                null,
                Bounces.Kind.HARD,
                "hard bounce: \"user unknown\" (from mailer-daemon@mail.example.org)"));
  }

  @Test
  void takesAMailerDaemonsBounceWithoutHardWordsForASoftBounce() {
    ParsedMail mail =
        MailParser.parse(
            ("From: MAILER-DAEMON@mx.example.net\r\nTo: ask@column.example\r\n"
                    + "Subject: Delivery problem\r\n\r\nThe mailbox is full; try again later.\r\n")
                .getBytes(StandardCharsets.UTF_8));
    Outcome outcome = store().inTransaction(db -> Classifier.classify(db, mail, "hash"));
    assertThat(outcome)
        .isEqualTo(
            new Outcome.Bounce(
                null, null, Bounces.Kind.SOFT, "soft bounce (from mailer-daemon@mx.example.net)"));
  }

  @Test
  void takesAnArfReportForAComplaint() {
    assertThat(classify("arf-abuse"))
        .isEqualTo(new Outcome.Bounce(null, null, Bounces.Kind.COMPLAINT, "complaint (ARF abuse)"));
  }

  @Test
  void keepsAnOutOfOfficeWithAnEmptyReturnPathAndDelayWordsAnAutoReply() {
    assertThat(classify("out-of-office-delayed"))
        .isEqualTo(new Outcome.AutoReply("Auto-Submitted: auto-replied"));
  }

  @Test
  void takesAReportThatTheMailWasDeliveredForMachineMailNotABounce() {
    String raw =
        new String(
                BounceMails.sample(
                    "dsn-hard", "<n1@column.example>", "robin@example.org", "ask@column.example"),
                StandardCharsets.UTF_8)
            .replace("Action: failed", "Action: delivered")
            .replace("Status: 5.1.1", "Status: 2.0.0");
    ParsedMail mail = MailParser.parse(raw.getBytes(StandardCharsets.UTF_8));
    Outcome outcome = store().inTransaction(db -> Classifier.classify(db, mail, "hash"));
    assertThat(outcome).isEqualTo(new Outcome.AutoReply("delivery report: delivered"));
  }

  @Test
  void takesAFeedbackReportThatIsNoComplaintForMachineMail() {
    ParsedMail mail =
        MailParser.parse(
            new String(
                    BounceMails.sample(
                        "arf-abuse",
                        "<n1@column.example>",
                        "robin@example.org",
                        "ask@column.example"),
                    StandardCharsets.UTF_8)
                .replace("Feedback-Type: abuse", "Feedback-Type: auth-failure")
                .getBytes(StandardCharsets.UTF_8));
    Outcome outcome = store().inTransaction(db -> Classifier.classify(db, mail, "hash"));
    assertThat(outcome)
        .isEqualTo(
            new Outcome.AutoReply("feedback report of type auth-failure: no subscriber changed"));
  }

  @Test
  void readsOnlyABouncesOwnWordsNotTheColumnItQuotes() {
    ParsedMail mail =
        MailParser.parse(
            ("From: MAILER-DAEMON@mx.example.net\r\nTo: ask@column.example\r\n"
                    + "Subject: Delivery problem\r\n\r\nThe mailbox is full; we will try again.\r\n"
                    + "\r\n----- Original message -----\r\nSubject: The perfect job\r\n\r\n"
                    + "The perfect job does not exist; the next good one does.\r\n")
                .getBytes(StandardCharsets.UTF_8));
    Outcome outcome = store().inTransaction(db -> Classifier.classify(db, mail, "hash"));
    assertThat(outcome)
        .isEqualTo(
            new Outcome.Bounce(
                null, null, Bounces.Kind.SOFT, "soft bounce (from mailer-daemon@mx.example.net)"));
  }

  private Outcome classify(String sample) {
    ParsedMail mail =
        MailParser.parse(
            BounceMails.sample(
                sample, "<n1@column.example>", "robin@example.org", "ask@column.example"));
    return store().inTransaction(db -> Classifier.classify(db, mail, "hash"));
  }

  private Store store() {
    return Store.open(dir.resolve("columnist.db"));
  }
}
