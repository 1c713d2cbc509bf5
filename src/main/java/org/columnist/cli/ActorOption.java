package org.columnist.cli;

import picocli.CommandLine.Option;

/** {@code --as NAME}: who the audit log says acted (default: cli:$USER). */
final class ActorOption {
  @Option(
      names = "--as",
      paramLabel = "NAME",
      description = "Who is acting, for the history (default: cli:$USER).")
  String as;

  String actor() {
    return Wiring.actor(as);
  }
}
