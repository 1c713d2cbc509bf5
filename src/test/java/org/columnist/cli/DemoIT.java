package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as a newcomer runs it: one process, then a question all the way to the site. */
class DemoIT {
  // Ports of their own, apart from those a demo run by hand takes (2525, 2143, 8080, 8081).
  private static final String SMTP = "48025";
  private static final String IMAP = "48143";
  private static final String SITE = "48080";
  private static final String EDITOR = "48081";
  @TempDir Path dir;

  @Test
  void aQuestionMailedToTheDemoEndsOnTheSiteAndInSearch() throws Exception {
    Demo demo = Demo.start(dir);
    try {
      String config = dir.resolve("demo/config/columnist.yml").toString();

      assertThat(
              cli(
                      "demo",
                      "send",
                      "My team lead takes credit for my analysis. What do I do?",
                      "--subject",
                      "Credit for my analysis",
                      "--from",
                      "Robin Reader <robin@example.com>",
                      "--smtp-port",
                      SMTP)
                  .exit())
          .isZero();
      long id =
          await("the question reached the queue")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(300))
              .until(() -> questionFrom("robin@example.com", config), Optional::isPresent)
              .orElseThrow();
      assertThat(cli("queue", "accept", String.valueOf(id), "--config", config).exit()).isZero();
      String draft = cli("draft", "show", String.valueOf(id), "--config", config).out();
      Path edited = dir.resolve("edited.md");
      Files.writeString(
          edited,
          draft
              .replace("  issue: \"\"\n", "  issue: Credit for my work\n")
              .replace(
                  "## Answer\n",
                  "## Answer\n\nName your contribution out loud, calmly and often.\n"));
      assertThat(
              cli("draft", "set", String.valueOf(id), edited.toString(), "--config", config).exit())
          .isZero();
      assertThat(cli("queue", "review", String.valueOf(id), "--config", config).exit()).isZero();
      CliTest.Result published = cli("queue", "publish", String.valueOf(id), "--config", config);
      assertThat(published.exit()).as(published.out() + published.err()).isZero();
      String link = published.out().replaceAll("(?s).*\n  (\\S+)\n.*", "$1");
      assertThat(link).startsWith("http://127.0.0.1:" + SITE + "/");
      String url = link.substring(("http://127.0.0.1:" + SITE + "/").length());

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(link)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Name your contribution out loud");
      await("the daemon indexed the column published from the command line")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> searchFinds(http, "contribution+out+loud", url));
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + EDITOR + "/healthz"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
          .contains("\"intake\"");

      await("both mails in the reader's mailbox")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(jakarta.mail.MessagingException.class) // not delivered yet
          .untilAsserted(
              () ->
                  assertThat(inbox("robin@example.com"))
                      .contains(
                          "Your question to Coach's Corner: received",
                          "Your question is answered in Coach's Corner"));
      assertThat(mailText("robin@example.com", "Your question is answered"))
          .as("the reader's notice leads to the page")
          .contains(link);
    } finally {
      demo.stop();
    }
  }

  @Test
  void aRestartedDemoReusesItsFolderAndMailsNoSampleAgain() throws Exception {
    Demo first = Demo.start(dir);
    String config = dir.resolve("demo/config/columnist.yml").toString();
    try {
      assertThat(first.output()).contains("Three sample questions were mailed");
      await("the samples reached the queue")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> questionFrom("alex@example.net", config), Optional::isPresent);
    } finally {
      first.stop();
    }
    Demo again = Demo.start(dir);
    try {
      assertThat(again.output())
          .contains("reusing the demo folder " + dir.resolve("demo").toAbsolutePath())
          .doesNotContain("Three sample questions were mailed");
      assertThat(inbox("jordan@example.com"))
          .as("the reader's mailbox is there after a restart")
          .isNotNull();
      cli("demo", "send", "Is this one new?", "--from", "robin@example.com", "--smtp-port", SMTP);
      await("the new question reached the queue")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> questionFrom("robin@example.com", config), Optional::isPresent);
      assertThat(
              new ObjectMapper()
                  .readTree(cli("queue", "list", "--json", "--config", config).out())
                  .size())
          .isEqualTo(4);
    } finally {
      again.stop();
    }
  }

  /** A running demo and what it printed so far. */
  private record Demo(Process process, StringBuffer seen) {
    static Demo start(Path dir) throws Exception {
      List<String> command =
          List.of(
              java(),
              "-jar",
              jar(),
              "demo",
              "--smtp-port",
              SMTP,
              "--imap-port",
              IMAP,
              "--public-port",
              SITE,
              "--editor-port",
              EDITOR);
      Process demo =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
      // Read in the background, so that the wait has a timeout even if the demo prints nothing.
      StringBuffer seen = new StringBuffer();
      Thread reader =
          new Thread(
              () -> {
                try {
                  out.lines().forEach(l -> seen.append(l).append('\n'));
                } catch (java.io.UncheckedIOException e) {
                  // The demo is stopped at the end of the test, which closes its output.
                  seen.append("(output closed: ").append(e.getMessage()).append(")\n");
                }
              });
      reader.setDaemon(true);
      reader.start();
      Pattern coach = Pattern.compile("name: coach\\s+password: (\\S+)");
      await("the demo printed the coach's password")
          .atMost(Duration.ofSeconds(60))
          .until(() -> coach.matcher(seen.toString()).find() || !reader.isAlive());
      assertThat(coach.matcher(seen.toString()).find()).as(seen.toString()).isTrue();
      return new Demo(demo, seen);
    }

    String output() {
      return seen.toString();
    }

    void stop() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** The id of the question from {@code sender} in the queue, once it is there. */
  private Optional<Long> questionFrom(String sender, String config) throws Exception {
    for (JsonNode q :
        new ObjectMapper()
            .readTree(cli("queue", "list", "--json", "--reveal", "--config", config).out())) {
      if (q.get("sender").asText().equals(sender)) {
        return Optional.of(q.get("id").asLong());
      }
    }
    return Optional.empty();
  }

  /** Whether the demo's search API finds the column at {@code url} for {@code query}. */
  private static boolean searchFinds(HttpClient http, String query, String url) throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + SITE + "/api/search?q=" + query))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
    for (JsonNode hit : json.get("hits")) {
      if (hit.get("url").asText().endsWith(url)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subjects in a reader's mailbox on the demo's mail server (GreenMail creates it on delivery,
   * password = address).
   */
  private static List<String> inbox(String address) throws Exception {
    return readInbox(address, m -> m.getSubject());
  }

  /** The text of the first mail in a reader's mailbox whose subject starts with {@code subject}. */
  private static String mailText(String address, String subject) throws Exception {
    return readInbox(
            address,
            m -> m.getSubject().startsWith(subject) ? String.valueOf(m.getContent()) : null)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow();
  }

  private interface Read {
    String of(Message m) throws Exception;
  }

  private static List<String> readInbox(String address, Read read) throws Exception {
    List<String> subjects = new ArrayList<>();
    Store store = Session.getInstance(new Properties()).getStore("imap");
    try {
      store.connect("127.0.0.1", Integer.parseInt(IMAP), address, address);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      for (Message m : inbox.getMessages()) {
        subjects.add(read.of(m));
      }
      inbox.close(false);
    } finally {
      store.close();
    }
    return subjects;
  }

  private CliTest.Result cli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new CliTest.Result(p.exitValue(), out, err);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String jar() {
    return Path.of("target/columnist.jar").toAbsolutePath().toString();
  }
}
