package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.columnist.config.Config;
import org.columnist.config.TestConfig;
import org.columnist.store.Sql;
import org.columnist.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** 'columnist run' stopped with SIGTERM in the middle of intake loses and repeats nothing. */
class RunIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  private static final java.util.regex.Pattern RUNNING =
      java.util.regex.Pattern.compile("site and search at http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;

  @Test
  void aSigtermDuringIntakeLosesNothingAndTheRestartTakesInTheRest() throws Exception {
    String config = MailInstance.create(dir, greenMail, TestConfig::withAnyServerPorts);
    GreenMailUser user = greenMail.getUserManager().getUser("ask@column.example");
    int count = 4000;
    Session session = Session.getInstance(new Properties());
    for (int i = 0; i < count; i++) {
      String raw =
          "From: reader"
              + i
              + "@example.com\r\nTo: ask@column.example\r\nSubject: Question "
              + i
              + "\r\nMessage-ID: <run-"
              + i
              + "@example.com>\r\n\r\n"
              + "My question number "
              + i
              + " is about my manager and a deadline.\r\n";
      user.deliver(
          new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }
    Config loaded = Config.load(Path.of(config), Map.of());
    Store store = Store.open(loaded.paths().data().resolve("columnist.db"));

    Process run =
        new ProcessBuilder(List.of(DemoIT.java(), "-jar", DemoIT.jar(), "run", "--config", config))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> messages(store) >= 50);
    long killedAt = System.nanoTime();
    run.destroy(); // SIGTERM
    assertThat(run.waitFor(60, TimeUnit.SECONDS))
        .as(Files.readString(dir.resolve("run.log")))
        .isTrue();
    int atStop = messages(store);
    System.err.printf(
        "RunIT: %d of %d taken in when stopped; stop took %d ms%n",
        atStop, count, (System.nanoTime() - killedAt) / 1_000_000);
    assertThat(atStop).as("stopped in the middle of intake").isBetween(50, count - 1);
    assertThat(Files.readString(dir.resolve("run.log")))
        .contains("Stopping: finishing the message in hand")
        .contains("Stopped.");

    CliTest.Result rest = CliTest.columnist("poll", "--once", "--config", config);
    assertThat(rest.exit()).as(rest.err()).isZero();
    assertThat(messages(store)).isEqualTo(count);
    assertThat(count(store, "SELECT count(DISTINCT subject) FROM questions")).isEqualTo(count);
    assertThat(count(store, "SELECT count(*) FROM questions")).isEqualTo(count);
  }

  @Test
  void aFailingRelayIsReportedWhileTheRestKeepsServing() throws Exception {
    int closedRelay = freePort();
    String config =
        MailInstance.create(dir, greenMail, c -> c.withSmtp(closedRelay).withAnyServerPorts());
    com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "reader@example.com",
        "A question",
        "Text.",
        greenMail.getSmtp().getServerSetup());
    Process run =
        new ProcessBuilder(List.of(DemoIT.java(), "-jar", DemoIT.jar(), "run", "--config", config))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile())
            .start();
    try {
      int publicPort = publicPort(dir.resolve("run.log"));
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      String health =
          await("the relay reported failing")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .ignoreExceptionsInstanceOf(java.io.IOException.class) // the server is still starting
              .until(
                  () ->
                      http.send(
                              java.net.http.HttpRequest.newBuilder(
                                      java.net.URI.create(
                                          "http://127.0.0.1:" + publicPort + "/healthz"))
                                  .build(),
                              java.net.http.HttpResponse.BodyHandlers.ofString())
                          .body(),
                  h -> h.contains("\"outbox\":{\"state\":\"failing\""));
      assertThat(health)
          .as(Files.readString(dir.resolve("run.log")))
          .contains("\"status\":\"degraded\"")
          .contains("\"outbox\":{\"state\":\"failing\"")
          .contains("\"intake\":{\"state\":\"ok\"");
      int status =
          http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + publicPort + "/"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .statusCode();
      assertThat(status).isEqualTo(200);
    } finally {
      run.destroy();
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static int count(Store store, String sql) {
    Integer n = store.inTransaction(db -> Sql.one(db, sql, rs -> rs.getInt(1)).orElseThrow());
    return n;
  }

  private static int messages(Store store) {
    return store.inTransaction(
        db -> Sql.one(db, "SELECT count(*) FROM messages", rs -> rs.getInt(1)).orElseThrow());
  }

  /** The public server's port, from the line 'columnist run' prints once it listens. */
  private static int publicPort(Path log) throws Exception {
    return port(log, RUNNING);
  }

  /** The port that {@code announced}'s first group finds in {@code log}, once it is written. */
  static int port(Path log, java.util.regex.Pattern announced) {
    java.util.regex.Matcher started =
        await("the server announcing its port in " + log)
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> announced.matcher(Files.exists(log) ? Files.readString(log) : ""),
                java.util.regex.Matcher::find);
    return Integer.parseInt(started.group(1));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
