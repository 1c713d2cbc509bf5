package org.columnist.cli;

import org.columnist.daemon.Daemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    description = "The daemon: intake, scheduler, outbox, public server and editor in one process.")
final class RunCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    var server = wiring.config.server();
    Daemon daemon = new Daemon(wiring.daemonParts(() -> {}));
    try {
      daemon.start(
          server.publicHost(), server.publicPort(), server.editorHost(), server.editorPort());
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Columnist is running: site and search at http://%s:%d/, editor at http://%s:%d/. SIGTERM or Ctrl-C stops it.%n",
            server.publicHost(), daemon.publicPort(), server.editorHost(), daemon.editorPort());
    daemon.awaitShutdown(spec.commandLine().getOut());
  }
}
