package org.columnist.cli;

import java.util.List;
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
    subcommands = {NewsletterCommand.Status.class, NewsletterCommand.Send.class})
final class NewsletterCommand {

  @Command(
      name = "status",
      description = "Each send, newest first: recipients, sent, failed, pending, rate.")
  static final class Status implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** A send as {@code status} shows it, with the configured and the achieved rate. */
    record Shown(
        long id,
        String title,
        String createdAt,
        int recipients,
        int sent,
        int failed,
        int pending,
        int held,
        int cancelled,
        int ratePerMinute,
        Double achievedPerMinute) {}

    @Override
    public void run() {
      Wiring wiring = new Wiring(config.load());
      int rate = wiring.config.newsletter().ratePerMinute();
      List<Shown> sends =
          wiring.sends().all().stream()
              .map(
                  p ->
                      new Shown(
                          p.id(),
                          p.title(),
                          p.createdAt(),
                          p.recipients(),
                          p.sent(),
                          p.failed(),
                          p.pending(),
                          p.held(),
                          p.cancelled(),
                          rate,
                          p.achievedPerMinute()))
              .toList();
      Listing.print(
          spec.commandLine().getOut(),
          json,
          sends,
          Status::line,
          "No newsletter sends yet: one is made when a column is published.");
    }

    static String line(Shown s) {
      return String.format(
          "%4d  %-40s  %s%n      %d recipients: %d sent, %d failed, %d pending%s, %d cancelled;"
              + " rate %d/min%s",
          s.id(),
          Listing.shorten(s.title(), 40),
          s.createdAt(),
          s.recipients(),
          s.sent(),
          s.failed(),
          s.pending(),
          s.held() > 0
              ? " ("
                  + s.held()
                  + " held: the column is too old; 'columnist newsletter send "
                  + s.id()
                  + " --force' sends them)"
              : "",
          s.cancelled(),
          s.ratePerMinute(),
          s.achievedPerMinute() == null
              ? ""
              : String.format(", achieved %.0f/min", s.achievedPerMinute()));
    }
  }

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
