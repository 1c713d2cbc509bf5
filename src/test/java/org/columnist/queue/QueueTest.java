package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueTest {
  @TempDir Path dir;
  QueueFixture fx;
  Queue queue;

  @BeforeEach
  void setUp() throws Exception {
    fx = new QueueFixture(dir);
    queue = fx.queue();
  }

  private int made;

  /** Brings a fresh question into {@code state} the way a coach would. */
  long questionIn(String state) {
    int n = ++made;
    long id =
        fx.question("reader" + n + "@example.com", null, "A question number " + n, "Plain words.");
    switch (state) {
      case "new" -> {}
      case "accepted" -> acceptWithAnAnswer(id);
      case "in_review" -> {
        acceptWithAnAnswer(id);
        queue.move(id, Transition.REVIEW, "pat", null);
      }
      case "scheduled" -> {
        acceptWithAnAnswer(id);
        queue.move(id, Transition.REVIEW, "pat", null);
        queue.schedule(id, LocalDateTime.of(2026, 12, 1, 7, 0), "pat", null);
      }
      case "published" -> {
        acceptWithAnAnswer(id);
        queue.move(id, Transition.REVIEW, "pat", null);
        queue.publish(id, "pat", null);
      }
      case "declined" -> queue.decline(id, "pat", null, false);
      case "spam" -> queue.move(id, Transition.SPAM, "pat", null);
      case "withdrawn" -> queue.move(id, Transition.WITHDRAW, "pat", null);
      case "merged" -> queue.merge(id, fx.question(), "pat");
      default -> throw new IllegalArgumentException(state);
    }
    assertThat(fx.state(id)).isEqualTo(state);
    return id;
  }

  void apply(long id, Transition t) {
    switch (t) {
      case ACCEPT -> queue.accept(id, "pat");
      case DECLINE -> queue.decline(id, "pat", "not for us", false);
      case SCHEDULE -> queue.schedule(id, LocalDateTime.of(2026, 12, 2, 7, 0), "pat", null);
      case PUBLISH -> queue.publish(id, "pat", null);
      case REPUBLISH -> queue.republish(id, "pat", null);
      case MERGE -> queue.merge(id, fx.question(), "pat");
      default -> queue.move(id, t, "pat", "a note");
    }
  }

  static Stream<Arguments> everyStateAndTransition() {
    return State.ids().stream()
        .flatMap(s -> Stream.of(Transition.values()).map(t -> Arguments.of(s, t)));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("everyStateAndTransition")
  void allowsExactlyTheDefinedTransitions(String from, Transition transition) {
    long id = questionIn(from);
    if (transition.allowedFrom(from)) {
      apply(id, transition);
      assertThat(fx.state(id)).isEqualTo(transition.to());
      assertThat(
              fx.column(
                  "SELECT from_state || '>' || to_state FROM audit_log WHERE question_id = ? AND action = ? ORDER BY id DESC LIMIT 1",
                  id,
                  transition.verb()))
          .containsExactly(from + ">" + transition.to());
    } else {
      assertThatThrownBy(() -> apply(id, transition))
          .isInstanceOf(ColumnistException.class)
          .hasMessageStartingWith(
              "cannot " + transition.verb() + " question " + id + ": it is " + from + "; ")
          .hasMessageContaining(
              Transition.allowedVerbs(from).isEmpty()
                  ? "that is final"
                  : "you can " + String.join(", ", Transition.allowedVerbs(from)));
      assertThat(fx.state(id)).isEqualTo(from);
    }
  }

  @Test
  void recordsWhoWhenFromToAndWhy() {
    long id = fx.question();
    queue.move(id, Transition.SPAM, "pat", "obvious spam");
    assertThat(
            fx.column(
                "SELECT at || ' ' || actor || ' ' || action || ' ' || from_state || ' ' || to_state || ' ' || note FROM audit_log WHERE question_id = ?",
                id))
        .containsExactly("2026-10-30T15:00:00Z pat spam new spam obvious spam");
  }

  @Test
  void acceptPrefillsTheDraftFromTheQuestion() {
    long id =
        fx.question(
            "mary@example.com",
            "Mary",
            "Re: Caught between my boss and a <b>client</b>",
            "Age: 47\nIndustry: Agribusiness\n## not a heading\n<script>x</script>");
    Draft draft = queue.accept(id, "pat");
    assertThat(draft.version()).isEqualTo(1);
    assertThat(draft.text())
        .contains("title: Caught between my boss and a client\n")
        .contains("slug: caught-between-my-boss-and-a-client\n")
        .contains("date: 2026-10-30\n")
        .contains("  age: 47\n")
        .contains("  industry: Agribusiness\n")
        .contains("  issue: \"\"\n")
        .doesNotContain("issue: Caught")
        .contains("## Question\n\n\\## not a heading\n&lt;script>x&lt;/script>\n")
        .doesNotContain("Age: 47");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Re:", "RE :", "Fwd:", "FW:", "AW:", "SV:", "sv: Re: AW: Fwd:"})
  void leavesEveryReplyPrefixOutOfTheDraftTitle(String prefix) {
    long id = fx.question("mary@example.com", "Mary", prefix + " My boss", "What should I do?");
    assertThat(queue.accept(id, "pat").text()).contains("title: My boss\n");
  }

  @Test
  void declineWithAReplyWritesToTheReader() {
    long id = fx.question();
    queue.decline(id, "pat", "out of scope", true);
    assertThat(fx.column("SELECT kind || ' ' || to_address FROM outbox"))
        .containsExactly("decline mary@example.com");
    long anonymous = queue.drafts().start("No reader", "pat");
    assertThatThrownBy(() -> queue.decline(anonymous, "pat", null, true))
        .hasMessageContaining("no reader address");
  }

  @Test
  void mergeIsRecordedOnBothQuestions() {
    long a = fx.question();
    long b = fx.question();
    queue.merge(a, b, "pat");
    assertThat(fx.column("SELECT merged_into FROM questions WHERE id = ?", a))
        .containsExactly(String.valueOf(b));
    assertThat(
            fx.column("SELECT note FROM audit_log WHERE question_id = ? AND action = 'merge'", b))
        .containsExactly("question " + a + " merged into this one");
    assertThatThrownBy(() -> queue.merge(b, b, "pat")).hasMessageContaining("into itself");
  }

  @Test
  void publishingWritesAValidArchiveFileAndTellsTheReader() throws Exception {
    long id = readyForReview();
    Publisher.Published published = queue.publish(id, "pat", null);
    assertThat(published.path())
        .isEqualTo(fx.archive.root().resolve("2026/10/caught-between-my-boss-and-a-client.md"));
    assertThat(published.url())
        .isEqualTo("https://column.example/2026/10/caught-between-my-boss-and-a-client/");
    assertThat(new Archive(fx.archive.root()).check().problems()).isEmpty();
    assertThat(
            fx.column(
                "SELECT state || ' ' || archive_path || ' ' || url FROM questions WHERE id = ?",
                id))
        .containsExactly(
            "published 2026/10/caught-between-my-boss-and-a-client.md https://column.example/2026/10/caught-between-my-boss-and-a-client/");
    assertThat(fx.column("SELECT kind FROM outbox")).containsExactly("published");
    assertThat(fx.column("SELECT body_text FROM outbox").get(0)).contains(published.url());
  }

  @Test
  void aReaderWhoAskedNotToBeToldGetsNoNotice() {
    long id = readyForReview();
    assertThat(queue.show(id).notifyReader()).isTrue();
    queue.tellReader(id, false, "pat");
    assertThat(queue.show(id).notifyReader()).isFalse();
    assertThat(queue.show(id).history())
        .extracting(Queue.Event::action, Queue.Event::note)
        .contains(tuple("notice", "the reader will not be told when it is published"));
    queue.publish(id, "pat", null);
    assertThat(fx.column("SELECT kind FROM outbox")).doesNotContain("published");
    assertThatThrownBy(() -> queue.tellReader(id, true, "pat"))
        .hasMessageContaining("is published: only a question still on its way");
    long own = queue.drafts().start("A column of my own", "pat");
    assertThatThrownBy(() -> queue.tellReader(own, false, "pat"))
        .hasMessageContaining("no reader to tell");
  }

  @Test
  void blocksPublicationThatIdentifiesTheReaderUnlessOverridden() {
    long id = readyForReview("I told Mary to call me on 312-555-0142.");
    assertThatThrownBy(() -> queue.publish(id, "pat", null))
        .isInstanceOfSatisfying(
            Publisher.PrivacyBlockedException.class,
            e ->
                assertThat(e.findings())
                    .extracting(f -> f.kind() + ": " + f.text())
                    .contains("the reader's name: Mary", "a phone number: 312-555-0142"));
    assertThat(fx.state(id)).isEqualTo("in_review");
    assertThat(fx.archive.files()).isEmpty();
    Publisher.Published published =
        queue.publish(id, "pat", "Mary is a common name; the number is the coach's office");
    assertThat(published.overridden()).hasSize(2);
    assertThat(
            fx.column(
                    "SELECT note FROM audit_log WHERE question_id = ? AND action = 'privacy_override'",
                    id)
                .get(0))
        .startsWith("Mary is a common name; the number is the coach's office (found: ");
  }

  @Test
  void anOverrideGivenAtSchedulingCoversOnlyThatDraftVersion() {
    long id = readyForReview("Mary, listen.");
    queue.schedule(id, LocalDateTime.of(2026, 11, 2, 7, 0), "pat", "fine: pseudonym");
    fx.clock.set(Instant.parse("2026-11-02T13:00:00Z"));
    assertThat(queue.publishDue("scheduler", fx.clock.instant()))
        .singleElement()
        .satisfies(r -> assertThat(r.published()).isNotNull());

    long other = readyForReview("Mary, listen.");
    queue.schedule(other, LocalDateTime.of(2026, 11, 3, 7, 0), "pat", "fine: pseudonym");
    queue
        .drafts()
        .save(
            other,
            queue
                .drafts()
                .latest(other)
                .text()
                .replace("Mary, listen.", "Mary, listen. Call 312-555-0142."),
            "pat",
            null);
    fx.clock.set(Instant.parse("2026-11-03T13:00:00Z"));
    assertThat(queue.publishDue("scheduler", fx.clock.instant()))
        .singleElement()
        .satisfies(r -> assertThat(r.problem()).contains("may identify its reader"));
    assertThat(fx.state(other)).isEqualTo("scheduled");
  }

  @Test
  void schedulesInTheSiteTimeZoneAcrossTheEndOfDaylightSavingTime() {
    long id = readyForReview();
    // 07:00 on 2 November 2026 in Chicago is after the clocks went back on 1 November: UTC-6.
    Instant at = queue.schedule(id, LocalDateTime.of(2026, 11, 2, 7, 0), "pat", null);
    assertThat(at).isEqualTo(Instant.parse("2026-11-02T13:00:00Z"));
    fx.clock.set(Instant.parse("2026-11-02T12:59:00Z"));
    assertThat(queue.publishDue("scheduler", fx.clock.instant())).isEmpty();
    fx.clock.set(Instant.parse("2026-11-02T13:00:00Z"));
    assertThat(queue.publishDue("scheduler", fx.clock.instant()))
        .singleElement()
        .satisfies(r -> assertThat(r.published().path().toString()).contains("2026/11/"));
    assertThat(queue.drafts().latest(id).text()).contains("date: 2026-11-02");
  }

  @Test
  void refusesTimesThatDoNotExistOrHavePassed() {
    long id = readyForReview();
    assertThat(
            Publisher.inZone(LocalDateTime.of(2026, 11, 1, 1, 30), fx.config.site().timeZone())
                .toInstant())
        .as("01:30 happens twice on 1 November; the first is meant")
        .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    assertThatThrownBy(() -> queue.schedule(id, LocalDateTime.of(2027, 3, 14, 2, 30), "pat", null))
        .hasMessageContaining("does not exist in America/Chicago");
    assertThatThrownBy(() -> queue.schedule(id, LocalDateTime.of(2026, 10, 1, 7, 0), "pat", null))
        .hasMessageContaining("is in the past");
    assertThat(fx.state(id)).isEqualTo("in_review");
  }

  @Test
  void aCorrectionKeepsTheUrlAndRecordsItsDate() throws Exception {
    long id = readyForReview();
    Publisher.Published first = queue.publish(id, "pat", null);
    fx.clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    String corrected =
        queue
            .drafts()
            .latest(id)
            .text()
            .replace(
                "title: Caught between my boss and a client",
                "title: Caught between a boss and a client")
            .replace("slug: caught-between-my-boss-and-a-client", "slug: a-new-slug");
    queue.drafts().save(id, corrected, "pat", null);
    Publisher.Published again = queue.republish(id, "pat", null);
    assertThat(again.url()).isEqualTo(first.url());
    assertThat(again.path()).isEqualTo(first.path());
    Column column = fx.archive.read(again.path());
    assertThat(column.title()).isEqualTo("Caught between a boss and a client");
    assertThat(column.date()).hasToString("2026-10-30");
    assertThat(column.corrected()).hasToString("2026-11-20");
    assertThat(fx.archive.files()).hasSize(1);
    assertThat(fx.column("SELECT count(*) FROM outbox WHERE kind = 'published'"))
        .containsExactly("1");
  }

  @Test
  void aBrokenNoticeTemplateLeavesNoArchiveFileAndTheColumnScheduled() throws Exception {
    long id = readyForReview();
    queue.schedule(id, LocalDateTime.of(2026, 12, 1, 7, 0), "pat", null);
    Path override = dir.resolve("templates/mail/published.ftl");
    java.nio.file.Files.createDirectories(override.getParent());
    java.nio.file.Files.writeString(override, "Subject: Out now\n${published.no_such_field}\n");
    Queue edited = fx.queue();

    List<Publisher.Result> results =
        edited.publishDue("scheduler", Instant.parse("2026-12-02T00:00:00Z"));

    assertThat(results)
        .singleElement()
        .extracting(Publisher.Result::problem)
        .asString()
        .contains("published.ftl");
    assertThat(fx.archive.files()).isEmpty();
    assertThat(fx.state(id)).isEqualTo("scheduled");
    assertThat(fx.column("SELECT count(*) FROM outbox")).containsExactly("0");
    assertThatThrownBy(() -> edited.publish(id, "pat", null)).hasMessageContaining("published.ftl");
    assertThat(fx.archive.files()).isEmpty();
  }

  @Test
  void aPublicationThatFailsAfterItsFileIsWrittenRemovesTheFile() {
    long id = readyForReview();
    Queue failing =
        fx.queue(
            file -> {
              throw new IllegalStateException("the commit failed");
            });

    assertThatThrownBy(() -> failing.publish(id, "pat", null)).hasMessage("the commit failed");

    assertThat(fx.archive.files()).isEmpty();
    assertThat(fx.state(id)).isEqualTo("in_review");
    assertThat(fx.column("SELECT count(*) FROM outbox")).containsExactly("0");
  }

  @Test
  void aRepublicationThatFailsAfterItsFileIsWrittenRestoresThePublishedFile() throws Exception {
    long id = readyForReview();
    Publisher.Published first = queue.publish(id, "pat", null);
    byte[] published = java.nio.file.Files.readAllBytes(first.path());
    var modes = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
    java.nio.file.Files.setPosixFilePermissions(first.path(), modes);
    queue
        .drafts()
        .save(
            id,
            queue
                .drafts()
                .latest(id)
                .text()
                .replace("Talk to your boss first.", "Talk to HR first."),
            "pat",
            null);
    List<String> seen = new ArrayList<>();
    Queue failing =
        fx.queue(
            file -> {
              seen.add(fx.archive.read(file).toString());
              throw new IllegalStateException("the commit failed");
            });

    assertThatThrownBy(() -> failing.republish(id, "pat", null)).hasMessage("the commit failed");

    assertThat(seen).singleElement().asString().contains("Talk to HR first.");
    assertThat(java.nio.file.Files.readAllBytes(first.path())).isEqualTo(published);
    assertThat(java.nio.file.Files.getPosixFilePermissions(first.path())).isEqualTo(modes);
    assertThat(fx.state(id)).isEqualTo("published");
  }

  @Test
  void ofTwoConcurrentPublishersExactlyOneSucceeds() throws Exception {
    long id = readyForReview();
    Queue one = fx.queue();
    Queue two = fx.queue();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Publisher.Published>> attempts = new ArrayList<>();
    for (Queue q : List.of(one, two)) {
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                return q.publish(id, "pat", null);
              }));
    }
    start.countDown();
    int succeeded = 0;
    List<String> failures = new ArrayList<>();
    for (Future<Publisher.Published> attempt : attempts) {
      try {
        attempt.get();
        succeeded++;
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause().getMessage());
      }
    }
    pool.shutdown();
    assertThat(succeeded).isEqualTo(1);
    assertThat(failures)
        .singleElement()
        .asString()
        .isEqualTo(
            "cannot publish question "
                + id
                + ": it is published; from published you can republish");
    assertThat(fx.column("SELECT count(*) FROM outbox WHERE kind = 'published'"))
        .containsExactly("1");
    assertThat(
            fx.column(
                "SELECT count(*) FROM audit_log WHERE question_id = ? AND action = 'publish'", id))
        .containsExactly("1");
  }

  @Test
  void showsTheQuestionDraftAndHistory() {
    long id = readyForReview();
    Queue.Details details = queue.show(id);
    assertThat(details.senderAddress()).isEqualTo("mary@example.com");
    assertThat(details.draft().text()).contains("## Answer");
    assertThat(details.history())
        .extracting(Queue.Event::action)
        .containsExactly("accept", "save", "review");
    assertThat(Mask.address("mary@example.com")).isEqualTo("m***@e******.com");
    assertThat(Mask.name("Mary Reader")).isEqualTo("M*** R***");
  }

  /** Accepts {@code id} and writes its issue and Answer, as a coach does before review. */
  private void acceptWithAnAnswer(long id) {
    String text =
        withIssue(queue.accept(id, "pat").text())
            .replace("## Answer\n", "## Answer\n\nAn answer.\n");
    queue.drafts().save(id, text, "pat", null);
  }

  /** The draft {@code text} with its client profile's empty issue said. */
  static String withIssue(String text) {
    return text.replace("  issue: \"\"\n", "  issue: Boss and client\n");
  }

  @Test
  void aColumnWhoseProfileHasNoIssueIsNotReviewedScheduledOrPublished() {
    long id = fx.question();
    String answered =
        queue.accept(id, "pat").text().replace("## Answer\n", "## Answer\n\nAn answer.\n");
    queue.drafts().save(id, answered, "pat", null);
    assertThatThrownBy(() -> queue.move(id, Transition.REVIEW, "pat", null))
        .isInstanceOf(ColumnistException.class)
        .hasMessage(
            "cannot review question "
                + id
                + ": its client profile has no issue; say in a few words what it is about");
    assertThat(fx.state(id)).isEqualTo("accepted");
    long inReview = readyForReview();
    String emptied =
        queue
            .drafts()
            .latest(inReview)
            .text()
            .replace("  issue: Boss and client\n", "  issue: \"\"\n");
    queue.drafts().save(inReview, emptied, "pat", null);
    assertThatThrownBy(() -> queue.publish(inReview, "pat", null))
        .hasMessageContaining("cannot publish question " + inReview + ": its client profile has");
    assertThat(fx.state(inReview)).isEqualTo("in_review");
    assertThat(fx.archive.files()).isEmpty();
  }

  @Test
  void aColumnWithAnEmptyAnswerIsNotReviewedScheduledOrPublished() {
    long id = fx.question();
    queue.accept(id, "pat");
    assertThatThrownBy(() -> queue.move(id, Transition.REVIEW, "pat", null))
        .isInstanceOf(ColumnistException.class)
        .hasMessage("cannot review question " + id + ": its Answer is empty; write it first");
    assertThat(fx.state(id)).isEqualTo("accepted");
    long inReview = readyForReview();
    String emptied =
        queue.drafts().latest(inReview).text().replace("Talk to your boss first.\n", "");
    queue.drafts().save(inReview, emptied, "pat", null);
    assertThatThrownBy(
            () -> queue.schedule(inReview, LocalDateTime.of(2026, 12, 1, 7, 0), "pat", null))
        .hasMessageContaining("cannot schedule question " + inReview + ": its Answer is empty");
    assertThatThrownBy(() -> queue.publish(inReview, "pat", null))
        .hasMessageContaining("cannot publish question " + inReview + ": its Answer is empty");
    assertThat(fx.state(inReview)).isEqualTo("in_review");
    assertThat(fx.archive.files()).isEmpty();
  }

  private long readyForReview() {
    return readyForReview("Talk to your boss first.");
  }

  private long readyForReview(String answer) {
    long id = fx.question();
    String text =
        withIssue(queue.accept(id, "pat").text())
            .replace("## Answer\n", "## Answer\n\n" + answer + "\n");
    queue.drafts().save(id, text, "pat", null);
    queue.move(id, Transition.REVIEW, "pat", null);
    return id;
  }
}
