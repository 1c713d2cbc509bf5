package org.columnist.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.columnist.ColumnistException;
import org.columnist.queue.Draft;
import org.columnist.queue.Mask;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
import org.columnist.queue.State;
import org.columnist.queue.Transition;
import org.columnist.web.Age;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "queue",
    description = "The editorial queue: list, show, and move questions between states.",
    subcommands = {
      QueueCommand.ListVerb.class,
      QueueCommand.Show.class,
      QueueCommand.Accept.class,
      QueueCommand.Decline.class,
      QueueCommand.Spam.class,
      QueueCommand.Withdraw.class,
      QueueCommand.Review.class,
      QueueCommand.Schedule.class,
      QueueCommand.Publish.class,
      QueueCommand.Republish.class,
      QueueCommand.Merge.class,
      QueueCommand.Notice.class
    })
final class QueueCommand {

  /** What every queue verb shares: the config, who acts, and where to print. */
  abstract static class Verb {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin ActorOption actor;

    Queue queue() {
      return new Wiring(config.load()).queue();
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  @Command(name = "list", description = "Questions in the queue, oldest first, with their age.")
  static final class ListVerb extends Verb implements Runnable {
    @Option(
        names = "--state",
        paramLabel = "S",
        description = "Only this state: ${COMPLETION-CANDIDATES}.",
        completionCandidates = States.class)
    String state;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--reveal", description = "Show readers' addresses (masked otherwise).")
    boolean reveal;

    @Override
    public void run() {
      List<Queue.Entry> entries = queue().list(state);
      Listing.print(
          out(),
          json,
          entries.stream()
              .map(
                  e ->
                      reveal
                          ? e
                          : new Queue.Entry(
                              e.id(),
                              e.state(),
                              Mask.address(e.sender()),
                              e.subject(),
                              e.received()))
              .toList(),
          e ->
              String.format(
                  "%5d  %-10s  %6s  %-24s  %s",
                  e.id(),
                  e.state(),
                  Age.since(e.received(), Instant.now()),
                  Listing.shorten(e.sender(), 24),
                  Listing.shorten(e.subject(), 50)),
          state == null ? "The queue is empty." : "No questions in state " + state + ".");
    }
  }

  @Command(
      name = "show",
      description = "A question: its text, attachments, follow-ups, draft and history.")
  static final class Show extends Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Option(
        names = "--reveal",
        description = "Show the reader's address and name (masked otherwise).")
    boolean reveal;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public void run() {
      Queue.Details d = queue().show(id);
      if (!reveal) {
        d = d.masked();
      }
      if (json) {
        Json.print(out(), d);
        return;
      }
      PrintWriter out = out();
      out.printf(
          "Question %d: %s (version %d), received %s (%s ago)%n",
          d.id(), d.state(), d.version(), d.received(), Age.since(d.received(), Instant.now()));
      if (d.senderAddress() != null) {
        out.printf(
            "From: %s%s%s%n",
            d.senderName() == null ? "" : d.senderName() + " ",
            "<" + d.senderAddress() + ">",
            reveal ? "" : "   (--reveal to show)");
      }
      out.printf("Subject: %s%n", d.subject());
      if (Queue.fromReader(d.origin())) {
        out.printf(
            "Notice when published: %s%n",
            d.notifyReader() ? "yes" : "no (the reader asked not to be told)");
      }
      if (d.scheduledFor() != null) {
        out.printf("Scheduled for: %s%n", d.scheduledFor());
      }
      if (d.url() != null) {
        out.printf("Published: %s at %s%n", d.publishedAt(), d.url());
      }
      d.attachments()
          .forEach(
              a -> out.printf("Attachment: %s (%s, %d bytes)%n", a.name(), a.type(), a.size()));
      out.printf("%n%s%n", d.text().isBlank() ? "(no text)" : d.text());
      d.followUps()
          .forEach(f -> out.printf("%n--- follow-up, %s ---%n%s%n", f.fetchedAt(), f.text()));
      if (d.draft() != null) {
        out.printf(
            "%n=== draft version %d, saved by %s at %s ===%n%s",
            d.draft().version(), d.draft().savedBy(), d.draft().savedAt(), d.draft().text());
      }
      out.printf("%n=== history ===%n");
      d.history()
          .forEach(
              e ->
                  out.printf(
                      "%s  %-14s %-16s %s%s%n",
                      e.at(),
                      e.actor(),
                      e.action(),
                      e.from() == null ? "" : e.from() + " -> " + e.to(),
                      e.note() == null ? "" : "  (" + e.note() + ")"));
    }
  }

  @Command(
      name = "accept",
      description = "Accept a question and start its draft, prefilled from the reader's mail.")
  static final class Accept extends Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public void run() {
      Draft draft = queue().accept(id, actor.actor());
      out()
          .printf(
              "Accepted question %d; its draft is version %d. Next: columnist draft edit %d%n",
              id, draft.version(), id);
    }
  }

  @Command(
      name = "decline",
      description = "Decline a question; --reply tells the reader (templates/mail/decline.ftl).")
  static final class Decline extends Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--reply", description = "Write to the reader that it will not be published.")
    boolean reply;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the history.")
    String note;

