package org.columnist.cli;

import java.time.Duration;
import org.columnist.ColumnistException;
import org.columnist.daemon.ArchiveWatch;
import org.columnist.daemon.Coalesced;
import org.columnist.daemon.Housekeeping;
import org.columnist.daemon.Shutdown;
import org.columnist.daemon.Timers;
import org.columnist.web.PublicServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description =
        "Serve the site in public/ with search (server.public, default 127.0.0.1:8080), keeping"
            + " both up to date with the archive.")
final class ServeCommand implements Runnable {
  /** How often the archive is looked at for columns published from the command line. */
  static final Duration WATCH_EVERY = Duration.ofSeconds(10);

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    ArchiveWatch watch = wiring.archiveWatch(() -> {});
    Timers timers = new Timers(1);
    Coalesced readersChanged =
        new Coalesced(
            watch::refreshSite,
            WATCH_EVERY,
            (delay, task) -> timers.once("site build for readers", delay, task, e -> {}));
    PublicServer.Forms forms = wiring.publicForms().whenReadersChange(readersChanged);
    PublicServer server = new PublicServer(wiring.config, watch.index(), null, forms);
    try {
      server.start(wiring.config.server().publicHost(), wiring.config.server().publicPort());
    } catch (RuntimeException e) {
      timers.close();
      watch.close();
      throw new ColumnistException(
          "cannot listen on "
              + wiring.config.server().publicHost()
              + ":"
              + wiring.config.server().publicPort()
              + " ("
              + e.getMessage()
              + "); is it taken? Set server.public in the config");
    }
    timers.every("archive watch", WATCH_EVERY, WATCH_EVERY, watch::refresh, e -> {});
    timers.every(
        Housekeeping.WHAT,
        Housekeeping.FIRST,
        Housekeeping.EVERY,
        new Housekeeping(forms, wiring.subscribers(), watch)::run,
        e -> {});
    spec.commandLine()
        .getOut()
        .printf(
            "Serving %s with search at http://%s:%d/, updated within %d s of a column published"
                + " from the command line (Ctrl-C stops)%n",
            Paths.display(wiring.config.paths().publicDir()),
            wiring.config.server().publicHost(),
            server.port(),
            WATCH_EVERY.toSeconds());
    Shutdown.await(
        spec.commandLine().getOut(),
        () -> {
          timers.close();
          server.close();
          watch.close();
        });
  }
}
