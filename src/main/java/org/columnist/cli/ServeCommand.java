package org.columnist.cli;

import org.columnist.archive.Archive;
import org.columnist.search.SearchIndex;
import org.columnist.web.PublicServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description = "Serve the site in public/ with search (server.public, default 127.0.0.1:8080).")
final class ServeCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    SearchIndex index = wiring.searchIndex();
    index.update(new Archive(wiring.config.paths().archive()));
    PublicServer server = new PublicServer(wiring.config, index);
    try {
      server.start(wiring.config.server().publicHost(), wiring.config.server().publicPort());
    } catch (RuntimeException e) {
      index.close();
      throw new org.columnist.ColumnistException(
          "cannot listen on "
              + wiring.config.server().publicHost()
              + ":"
              + wiring.config.server().publicPort()
              + " ("
              + e.getMessage()
              + "); is it taken? Set server.public in the config");
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Serving %s with search at http://%s:%d/ (Ctrl-C stops)%n",
            Paths.display(wiring.config.paths().publicDir()),
            wiring.config.server().publicHost(),
            server.port());
    Shutdown.await(
        spec.commandLine().getOut(),
        () -> {
          server.close();
          index.close();
        });
  }
}
