package org.columnist.cli;

import org.columnist.daemon.Shutdown;
import org.columnist.web.Accounts;
import org.columnist.web.EditorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "editor",
    description = "Run the coach's web editor (server.editor, default 127.0.0.1:8081).")
final class EditorCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    Accounts accounts = new Accounts(wiring.store, wiring.clock);
    if (accounts.names().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("editor: there is no account yet; create one with 'columnist user add NAME'");
    }
    EditorServer server =
        new EditorServer(
            wiring.config,
            wiring.store,
            wiring.queue(),
            wiring.outbox(),
            wiring.subscribers(),
            accounts,
            files -> QueueCommand.rebuildSite(spec.commandLine().getOut(), wiring),
            wiring.clock);
    try {
      server.start(wiring.config.server().editorHost(), wiring.config.server().editorPort());
    } catch (RuntimeException e) {
      throw new org.columnist.ColumnistException(
          "cannot listen on "
              + wiring.config.server().editorHost()
              + ":"
              + wiring.config.server().editorPort()
              + " ("
              + e.getMessage()
              + "); is it taken? Set server.editor in the config");
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Editor at http://%s:%d/ (Ctrl-C stops)%n",
            wiring.config.server().editorHost(), server.port());
    Shutdown.await(spec.commandLine().getOut(), server::close);
  }
}
