package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.cli.CliTest.columnist;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every verb of the command tree, nested or not, takes --help, as the README promises. */
class HelpTest {

  /** Every command below {@code columnist}, as the words a user types: a verb added later too. */
  static Stream<String> verbs() {
    List<String> verbs = new ArrayList<>();
    collect(Main.tree(), verbs);
    return verbs.stream();
  }

  private static void collect(CommandLine command, List<String> into) {
    for (CommandLine sub : command.getSubcommands().values()) {
      into.add(sub.getCommandSpec().qualifiedName(" ").replaceFirst("^columnist ", ""));
      collect(sub, into);
    }
  }

  @ParameterizedTest(name = "columnist {0} --help")
  @MethodSource("verbs")
  void everyVerbPrintsItsUsageForHelp(String verb) {
    List<String> args = new ArrayList<>(List.of(verb.split(" ")));
    args.add("--help");
    CliTest.Result help = columnist(args.toArray(String[]::new));
    assertThat(help.err()).isEmpty();
    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: columnist " + verb);
  }

  @ParameterizedTest(name = "columnist {0} -h")
  @MethodSource("verbs")
  void everyVerbPrintsItsUsageForTheShortOption(String verb) {
    List<String> args = new ArrayList<>(List.of(verb.split(" ")));
    args.add("-h");
    assertThat(columnist(args.toArray(String[]::new)).out()).startsWith("Usage: columnist " + verb);
  }

  @org.junit.jupiter.api.Test
  void theTreeHoldsTheNestedVerbs() {
    assertThat(verbs()).contains("draft", "draft edit", "mail log", "queue publish", "demo send");
  }
}
