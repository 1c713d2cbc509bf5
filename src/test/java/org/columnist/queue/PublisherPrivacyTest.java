package org.columnist.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing checks a draft against what the reader's address and signature say of them. */
class PublisherPrivacyTest {
  private static final String SIGNATURE =
      "Jane Doe\nSenior Analyst | Northfield Grain\n+1 312 555 0142";
  private static final String ANSWER =
      "A senior analyst at northfield-grain deserves credit; call 312-555-0142.";

  @TempDir Path dir;
  QueueFixture fx;
  Queue queue;

  @BeforeEach
  void setUp() {
    fx = new QueueFixture(dir);
    queue = fx.queue();
  }

  private long inReview(String address) {
    long id = fx.signedQuestion(address, "Jane Doe", SIGNATURE);
    String text =
        QueueTest.withIssue(queue.accept(id, "pat").text())
            .replace("## Answer\n", "## Answer\n\n" + ANSWER + "\n");
    queue.drafts().save(id, text, "pat", null);
    queue.move(id, Transition.REVIEW, "pat", null);
    return id;
  }

  /** What the privacy check found when {@code move} was refused, as "kind: text". */
  private static List<String> refused(ThrowingCallable move) {
    Throwable thrown = catchThrowable(move);
    assertThat(thrown).isInstanceOf(Publisher.PrivacyBlockedException.class);
    return ((Publisher.PrivacyBlockedException) thrown)
        .findings().stream().map(f -> f.kind() + ": " + f.text()).toList();
  }

  @Test
  void publishingADraftThatNamesTheEmployerOrTheSignatureIsBlocked() {
    long id = inReview("jane.doe@northfield-grain.example");
    assertThat(refused(() -> queue.publish(id, "pat", null)))
        .containsExactlyInAnyOrder(
            "the reader's employer: northfield-grain",
            "the reader's job title from their signature: senior analyst",
            "a phone number from the signature: 312-555-0142");
    assertThat(fx.state(id)).isEqualTo("in_review");
  }

  @Test
  void schedulingChecksWhatTheSignatureGivesOfAWebmailReader() {
    long id = inReview("jane.doe@gmail.com");
    assertThat(refused(() -> queue.schedule(id, LocalDateTime.of(2026, 12, 1, 7, 0), "pat", null)))
        .containsExactlyInAnyOrder(
            "the reader's job title from their signature: senior analyst",
            "the reader's company from their signature: northfield-grain",
            "a phone number from the signature: 312-555-0142");
  }

  @Test
  void theQuestionsDetailsKnowTheSignatureAndMaskingHidesIt() {
    long id = fx.signedQuestion("jane.doe@gmail.com", "Jane Doe", SIGNATURE);
    assertThat(queue.show(id).writer().signature()).isEqualTo(SIGNATURE);
    assertThat(queue.show(id).masked().signature()).isNull();
  }
}
