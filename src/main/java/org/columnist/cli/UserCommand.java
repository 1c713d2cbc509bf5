package org.columnist.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.columnist.ColumnistException;
import org.columnist.web.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "user",
    description = "Editor accounts.",
    subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class})
final class UserCommand {

  abstract static class WithPassword implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--password-stdin",
        description =
            "Read the password from standard input (for scripts) instead of asking twice.")
    boolean stdin;

    char[] password() {
      if (stdin) {
        try {
          String line =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                  .readLine();
          if (line == null) {
            throw new ColumnistException("no password on standard input");
          }
          return line.toCharArray();
        } catch (IOException e) {
          throw new ColumnistException("cannot read the password: " + e.getMessage(), e);
        }
      }
      Console console = System.console();
      if (console == null) {
        throw new ColumnistException("no terminal to ask for the password; use --password-stdin");
      }
      char[] first = console.readPassword("Password for %s: ", name);
      char[] second = console.readPassword("Again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new ColumnistException("the two passwords differ; nothing changed");
      }
      return first;
    }

    Accounts accounts() {
      Wiring wiring = new Wiring(config.load());
      return new Accounts(wiring.store, wiring.clock);
    }
  }

  @Command(
      name = "add",
      description = "Create an editor account (password asked twice, never echoed).")
  static final class Add extends WithPassword {
    @Override
    public void run() {
      accounts().add(name, password());
      spec.commandLine().getOut().printf("Account %s created.%n", name);
    }
  }

  @Command(name = "passwd", description = "Change an account's password.")
  static final class Passwd extends WithPassword {
    @Override
    public void run() {
      accounts().changePassword(name, password());
      spec.commandLine().getOut().printf("Password of %s changed.%n", name);
    }
  }

  @Command(name = "remove", description = "Remove an editor account.")
  static final class Remove implements Runnable {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public void run() {
      Wiring wiring = new Wiring(config.load());
      new Accounts(wiring.store, wiring.clock).remove(name);
      spec.commandLine().getOut().printf("Account %s removed.%n", name);
    }
  }
}
