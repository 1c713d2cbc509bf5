package org.columnist.cli;

import org.columnist.ColumnistException;
import org.columnist.Counted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "newsletter",
    description = "The newsletter: each published column mailed to its confirmed subscribers.",
    subcommands = {NewsletterCommand.Send.class})
final class NewsletterCommand {

  @Command(
      name = "send",
      description =
          "Send newsletter N although its column grew older than newsletter.max_age before it"
              + " went out (its mail is held until then).")
  static final class Send implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "N", description = "The send's number, as the log names it.")
    long send;

    @Option(names = "--force", description = "Send the held mail after all.")
    boolean force;

    @Override
    public void run() {
      if (!force) {
        throw new ColumnistException(
            "'newsletter send "
                + send
                + "' sends mail held back as too old to be news: say --force to send it anyway");
      }
      int due = new Wiring(config.load()).newsletter().force(send);
      spec.commandLine()
          .getOut()
          .printf(
              "Newsletter #%d: %s due now; the daemon or 'columnist outbox send' sends them.%n",
              send, Counted.of(due, "held mail"));
    }
  }
}
