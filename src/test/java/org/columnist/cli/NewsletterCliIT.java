package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.columnist.store.Sql;
import org.columnist.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A column published from the command line goes to the newsletter's subscribers, once. */
class NewsletterCliIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  String config;
  Store store;

  @BeforeEach
  void setUp() {
    config = MailInstance.create(dir, greenMail);
    store = Store.open(dir.resolve("column/data/columnist.db"));
    store.inTransaction(
        db -> {
          for (String[] s :
              new String[][] {
                {"ann@example.com", "confirmed"},
                {"bob@example.com", "confirmed"},
                {"pat@example.com", "pending"}
              }) {
            Sql.update(
                db,
                "INSERT INTO subscribers(address, state, source, created_at) VALUES (?, ?, 'form', '2026-01-01T00:00:00Z')",
                s[0],
                s[1]);
          }
          return null;
        });
  }

  @Test
  void publishingSendsTheColumnToConfirmedSubscribersAndRepublishingSendsNothing()
      throws Exception {
    long id = readyColumn("Five habits");
    run("queue", "publish", String.valueOf(id));
    run("outbox", "send");

    assertThat(newsletterRecipients())
        .containsExactlyInAnyOrder("ann@example.com", "bob@example.com");

    run("queue", "republish", String.valueOf(id));
    run("outbox", "send");

    assertThat(newsletterRecipients()).hasSize(2);
    assertThat(column("SELECT count(*) FROM newsletter_sends")).containsExactly("1");
  }

  @Test
  void publishDueSendsTheNewsletterAndAHeldSendGoesOutOnlyWithForce() throws Exception {
    long id = readyColumn("Lunch breaks");
    LocalDate tomorrow = LocalDate.now().plusDays(1);
    run("queue", "schedule", String.valueOf(id), "--at", tomorrow + " 07:00");
    run("publish-due", "--until", tomorrow + " 07:00");
    store.inTransaction(
        db -> Sql.update(db, "UPDATE outbox_bodies SET not_after = '2000-01-01T00:00:00Z'"));
    run("outbox", "send");
    assertThat(newsletterRecipients()).isEmpty();
    long send = Long.parseLong(column("SELECT id FROM newsletter_sends").get(0));

    CliTest.Result unforced =
        columnist("newsletter", "send", String.valueOf(send), "--config", config);
    assertThat(unforced.exit()).isEqualTo(1);
    assertThat(unforced.err()).contains("say --force");
    assertThat(run("newsletter", "send", String.valueOf(send), "--force").out())
        .contains("Newsletter #" + send + ": 2 held mails due now");
    run("outbox", "send");

    assertThat(newsletterRecipients())
        .containsExactlyInAnyOrder("ann@example.com", "bob@example.com");
  }

  @Test
  void aNewsletterTemplateThatCannotBeRenderedRefusesThePublication() throws Exception {
    long id = readyColumn("Broken");
    Path template = dir.resolve("column/templates/mail/column.ftl");
    Files.createDirectories(template.getParent());
    Files.writeString(template, "Subject: ${published.no_such_thing}\n");

    CliTest.Result refused = columnist("queue", "publish", String.valueOf(id), "--config", config);

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(column("SELECT state FROM questions WHERE id = " + id)).containsExactly("in_review");
    assertThat(column("SELECT count(*) FROM outbox_bodies")).containsExactly("0");
  }

  /** A draft with an answer and an issue, in review; returns its id. */
  private long readyColumn(String title) throws Exception {
    long id =
        Long.parseLong(
            run("draft", "new", "--title", title)
                .out()
                .replaceAll("(?s)Started column (\\d+).*", "$1"));
    Path answered = dir.resolve("answered-" + id + ".md");
    Files.writeString(
        answered,
        run("draft", "show", String.valueOf(id))
            .out()
            .replace("  issue: \"\"\n", "  issue: Habits\n")
            .replace("## Answer\n", "## Answer\n\nPick one habit.\n"));
    run("draft", "set", String.valueOf(id), answered.toString());
    run("queue", "review", String.valueOf(id));
    return id;
  }

  private List<String> newsletterRecipients() throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getHeader("List-Unsubscribe") != null) {
        to.add(m.getAllRecipients()[0].toString());
      }
    }
    return to;
  }

  private List<String> column(String sql) {
    return store.inTransaction(db -> Sql.list(db, sql, rs -> rs.getString(1)));
  }

  private CliTest.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config));
    CliTest.Result result = columnist(all.toArray(String[]::new));
    assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
    return result;
  }
}
