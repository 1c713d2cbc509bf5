package org.columnist.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.columnist.ColumnistException;
import org.columnist.newsletter.Import;
import org.columnist.newsletter.Roster;
import org.columnist.newsletter.Subscribers.State;
import org.columnist.newsletter.Subscribers.Subscriber;
import org.columnist.queue.Mask;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "subscribers",
    description = "The newsletter's subscribers: list, add, remove, reactivate, export, import.",
    subcommands = {
      SubscribersCommand.ListVerb.class,
      SubscribersCommand.Add.class,
      SubscribersCommand.Remove.class,
      SubscribersCommand.Reactivate.class,
      SubscribersCommand.Export.class,
      SubscribersCommand.ImportVerb.class
    })
final class SubscribersCommand {
  /** More than a terminal can show is a job for {@code export}. */
  private static final int LIST_LIMIT = 10_000;

  /** "confirmed", "Confirmed" or "CONFIRMED" for {@code --state}. */
  static final class StateWord implements ITypeConverter<State> {
    @Override
    public State convert(String value) {
      try {
        return State.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a state: pending, confirmed, unsubscribed or suppressed");
      }
    }
  }

  /** {@code --state S}: only the subscribers in one state. */
  static final class StateFilter {
    @Option(names = "--state", converter = StateWord.class, description = "Only this state.")
    State state;

    Optional<State> state() {
      return Optional.ofNullable(state);
    }
  }

  @Command(
      name = "list",
      description = "Subscribers, oldest first, addresses masked unless --reveal.")
  static final class ListVerb implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Mixin StateFilter filter;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--reveal", description = "Show addresses in full (masked otherwise).")
    boolean reveal;

    @Override
    public void run() {
      List<Shown> shown =
          new Wiring(config.load())
              .roster().list(filter.state(), LIST_LIMIT).stream()
                  .map(s -> Shown.of(s, reveal))
                  .toList();
      Listing.print(
          spec.commandLine().getOut(),
          json,
          shown,
          s ->
              String.format(
                  "%5d  %-12s  %-6s  %-32s  since %s",
                  s.id(),
                  s.state(),
                  s.source(),
                  Listing.shorten(s.address(), 32),
                  s.confirmedAt() != null ? s.confirmedAt() : s.createdAt()),
          filter.state().map(s -> "No " + s.id() + " subscribers.").orElse("No subscribers yet."));
    }
  }

  /**
   * A subscriber as {@code list} shows it, the address masked unless revealed; {@code leftAt} is
   * when it unsubscribed or was suppressed, {@code why} the suppression's reason.
   */
  record Shown(
      long id,
      String address,
      String state,
      String source,
      String createdAt,
      String confirmedAt,
      String leftAt,
      String why) {
    static Shown of(Subscriber s, boolean reveal) {
      return new Shown(
          s.id(),
          reveal ? s.address() : Mask.address(s.address()),
          s.state().id(),
          s.source(),
          s.createdAt(),
          s.confirmedAt(),
          s.suppressedAt() != null ? s.suppressedAt() : s.unsubscribedAt(),
          reveal ? s.suppressedReason() : Mask.addressesIn(s.suppressedReason()));
    }
  }

  @Command(
      name = "add",
      description = "Add an address as pending and mail it a confirmation link, as the form does.")
  static final class Add implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "ADDRESS")
    String address;

    @Override
    public void run() {
      Roster.Added added = new Wiring(config.load()).roster().add(address);
      String shown = added.subscriber() == null ? address : added.subscriber().address();
      spec.commandLine()
          .getOut()
          .println(
              switch (added.requested()) {
                case CONFIRMATION_SENT ->
                    "Added " + shown + " as pending: a confirmation mail is queued.";
                case ONE_A_DAY ->
                    shown
                        + " is pending; a confirmation went less than a day ago, so no other"
                        + " is sent today.";
                case ALREADY_CONFIRMED -> shown + " is already confirmed: left as it is.";
                case REFUSED ->
                    shown + " is a robot's or the column's own address: nothing stored.";
              });
    }
  }

  @Command(name = "remove", description = "Unsubscribe an address at once (how: coach).")
  static final class Remove implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "ADDRESS")
    String address;

    @Override
    public void run() {
      if (!new Wiring(config.load()).roster().remove(address)) {
        throw new ColumnistException(address + " is not subscribed");
      }
      spec.commandLine()
          .getOut()
          .println(
              "Unsubscribed " + address + "; newsletter mail not yet sent to it is cancelled.");
    }
  }

  @Command(
      name = "reactivate",
      description = "Bring a suppressed address back to confirmed, for a reason.")
  static final class Reactivate implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "ADDRESS")
    String address;

    @Option(names = "--reason", description = "Why it may be mailed again (kept in its history).")
    String reason;

    @Override
    public void run() {
      Subscriber s = new Wiring(config.load()).roster().reactivate(address, reason);
      spec.commandLine().getOut().println("Reactivated " + s.address() + ": confirmed again.");
    }
  }

  @Command(
      name = "export",
      description =
          "Print subscribers as CSV (address,state,source,created_at,confirmed_at), in full.")
  static final class Export implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Mixin StateFilter filter;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      new Wiring(config.load()).roster().exportCsv(filter.state(), out);
      out.flush();
    }
  }

  @Command(
      name = "import",
      description =
          "Take in a CSV exported from another service; pending (no mail) unless --confirmed.")
  static final class ImportVerb implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Option(
        names = "--confirmed",
        description = "They confirmed elsewhere: import them as confirmed (needs --reason).")
    boolean confirmed;

    @Option(names = "--reason", description = "Where and how they confirmed (kept in history).")
    String reason;

    @Override
    public void run() {
      Import.Mode mode = new Import.Mode(confirmed, reason);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Import.Report report;
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        report =
            new Import(new Wiring(config.load()).roster())
                .run(file, in, mode, done -> err.printf("  %,d lines read…%n", done));
      } catch (NoSuchFileException e) {
        throw new ColumnistException("no such file: " + file, e);
      } catch (IOException e) {
        throw new ColumnistException("cannot read " + file + ": " + e.getMessage(), e);
      }
      report.invalid().forEach(p -> err.println(p.format(Paths.display(p.file()))));
      out.printf(
          "Imported %s: %d added, %d already there (left as they were), %d invalid.%n",
          Paths.display(file), report.added(), report.alreadyThere(), report.invalid().size());
      if (!confirmed && report.added() > 0) {
        out.println(
            "The added are pending and were sent nothing. To confirm them, invite them to your"
                + " subscribe form: each one who fills it in gets a confirmation mail and is"
                + " confirmed by its link. (Importing again changes no address already here.)");
      }
    }
  }
}
