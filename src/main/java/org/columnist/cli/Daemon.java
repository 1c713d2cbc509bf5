package org.columnist.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.columnist.ColumnistException;
import org.columnist.archive.Archive;
import org.columnist.mail.Intake;
import org.columnist.mail.Outbox;
import org.columnist.queue.Publisher;
import org.columnist.search.SearchIndex;
import org.columnist.site.SiteBuilder;
import org.columnist.web.Accounts;
import org.columnist.web.EditorServer;
import org.columnist.web.Health;
import org.columnist.web.PublicServer;

/**
 * Every long-running part in one process: intake, the scheduler (publish-due each minute), the
 * outbox sender, the public server and the editor. A failing part is retried and reported in {@code
 * /healthz} while the rest keeps serving; {@link #close} stops them in order, letting intake commit
 * the message in hand.
 */
final class Daemon implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("daemon");

  private final Wiring wiring;
  private final Health health;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private final Archive archive;
  private SearchIndex index;
  private PublicServer publicServer;
  private EditorServer editor;
  private Intake intake;
  private Thread intakeThread;

  Daemon(Wiring wiring) {
    this.wiring = wiring;
    this.health = new Health(wiring.clock);
    this.archive = new Archive(wiring.config.paths().archive());
  }

  /** Starts every part; the ports are the config's unless given. */
  void start(String publicHost, int publicPort, String editorHost, int editorPort) {
    index = wiring.searchIndex();
    index.update(archive);
    site().build(false);
    publicServer =
        listen(
            "public server",
            () -> new PublicServer(wiring.config, index, health).start(publicHost, publicPort),
            publicHost,
            publicPort);
    health.ok("public", "http://" + publicHost + ":" + publicServer.port() + "/");
    Accounts accounts = new Accounts(wiring.store, wiring.clock);
    editor =
        listen(
            "editor",
            () ->
                new EditorServer(
                        wiring.config,
                        wiring.store,
                        wiring.queue(),
                        accounts,
                        this::refresh,
                        wiring.clock,
                        health)
                    .start(editorHost, editorPort),
            editorHost,
            editorPort);
    health.ok("editor", "http://" + editorHost + ":" + editor.port() + "/");
    if (wiring.config.mailbox() != null) {
      intake = wiring.intake();
      intakeThread =
          new Thread(
              () ->
                  intake.runContinuously(
                      stopping::get,
                      (ok, detail) -> {
                        if (ok) {
                          health.ok("intake", detail);
                        } else {
                          health.failing("intake", detail);
                        }
                      }),
              "intake");
      intakeThread.start();
    } else {
      health.failing("intake", "no 'mail:' section in the config");
    }
    timers.scheduleWithFixedDelay(this::publishDue, 0, 60, TimeUnit.SECONDS);
    timers.scheduleWithFixedDelay(this::watchArchive, 10, 10, TimeUnit.SECONDS);
    if (wiring.config.smtp() != null) {
      Outbox outbox = wiring.outbox();
      timers.scheduleWithFixedDelay(() -> sendMail(outbox), 2, 30, TimeUnit.SECONDS);
    } else {
      health.failing("outbox", "no 'smtp:' section in the config: mail waits in the outbox");
    }
  }

  int publicPort() {
    return publicServer.port();
  }

  int editorPort() {
    return editor.port();
  }

  private void publishDue() {
    try {
      List<Publisher.Result> results = wiring.queue().publishDue("scheduler", Instant.now());
      if (results.stream().anyMatch(r -> r.published() != null)) {
        refresh();
      }
      long blocked = results.stream().filter(r -> r.published() == null).count();
      if (blocked > 0) {
        health.failing(
            "scheduler", blocked + " scheduled columns could not be published; see the log");
      } else {
        health.ok("scheduler", "checked at " + Instant.now());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "publish-due failed: " + e.getMessage());
      health.failing("scheduler", e.getMessage());
    }
  }

  private void sendMail(Outbox outbox) {
    try {
      Outbox.SendReport report = outbox.sendDue(wiring.config.smtp());
      if (report.retrying() + report.failed() > 0 && report.sent() == 0) {
        health.failing(
            "outbox",
            report.retrying()
                + " waiting to be retried, "
                + report.failed()
                + " failed; see 'columnist outbox list'");
      } else {
        health.ok("outbox", "last round sent " + report.sent());
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "outbox failed: " + e.getMessage());
      health.failing("outbox", e.getMessage());
    }
  }

  /**
   * Columns published by another process (the CLI) change the archive under this one, which holds
   * the index: pick them up every few seconds.
   */
  private void watchArchive() {
    try {
      SearchIndex.UpdateReport r;
      synchronized (this) {
        r = index.update(archive);
        if (r.added() + r.updated() + r.deleted() > 0) {
          site().build(false);
        }
      }
      health.ok("index", "up to date with the archive");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "index update failed: " + e.getMessage());
      health.failing("index", e.getMessage());
    }
  }

  /** After a publication: the index first, then the site (whose pages list related columns). */
  private synchronized void refresh() {
    index.update(archive);
    site().build(false);
  }

  private SiteBuilder site() {
    return new SiteBuilder(
        wiring.config,
        archive,
        slug ->
            index.related(slug, 4).stream()
                .map(h -> new SiteBuilder.Related(h.title(), h.path()))
                .toList());
  }

  private static <T> T listen(
      String what, java.util.function.Supplier<T> start, String host, int port) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      throw new ColumnistException(
          "the "
              + what
              + " cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + rootMessage(e)
              + "): is the port taken? Choose another");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Waits until the process is told to stop (SIGTERM, SIGINT), then stops everything. */
  void awaitShutdown(PrintWriter out) {
    Shutdown.await(out, this::close);
  }

  @Override
  public synchronized void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.log(System.Logger.Level.INFO, "stopping: finishing the message in hand");
    if (intake != null) {
      intake.wake();
      try {
        intakeThread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    timers.shutdown();
    try {
      timers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (editor != null) {
      editor.close();
    }
    if (publicServer != null) {
      publicServer.close();
    }
    if (index != null) {
      index.close();
    }
    LOG.log(System.Logger.Level.INFO, "stopped");
  }
}
