package org.columnist.queue;

import java.time.LocalDate;
import java.util.List;
import org.columnist.archive.Archive;
import org.columnist.column.ClientProfile;
import org.columnist.column.Column;
import org.columnist.column.PlainText;
import org.columnist.column.ProfileHints;
import org.columnist.column.ReplyPrefix;

/**
 * The first version of a draft: what the reader wrote, put where the column keeps it, so that the
 * coach edits rather than retypes.
 */
final class Prefill {
  private Prefill() {}

  /**
   * A column from a reader's question: its subject as title, its profile hints in the profile and
   * the rest of its text as the question. The issue stays empty for the coach to say.
   */
  static Column fromQuestion(QuestionRow q, LocalDate today, Archive archive) {
    String subject = q.subject() == null ? "" : ReplyPrefix.strip(q.subject());
    String title = subject.isBlank() ? "Question " + q.id() : PlainText.oneLine(subject, 200);
    ProfileHints hints = ProfileHints.from(q.body());
    ClientProfile client =
        new ClientProfile(
            null,
            hints.age(),
            hints.title() == null ? null : PlainText.oneLine(hints.title(), 120),
            hints.yearsAtCompany(),
            hints.yearsInRole(),
            hints.industry() == null ? null : PlainText.oneLine(hints.industry(), 120),
            // Left for the coach: a copy of the subject only repeated the title on the home page.
            null);
    return new Column(
        title,
        today,
        null,
        archive.uniqueSlug(title),
        client,
        List.of(),
        List.of(),
        PlainText.toMarkdown(ProfileHints.withoutHints(q.body())),
        "",
        "",
        "",
        "");
  }

  /** An empty column with a working title, for one started without a question. */
  static Column fromTitle(String title, LocalDate today, Archive archive) {
    return new Column(
        PlainText.oneLine(title, 200),
        today,
        null,
        archive.uniqueSlug(title),
        ClientProfile.ofIssue(null),
        List.of(),
        List.of(),
        "",
        "",
        "",
        "",
        "");
  }
}
