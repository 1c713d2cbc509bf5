package org.columnist.cli;

import java.util.List;
import org.columnist.mail.MailLog;
import org.columnist.queue.Mask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "mail",
    description = "What intake took in.",
    subcommands = {MailCommand.Log.class})
final class MailCommand {

  @Command(name = "log", description = "Every fetched message with its outcome, newest first.")
  static final class Log implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--reveal", description = "Show readers' addresses (masked otherwise).")
    boolean reveal;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "100",
        description = "At most N messages (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public void run() {
      List<MailLog.Entry> entries =
          new MailLog(new Wiring(config.load()).store)
              .list(limit).stream()
                  .map(e -> reveal ? e : e.withSender(Mask.address(e.sender())))
                  .toList();
      Listing.print(
          spec.commandLine().getOut(),
          json,
          entries,
          e ->
              String.format(
                  "%5d  %s  %-10s  %-30s  %s -- %s",
                  e.id(),
                  e.fetchedAt(),
                  e.outcome(),
                  Listing.shorten(e.sender(), 30),
                  Listing.shorten(e.subject(), 40),
                  e.reason()),
          "No mail taken in yet.");
    }
  }
}
