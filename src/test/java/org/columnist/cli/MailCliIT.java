package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.columnist.cli.CliTest.columnist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mail verbs as a user runs them, against GreenMail's IMAP and SMTP. */
class MailCliIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  String config;

  @BeforeEach
  void setUp() throws Exception {
    config = MailInstance.create(dir, greenMail);
  }

  @Test
  void pollTakesQuestionsInAndEveryListingShowsThem() throws Exception {
    GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "Mary <mary@example.com>",
        "My boss",
        "What do I do?",
        greenMail.getSmtp().getServerSetup());
    GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "tom@example.org",
        "My client",
        "Help me.",
        greenMail.getSmtp().getServerSetup());

    CliTest.Result poll = columnist("poll", "--once", "--config", config);
    assertThat(poll.exit()).as(poll.err()).isZero();
    assertThat(poll.out()).contains("Took in 2 messages (2 new questions").contains("Sent 2 mails");

    JsonNode queue = json(columnist("queue", "list", "--json", "--reveal", "--config", config));
    assertThat(queue).hasSize(2);
    assertThat(queue.get(0).get("state").asText()).isEqualTo("new");
    assertThat(queue.get(0).get("sender").asText()).isEqualTo("mary@example.com");
    assertThat(queue.get(0).get("subject").asText()).isEqualTo("My boss");
    assertThat(queue.get(0).has("received")).isTrue();

    JsonNode log = json(columnist("mail", "log", "--json", "--config", config));
    assertThat(log).hasSize(2);
    assertThat(log.get(0).get("outcome").asText()).isEqualTo("question");

    JsonNode outbox = json(columnist("outbox", "list", "--json", "--config", config));
    assertThat(outbox).hasSize(2);
    assertThat(outbox.get(0).get("state").asText()).isEqualTo("sent");
    assertThat(greenMail.getReceivedMessagesForDomain("example.com")).hasSize(1);
    assertThat(greenMail.getReceivedMessagesForDomain("example.org")).hasSize(1);

    assertThat(columnist("queue", "list", "--config", config).out())
        .contains("m***@e******.com")
        .contains("My boss");
    assertThat(columnist("mail", "log", "--config", config).out())
        .as("the mail log masks senders as the queue does")
        .contains("m***@e******.com")
        .doesNotContain("mary@example.com");
    assertThat(columnist("mail", "log", "--reveal", "--config", config).out())
        .contains("mary@example.com");
    assertThat(log.get(0).get("sender").asText()).doesNotContain("@example.");
    assertThat(columnist("outbox", "list", "--config", config).out())
        .as("the outbox masks readers as the queue does")
        .contains("m***@e******.com")
        .doesNotContain("mary@example.com");
    assertThat(columnist("outbox", "list", "--reveal", "--json", "--config", config).out())
        .contains("mary@example.com");
    assertThat(columnist("queue", "list", "--state", "spam", "--config", config).out())
        .contains("No questions in state spam.");
    assertThat(columnist("queue", "list", "--state", "nonsense", "--config", config).exit())
        .isEqualTo(1);
  }

  @Test
  void pollStopsWithinSecondsOfSigterm() throws Exception {
    Path log = dir.resolve("poll.log");
    Process poll =
        new ProcessBuilder(List.of(DemoIT.java(), "-jar", DemoIT.jar(), "poll", "--config", config))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.readString(log).contains("connected to"));
      long stopping = System.nanoTime();
      poll.destroy(); // SIGTERM
      assertThat(poll.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
      // Its shutdown hook waited 30 s for a main thread that was itself waiting in exit().
      assertThat(Duration.ofNanos(System.nanoTime() - stopping))
          .as(Files.readString(log))
          .isLessThan(Duration.ofSeconds(15));
    } finally {
      poll.destroyForcibly();
    }
  }

  @Test
  void doctorSaysWhatWorks() {
    CliTest.Result doctor = columnist("doctor", "--config", config);
    assertThat(doctor.exit()).as(doctor.out()).isZero();
    assertThat(doctor.out())
        .contains("ok    mailbox login: logged in to imap://ask@column.example@127.0.0.1")
        .contains("ok    mailbox folder: 'INBOX' holds 0 messages")
        .contains("processed folder: 'Columnist/Processed' is missing; intake creates it")
        .contains("ok    smtp login: connected to smtp 127.0.0.1");
  }

  @Test
  void doctorSaysPlainlyWhatIsWrong() throws Exception {
    Files.writeString(dir.resolve("column/mailbox-password"), "wrong\n");
    Files.writeString(
        Path.of(config),
        Files.readString(Path.of(config))
            .replace("port: " + greenMail.getSmtp().getPort(), "port: 1"));
    CliTest.Result doctor = columnist("doctor", "--config", config);
    assertThat(doctor.exit()).isEqualTo(1);
    assertThat(doctor.out())
        .contains("FAIL  mailbox login: imap://ask@column.example@127.0.0.1")
        .contains("login refused");
    assertThat(doctor.out())
        .contains("FAIL  smtp login: smtp 127.0.0.1:1 (none): connection refused");
    assertThat(doctor.err()).isEqualTo("doctor: 2 of 2 checks failed\n");
  }

  @Test
  void pollWithoutAMailboxSaysWhatToAdd() throws Exception {
    Files.writeString(
        Path.of(config), Files.readString(Path.of(config)).replaceAll("(?s)mail:.*", ""));
    CliTest.Result poll = columnist("poll", "--once", "--config", config);
    assertThat(poll.exit()).isEqualTo(1);
    assertThat(poll.err()).contains("no 'mail:' section");
  }

  @Test
  void refusesAPasswordWrittenInTheConfig() throws Exception {
    Files.writeString(
        Path.of(config),
        Files.readString(Path.of(config))
            .replace("password_file: mailbox-password", "password: hunter2"));
    CliTest.Result check = columnist("check", "--config", config);
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out())
        .contains(
            "'mail.password' must not be written in the file: use ${ENV_VAR} or password_file: PATH");
  }

  private static JsonNode json(CliTest.Result result) throws Exception {
    assertThat(result.exit()).as(result.err()).isZero();
    return new ObjectMapper().readTree(result.out());
  }
}