    @Override
    public void run() {
      queue().decline(id, actor.actor(), note, reply);
      out().printf("Declined question %d%s.%n", id, reply ? "; the reader will be told" : "");
    }
  }

  abstract static class SimpleMove extends Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the history.")
    String note;

    abstract Transition transition();

    @Override
    public void run() {
      queue().move(id, transition(), actor.actor(), note);
      out().printf("Question %d is now %s.%n", id, transition().to());
    }
  }

  @Command(
      name = "notice",
      description =
          "Whether the reader is mailed when their column is published (on by default; off when"
              + " they ask not to be told).")
  static final class Notice extends Verb implements Runnable {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Parameters(index = "1", paramLabel = "on|off")
    String value;

    @Override
    public void run() {
      if (!value.equals("on") && !value.equals("off")) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "say 'on' or 'off', not '" + value + "'");
      }
      queue().tellReader(id, value.equals("on"), actor.actor());
      out()
          .printf(
              "Question %d: the reader %s be told when it is published.%n",
              id, value.equals("on") ? "will" : "will not");
    }
  }

  @Command(name = "spam", description = "Mark a question as spam.")
  static final class Spam extends SimpleMove {
    Transition transition() {
      return Transition.SPAM;
    }
  }

  @Command(
      name = "withdraw",
      description = "Withdraw a question (the reader asked otherwise than by mail).")
  static final class Withdraw extends SimpleMove {
    Transition transition() {
      return Transition.WITHDRAW;
    }
  }

  @Command(
      name = "review",
      description = "Submit a draft for review (or take a scheduled one back).")
  static final class Review extends SimpleMove {
    Transition transition() {
      return Transition.REVIEW;
    }
  }

  @Command(
      name = "schedule",
      description = "Schedule publication at a time in the site's time zone.")
  static final class Schedule extends Verb implements Runnable {
    private static final DateTimeFormatter AT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm");

    static LocalDateTime parse(String text) {
      try {
        return LocalDateTime.parse(text.strip(), AT);
      } catch (DateTimeParseException e) {
        throw new ColumnistException("'" + text + "' is not a time like \"2026-12-01 07:00\"");
      }
    }

    static java.time.ZonedDateTime inSiteZone(String text, org.columnist.config.Config config) {
      return parse(text).atZone(config.site().timeZone());
    }

    @Parameters(paramLabel = "ID")
    long id;

    @Option(
        names = "--at",
        required = true,
        paramLabel = "\"YYYY-MM-DD HH:MM\"",
        description = "When, in site.time_zone.")
    String at;

    @Option(
        names = "--override",
        paramLabel = "REASON",
        description = "Publish despite the privacy check's findings, for this reason.")
    String override;

    @Override
    public void run() {
      Instant instant = queue().schedule(id, parse(at), actor.actor(), override);
      out().printf("Scheduled question %d for %s (%s UTC).%n", id, at, instant);
    }
  }

  /** What publish and republish share: the override, and updating index and site after. */
  abstract static class PublishVerb extends Verb implements Runnable {
    @Parameters(paramLabel = "ID")
    long id;

    @Option(
        names = "--override",
        paramLabel = "REASON",
        description = "Publish despite the privacy check's findings, for this reason.")
    String override;

    abstract Publisher.Published publish(Queue queue, String actor);

    @Override
    public void run() {
      Wiring wiring = new Wiring(config.load());
      printPublished(out(), publish(wiring.queue(), actor.actor()));
      rebuildSite(out(), wiring);
    }
  }

  @Command(
      name = "publish",
      description = "Publish now: privacy check, archive file, reader's notice.")
  static final class Publish extends PublishVerb {
    @Override
    Publisher.Published publish(Queue queue, String actor) {
      return queue.publish(id, actor, override);
    }
  }

  @Command(name = "republish", description = "Publish a corrected column again under the same URL.")
  static final class Republish extends PublishVerb {
    @Override
    Publisher.Published publish(Queue queue, String actor) {
      return queue.republish(id, actor, override);
    }
  }

  @Command(name = "merge", description = "Mark question ID a duplicate of INTO_ID.")
  static final class Merge extends Verb implements Runnable {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Parameters(index = "1", paramLabel = "INTO_ID")
    long into;

    @Override
    public void run() {
      queue().merge(id, into, actor.actor());
      out().printf("Merged question %d into %d.%n", id, into);
    }
  }

  static void printPublished(PrintWriter out, Publisher.Published p) {
    out.printf("Published question %d: %s%n  %s%n", p.id(), Paths.display(p.path()), p.url());
    p.overridden().forEach(f -> out.printf("  privacy check overridden for: %s%n", f));
  }

  /** Publishing changes the site: update the index and rebuild what the new column touches. */
  static void rebuildSite(PrintWriter out, Wiring wiring) {
    try (org.columnist.search.SearchIndex index = wiring.searchIndex()) {
      index.update(new org.columnist.archive.Archive(wiring.config.paths().archive()));
    } catch (org.columnist.ColumnistException e) {
      // A running server holds the index and brings it up to date itself.
      out.printf("Search index not updated here: %s%n", e.getMessage());
    }
    org.columnist.site.SiteBuilder.Report report = wiring.buildSite(false);
    out.printf(
        "Site updated: %d pages written to %s%n",
        report.written(), Paths.display(wiring.config.paths().publicDir()));
  }

  static final class States implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return State.ids().iterator();
    }
  }
}
