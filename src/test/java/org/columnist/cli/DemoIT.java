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
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.columnist.browser.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The demo as a newcomer runs it: one process, then a question all the way to the site. */
class DemoIT {
  // Ports of their own, apart from those a demo run by hand takes (2525, 2143, 8080, 8081).
  private static final String SMTP = "48025";
  private static final String IMAP = "48143";
  private static final String SITE = "48080";
  private static final String EDITOR = "48081";
  @TempDir Path dir;
  // What the last look at the queue said, for a failure's message.
  private volatile CliTest.Result lastList;

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
      long id;
      try {
        id =
            await("the question reached the queue")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> questionFrom("robin@example.com", config), Optional::isPresent)
                .orElseThrow();
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            "the demo printed:\n" + demo.output() + "\nthe last 'queue list': " + lastList, e);
      }
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

  /**
   * The README's demo tour in a browser, checking what issue 14 found broken: the text typed before
   * "Submit for review" is saved, the preview is styled as the site, every editor page fits a
   * phone, times are in words in the site's time zone, and the published links answer.
   */
  @Test
  void theReadmesTourWorksInTheBrowserAtDesktopAndPhoneWidth() throws Exception {
    Demo demo = Demo.start(dir);
    Matcher password = Pattern.compile("password: (\\S+)").matcher(demo.output());
    assertThat(password.find()).isTrue();
    String editor = "http://127.0.0.1:" + EDITOR;
    ConditionFactory page =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .ignoreExceptionsMatching(
                e -> e instanceof NotFoundException || e instanceof StaleElementReferenceException);
    Pattern rawInstant = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.manage().window().setSize(new Dimension(1280, 900));
      d.get(editor + "/login");
      d.findElement(By.id("name")).sendKeys("coach");
      d.findElement(By.id("password")).sendKeys(password.group(1));
      d.findElement(By.cssSelector("form button")).click();
      page.until(() -> d.getCurrentUrl().equals(editor + "/"));
      page.until(
          () -> {
            d.navigate().refresh();
            return !d.findElements(By.linkText("My boss schedules meetings over lunch")).isEmpty();
          });
      assertThat(rawInstant.matcher(d.findElement(By.tagName("body")).getText()).find())
          .as("a raw time on the queue")
          .isFalse();

      d.findElement(By.linkText("My boss schedules meetings over lunch")).click();
      page.until(() -> d.getCurrentUrl().contains("/questions/"));
      assertThat(rawInstant.matcher(d.findElement(By.tagName("body")).getText()).find())
          .as("a raw time on a question")
          .isFalse();
      d.findElement(By.xpath("//button[text()='Accept and start the draft']")).click();
      page.until(() -> d.getCurrentUrl().contains("/drafts/"));
      String draft = d.getCurrentUrl();
      assertThat(d.findElement(By.id("question")).getAttribute("value"))
          .as("the reader's hint lines went to the profile")
          .doesNotContain("Age: 34");
      if (d.findElement(By.id("issue")).getAttribute("value").isBlank()) {
        d.findElement(By.id("issue")).sendKeys("Meetings over the lunch break");
      }
      Map<String, String> typed =
          Map.of(
              "answer", "Say what the lunch hour is for.",
              "inner_game", "A break is not a favour you ask for.",
              "outer_game", "Propose one meeting-free hour a day.",
              "last_word", "Ask once, clearly.");
      typed.forEach((id, text) -> d.findElement(By.id(id)).sendKeys(text));
      d.findElement(By.xpath("//button[text()='Submit for review']")).click();
      page.until(() -> d.findElement(By.cssSelector(".flash")).getText().contains("in review"));
      d.get(draft);
      typed.forEach(
          (id, text) ->
              assertThat(d.findElement(By.id(id)).getAttribute("value")).as(id).contains(text));
      assertThat(rawInstant.matcher(d.findElement(By.tagName("body")).getText()).find())
          .as("a raw time on the draft")
          .isFalse();

      d.findElement(By.xpath("//button[text()='Preview']")).click();
      d.switchTo().frame(d.findElement(By.cssSelector("iframe[name=preview]")));
      page.until(() -> d.findElement(By.tagName("h1")).getText().contains("lunch"));
      List<String> previewStyle = style(d);
      d.switchTo().defaultContent();

      d.findElement(By.xpath("//button[text()='Publish now']")).click();
      page.until(() -> d.findElement(By.cssSelector(".flash")).getText().startsWith("Published:"));
      String link = d.findElement(By.cssSelector(".flash a, .flash")).getText();
      link = link.substring(link.indexOf("http"));
      assertThat(link).startsWith("http://127.0.0.1:" + SITE + "/");
      HttpClient http = HttpClient.newHttpClient();
      assertThat(
              http.send(HttpRequest.newBuilder(URI.create(link)).build(), BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);
      d.get(link);
      assertThat(style(d)).as("the preview is styled as the site's page").isEqualTo(previewStyle);

      String question = draft.replace("/drafts/", "/questions/");
      d.manage().window().setSize(new Dimension(390, 844));
      for (String path :
          List.of(
              editor + "/",
              question,
              draft,
              draft + "/history",
              editor + "/published",
              editor + "/mail",
              editor + "/newsletter")) {
        d.get(path);
        Number overflow =
            (Number)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue())
            .as("horizontal overflow at 390 px on " + path)
            .isLessThanOrEqualTo(0);
      }
      String notice = link;
      await("the reader's notice with the link")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(mailText("jordan@example.com", "Your question is answered"))
                      .contains(notice));
      await("the column as the newsletter in a subscribed sample reader's mailbox")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          readInbox(
                              "alex@example.net",
                              m ->
                                  m.getSubject().endsWith(" - Coach's Corner")
                                      ? m.getHeader("List-Unsubscribe")[0]
                                      : null))
                      .filteredOn(java.util.Objects::nonNull)
                      .singleElement()
                      .asString()
                      .contains("/newsletter/unsubscribe?t="));

      d.manage().window().setSize(new Dimension(1280, 900));
      d.get("http://127.0.0.1:" + SITE + "/");
      d.findElement(By.id("subscribe-email")).sendKeys("you@example.com");
      d.findElement(By.cssSelector("form.subscribe button")).click();
      page.until(() -> d.findElement(By.tagName("h1")).getText().equals("Check your inbox"));
      String confirmation =
          await("the confirmation mail in the new subscriber's mailbox")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .ignoreExceptions()
              .until(() -> mailText("you@example.com", "Confirm your subscription"), t -> true);
      java.util.regex.Matcher confirmLink =
          java.util.regex.Pattern.compile(
                  "http://127\\.0\\.0\\.1:" + SITE + "/newsletter/confirm\\?t=\\S+")
              .matcher(confirmation);
      assertThat(confirmLink.find()).as(confirmation).isTrue();
      d.get(confirmLink.group());
      d.findElement(By.xpath("//button[text()='Confirm my subscription']")).click();
      page.until(() -> d.findElement(By.tagName("h1")).getText().equals("You are subscribed"));
    } finally {
      demo.stop();
    }
  }

  /** What a page's stylesheet decides, as the browser computed it. */
  private static List<String> style(WebDriver d) {
    WebElement body = d.findElement(By.tagName("body"));
    WebElement h1 = d.findElement(By.tagName("h1"));
    return List.of(
        body.getCssValue("font-family"),
        body.getCssValue("background-color"),
        h1.getCssValue("font-family"),
        h1.getCssValue("color"));
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
    lastList = cli("queue", "list", "--json", "--reveal", "--config", config);
    for (JsonNode q : new ObjectMapper().readTree(lastList.out())) {
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
