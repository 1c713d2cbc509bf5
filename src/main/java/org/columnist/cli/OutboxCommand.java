package org.columnist.cli;

import java.util.List;
import org.columnist.newsletter.Sends;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Mask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "outbox",
    description = "Mail Columnist sends.",
    subcommands = {OutboxCommand.Send.class, OutboxCommand.ListVerb.class})
final class OutboxCommand {

  @Command(name = "send", description = "Send every queued mail that is due, through smtp:.")
  static final class Send implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Override
    public void run() {
      Wiring wiring = new Wiring(config.load());
      Outbox.SendReport report = wiring.outbox().sendDue(wiring.config.requireSmtp());
      spec.commandLine()
          .getOut()
          .printf(
              "Sent %d mails (%d to retry, %d failed).%n",
              report.sent(), report.retrying(), report.failed());
    }
  }

  @Command(
      name = "list",
      description =
          "Every mail in the outbox, newest first: queued, sending (claimed by a sender), sent or"
              + " failed.")
  static final class ListVerb implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--reveal", description = "Show readers' addresses (masked otherwise).")
    boolean reveal;

    @Override
    public void run() {
      Wiring wiring = new Wiring(config.load());
      List<Outbox.Entry> entries =
          wiring.outbox().list().stream()
              .map(e -> reveal ? e : e.withTo(Mask.address(e.to())))
              .toList();
      Listing.print(
          spec.commandLine().getOut(),
          json,
          entries,
          e ->
              String.format(
                  "%5d  %-7s  %-10s  %-30s  %s%s",
                  e.id(),
                  e.state(),
                  e.kind(),
                  Listing.shorten(e.to(), 30),
                  Listing.shorten(e.subject(), 50),
                  "sending".equals(e.state())
                      ? " -- claimed by a sender at " + e.claimedAt()
                      : e.lastError() == null ? "" : " -- " + e.lastError()),
          "The outbox is empty.");
      if (!json) {
        for (Sends.Progress p : wiring.sends().all()) {
          spec.commandLine()
              .getOut()
              .printf(
                  "newsletter send %d (%s): %d recipients, %d sent, %d failed, %d pending"
                      + " -- see 'columnist newsletter status'%n",
                  p.id(),
                  Listing.shorten(p.title(), 40),
                  p.recipients(),
                  p.sent(),
                  p.failed(),
                  p.pending());
        }
      }
    }
  }
}
