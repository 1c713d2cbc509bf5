package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every corpus message through a real IMAP server, in order, ends with its expected outcome. */
class MailCorpusIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));

  @TempDir Path dir;

  @Test
  void everyMessageEndsWithItsExpectedOutcome() throws Exception {
    MailFixture fx = new MailFixture(greenMail, dir);
    // Mail of ours that corpus replies and bounces refer to.
    fx.store.inTransaction(
        db -> {
          db.createStatement()
              .executeUpdate(
                  """
                  INSERT INTO questions(id, state, origin, sender_address, subject, body, received_at, updated_at)
                  VALUES (900, 'new', 'mail', 'beatriz.costa@example.net', 'Earlier', 'Earlier question.', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')""");
          for (String id : List.of("<ack-5678@column.example>", "<ack-1234@column.example>")) {
            db.createStatement()
                .executeUpdate(
                    "INSERT INTO outbox(kind, to_address, subject, body_text, message_id, question_id, state, next_attempt_at, created_at)"
                        + " VALUES ('ack', 'x@example.net', 's', 't', '"
                        + id
                        + "', 900, 'sent', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')");
          }
          return null;
        });
    List<MailCorpus.Case> cases = MailCorpus.cases();
    fx.append(cases.stream().map(MailCorpus.Case::rawCrlf).toArray(byte[][]::new));
    fx.intake().pollOnce();

    List<String> outcomes = fx.column("SELECT outcome || '|' || reason FROM messages ORDER BY id");
    assertThat(outcomes).hasSameSizeAs(cases);
    for (int i = 0; i < cases.size(); i++) {
      MailCorpus.Case c = cases.get(i);
      String expected =
          switch (c.outcome()) {
            case "command_withdraw" -> "command|withdraw";
            case "command_subscribe" -> "command|subscribe";
            case "command_unsubscribe" -> "command|unsubscribe";
            default -> c.outcome() + "|";
          };
      assertThat(outcomes.get(i)).as(c.file()).startsWith(expected);
    }
    assertThat(fx.count("INBOX")).isZero();

    // Withdrawals reached the right questions: 01's (dana), 02's (marcus) and the seeded one.
    assertThat(
            fx.column(
                "SELECT sender_address FROM questions WHERE state = 'withdrawn' ORDER BY sender_address"))
        .containsExactly(
            "beatriz.costa@example.net",
            "dana.whitfield@example.com",
            "marcus.oyelaran@example.org");
    // Follow-ups joined their questions.
    assertThat(
            fx.column(
                "SELECT q.sender_address FROM messages m JOIN questions q ON q.id = m.question_id WHERE m.outcome = 'follow_up' ORDER BY m.id"))
        .containsExactly("beatriz.costa@example.net", "dana.whitfield@example.com");
    // The DSN was linked to the acknowledgement it reports.
    assertThat(
            fx.column(
                "SELECT o.message_id FROM messages m JOIN outbox o ON o.id = m.outbox_id WHERE m.outcome = 'bounce'"))
        .contains("<ack-1234@column.example>");
    // Acknowledgements: only for new questions, never to no-reply senders.
    List<String> acked =
        fx.column(
            "SELECT to_address FROM outbox WHERE kind = 'ack' AND message_id NOT LIKE '<ack-%'");
    assertThat(acked).doesNotContain("no-reply@example.com").doesNotHaveDuplicates();
    List<String> askers =
        fx.column(
            "SELECT DISTINCT sender_address FROM questions WHERE id <> 900 AND sender_address <> 'no-reply@example.com'");
    assertThat(acked).containsExactlyInAnyOrderElementsOf(askers);
    // Attachments are listed, never part of the question.
    assertThat(
            fx.column(
                "SELECT name || ' ' || content_type || ' ' || size FROM attachments ORDER BY name"))
        .contains("photo.jpg image/jpeg 159", "resume.pdf application/pdf 607");
  }
}
