package org.columnist.cli;

import java.io.PrintWriter;
import java.util.List;
import org.columnist.ColumnistException;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.mail.MimeLeniency;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code columnist} command: one subcommand per verb of DESIGN.md. Every verb, nested or not,
 * inherits {@code --help} (and {@code --version}) from here, so a verb added later has it too.
 */
@Command(
    name = "columnist",
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Runs an advice column by e-mail.")
public final class Main implements Runnable {
  // Each verb's command with everything below it. picocli reads a command's whole tree when it is
  // added, by reflection: all of them took 40 ms of every command's start, so a command line that
  // names a verb gets that verb alone.
  private static final List<Class<?>> VERBS =
      List.of(
          InitCommand.class,
          CheckCommand.class,
          ImportCommand.class,
          PollCommand.class,
          MailCommand.class,
          QueueCommand.class,
          DraftCommand.class,
          PublishDueCommand.class,
          BuildCommand.class,
          IndexCommand.class,
          SearchCommand.class,
          ServeCommand.class,
          UserCommand.class,
          EditorCommand.class,
          RunCommand.class,
          DemoCommand.class,
          OutboxCommand.class,
          SubscribersCommand.class,
          ResponsesCommand.class,
          NewsletterCommand.class,
          DoctorCommand.class);

  public static void main(String[] args) {
    Logging.configure();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, out, err);
    // Autoflush only acts on println: what a verb print()ed must not be lost at exit.
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line and returns its exit code: 0 done, 1 failed (fixable), 2 bad usage. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    MimeLeniency.install();
    CommandLine cli = withVerbs(verbsFor(args));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (!(e instanceof ColumnistException failure)) {
            throw e;
          }
          if (failure instanceof InvalidFileException invalid) {
            for (Problem p : invalid.problems()) {
              err.println(p.format(Paths.display(p.file())));
            }
          } else {
            err.println("columnist: " + failure.getMessage());
          }
          return 1;
        });
    return cli.execute(args);
  }

  /** The verb {@code args} name first, alone; all of them for --help, an unknown verb or none. */
  private static List<Class<?>> verbsFor(String[] args) {
    for (Class<?> verb : VERBS) {
      if (args.length > 0 && verb.getAnnotation(Command.class).name().equals(args[0])) {
        return List.of(verb);
      }
    }
    return VERBS;
  }

  /** The whole command tree: every verb, and every verb below it. */
  static CommandLine tree() {
    return withVerbs(VERBS);
  }

  private static CommandLine withVerbs(List<Class<?>> verbs) {
    CommandLine cli = new CommandLine(new Main());
    verbs.forEach(cli::addSubcommand);
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Missing a verb: try 'columnist --help'");
  }
}
