package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The editorial queue driven from the command line, as a script or a coach would. */
class QueueCliIT {
  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;
  Path instance;
  String config;

  @BeforeEach
  void setUp() throws Exception {
    config = MailInstance.create(dir, greenMail);
    instance = dir.resolve("column");
  }

  @Test
  void aMailedQuestionBecomesAPublishedColumn() throws Exception {
    GreenMailUtil.sendTextEmail(
        "ask@column.example",
        "Dana Whitfield <dana@example.com>",
        "Meetings over my lunch break",
        "Age: 38\nIndustry: Logistics\n\nMy manager keeps booking meetings over lunch. How do I push back?",
        greenMail.getSmtp().getServerSetup());
    assertThat(run("poll", "--once").out())
        .contains("Took in 1 message (1 new question; 0 taken in before)");
    long id = json(run("queue", "list", "--state", "new", "--json")).get(0).get("id").asLong();

    assertThat(run("queue", "accept", String.valueOf(id)).out())
        .contains("Accepted question " + id);
    String draft = run("draft", "show", String.valueOf(id)).out();
    assertThat(draft)
        .contains("  age: 38")
        .contains("  industry: Logistics")
        .contains("My manager keeps booking meetings");

    Path edited = dir.resolve("edited.md");
    Files.writeString(
        edited,
        draft
            .replace("  issue: \"\"\n", "  issue: Meetings over lunch\n")
            .replace("## Answer\n", "## Answer\n\nLunch is yours to protect.\n")
            .replace(
                "## The inner game\n", "## The inner game\n\nYou are allowed to need a break.\n")
            .replace(
                "## The outer game\n",
                "## The outer game\n\nPropose a meeting-free hour to your manager.\n")
            .replace("## The last word\n", "## The last word\n\nAsk once, clearly.\n"));
    assertThat(run("draft", "set", String.valueOf(id), edited.toString()).out())
        .contains("version 2");
    assertThat(run("draft", "diff", String.valueOf(id)).out())
        .contains("+Lunch is yours to protect.");
    assertThat(run("queue", "review", String.valueOf(id)).out()).contains("now in_review");

    LocalDate tomorrow = LocalDate.now().plusDays(1);
    assertThat(run("queue", "schedule", String.valueOf(id), "--at", tomorrow + " 07:00").out())
        .contains("Scheduled question " + id);
    assertThat(run("publish-due").out()).contains("Nothing is due.");
    CliTest.Result due = run("publish-due", "--until", tomorrow + " 07:00");
    assertThat(due.out())
        .contains("Published question " + id)
        .contains("https://column.example/")
        .contains("Site updated:");
    String url = due.out().replaceAll("(?s).*https://column.example/(\\S+/).*", "$1");
    assertThat(instance.resolve("public/" + url + "index.html"))
        .content()
        .contains("Lunch is yours to protect.");
    assertThat(instance.resolve("public/index.html"))
        .content()
        .contains("Meetings over my lunch break");

    CliTest.Result check = run("check");
    assertThat(check.out()).contains("4 archive files: no problems");
    JsonNode shown = json(run("queue", "show", String.valueOf(id), "--json"));
    assertThat(shown.get("state").asText()).isEqualTo("published");
    assertThat(shown.get("senderAddress").asText()).isEqualTo("d***@e******.com");
    assertThat(shown.get("notifyReader").asBoolean()).isTrue();
    assertThat(run("queue", "show", String.valueOf(id), "--reveal").out())
        .contains("<dana@example.com>")
        .contains("Notice when published: yes")
        .contains("=== history ===");

    run("outbox", "send");
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessagesForDomain("example.com")) {
      subjects.add(m.getSubject());
    }
    assertThat(subjects)
        .containsExactlyInAnyOrder(
            "Your question to Coach's Corner: received",
            "Your question is answered in Coach's Corner");
  }

  @Test
  void refusedTransitionsSayWhatIsAllowed() throws Exception {
    long id =
        Long.parseLong(
            run("draft", "new", "--title", "Five habits")
                .out()
                .replaceAll("(?s)Started column (\\d+).*", "$1"));
    assertRefused(
        "spam",
        id,
        "cannot spam question "
            + id
            + ": it is accepted; from accepted you can review, decline, withdraw, merge");
    assertRefused(
        "review", id, "cannot review question " + id + ": its Answer is empty; write it first");
    Path answered = dir.resolve("answered-" + id + ".md");
    Files.writeString(
        answered,
        run("draft", "show", String.valueOf(id))
            .out()
            .replace("## Answer\n", "## Answer\n\nPick one habit.\n"));
    assertThat(run("draft", "set", String.valueOf(id), answered.toString()).exit()).isZero();
    assertRefused(
        "review",
        id,
        "cannot review question "
            + id
            + ": its client profile has no issue; say in a few words what it is about");
    CliTest.Result blocked = columnist("queue", "publish", String.valueOf(id), "--config", config);
    assertThat(blocked.err()).contains("cannot publish question " + id + ": it is accepted");
    CliTest.Result noReader =
        columnist("queue", "notice", String.valueOf(id), "off", "--config", config);
    assertThat(noReader.exit()).isEqualTo(1);
    assertThat(noReader.err()).contains("has no reader to tell");
    CliTest.Result badValue =
        columnist("queue", "notice", String.valueOf(id), "maybe", "--config", config);
    assertThat(badValue.exit()).isEqualTo(2);
    assertThat(badValue.err()).contains("say 'on' or 'off', not 'maybe'");
  }

  @Test
  void draftEditOpensTheEditorAndReopensItWithTheProblemsOnTop() throws Exception {
    long id =
        Long.parseLong(
            run("draft", "new", "--title", "Five habits")
                .out()
                .replaceAll("(?s)Started column (\\d+).*", "$1"));
    // A scripted editor: first it breaks the date, then (seeing the problems on top) it fixes it.
    Path editor = dir.resolve("editor.sh");
    Files.writeString(
        editor,
        """
        #!/bin/sh
        count_file="$(dirname "$1")/.edits"
        n=$(cat "$count_file" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$count_file"
        cp "$1" "%1$s/seen-$n.md"
        stat -c %%a "$1" "$(dirname "$1")" > "%1$s/modes-$n"
        if [ $n -eq 1 ]; then
          sed -i 's/^date: .*/date: someday/; s/^## Answer$/## Answer\\n\\nWritten in the editor./; s/^  issue: ""$/  issue: Breaks/' "$1"
        else
          sed -i "s/^date: .*/date: 2026-11-23/" "$1"
        fi
        """
            .formatted(dir));
    editor.toFile().setExecutable(true);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    Path.of("target/columnist.jar").toAbsolutePath().toString(),
                    "draft",
                    "edit",
                    String.valueOf(id),
                    "--config",
                    config))
            .redirectErrorStream(true);
    builder.environment().remove("VISUAL");
    builder.environment().put("EDITOR", editor.toString());
    Process edit = builder.start();
    assertThat(edit.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(edit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(edit.exitValue()).as(output).isZero();
    assertThat(output).contains("Saved draft " + id + " as version 2.");
    assertThat(Files.readString(dir.resolve("seen-2.md")))
        .startsWith("# This draft was not saved.")
        .contains("'date' must be a date like 2008-04-14, not 'someday'")
        .contains("Written in the editor.");
    String saved = run("draft", "show", String.valueOf(id)).out();
    assertThat(saved)
        .contains("date: 2026-11-23")
        .contains("Written in the editor.")
        .doesNotContain("# This draft");
    assertThat(instance.resolve("data/drafts/draft-" + id + ".md")).doesNotExist();
    // The draft holds the reader's words before any masking: the file and its folder are the
    // owner's alone, whatever the umask or the data folder's mode.
    assertThat(Files.readAllLines(dir.resolve("modes-1"))).containsExactly("600", "700");
  }

  /** {@code queue verb id} exits 1 with {@code message} as its one line. */
  private void assertRefused(String verb, long id, String message) {
    CliTest.Result refused = columnist("queue", verb, String.valueOf(id), "--config", config);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("columnist: " + message + "\n");
  }

  private CliTest.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config));
    CliTest.Result result = columnist(all.toArray(String[]::new));
    assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isZero();
    return result;
  }

  private static JsonNode json(CliTest.Result result) throws Exception {
    return new ObjectMapper().readTree(result.out());
  }
}
