package org.columnist.cli;

import java.util.List;
import org.columnist.queue.Mask;
import org.columnist.responses.Moderation;
import org.columnist.responses.PageChanged;
import org.columnist.responses.ResponseRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "responses",
    description = "Readers' responses under columns: list, approve, reject, spam.",
    subcommands = {
      ResponsesCommand.ListVerb.class,
      ResponsesCommand.Approve.class,
      ResponsesCommand.Reject.class,
      ResponsesCommand.Spam.class
    })
final class ResponsesCommand {

  /** A response as {@code list} shows it: the address masked, as on the editor's page. */
  record Shown(
      long id,
      String slug,
      String state,
      String name,
      String address,
      String confirmedAt,
      String decidedBy,
      String body,
      String reply) {
    static Shown of(ResponseRow r) {
      return new Shown(
          r.id(),
          r.slug(),
          r.state(),
          r.name(),
          Mask.address(r.address()),
          r.confirmedAt(),
          r.decidedBy(),
          r.body(),
          r.reply());
    }
  }

  @Command(
      name = "list",
      description = "Confirmed responses, waiting ones first, addresses masked (as the editor).")
  static final class ListVerb implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public void run() {
      List<Shown> shown =
          new Wiring(config.load())
              .moderation(PageChanged.NOTHING).list().stream().map(Shown::of).toList();
      Listing.print(
          spec.commandLine().getOut(),
          json,
          shown,
          s ->
              String.format(
                  "%5d  %-8s  %-24s  %-20s  %s",
                  s.id(),
                  s.state(),
                  Listing.shorten(s.slug(), 24),
                  Listing.shorten(s.name(), 20),
                  Listing.shorten(s.body().replaceAll("\\s+", " "), 60)),
          "No responses yet.");
    }
  }

  /** One decision on one response, then the site built again. */
  abstract static class Decide implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin ActorOption actor;

    @Option(names = "--json", description = "Print the response as one JSON document.")
    boolean json;

    @Parameters(paramLabel = "ID")
    long id;

    abstract Moderation.Decision decision();

    @Override
    public void run() {
      Wiring wiring = new Wiring(config.load());
      ResponseRow row =
          wiring.moderation(wiring.rebuildsSite()).decide(id, decision(), actor.actor());
      if (json) {
        Json.print(spec.commandLine().getOut(), Shown.of(row));
      } else {
        spec.commandLine()
            .getOut()
            .printf("Response #%d is %s; the site is up to date.%n", row.id(), row.state());
      }
    }
  }

  @Command(name = "approve", description = "Show a response under its column.")
  static final class Approve extends Decide {
    @Override
    Moderation.Decision decision() {
      return Moderation.Decision.APPROVE;
    }
  }

  @Command(name = "reject", description = "Do not show a response (or no longer).")
  static final class Reject extends Decide {
    @Override
    Moderation.Decision decision() {
      return Moderation.Decision.REJECT;
    }
  }

  @Command(name = "spam", description = "Mark a response as spam: never shown.")
  static final class Spam extends Decide {
    @Override
    Moderation.Decision decision() {
      return Moderation.Decision.SPAM;
    }
  }
}
