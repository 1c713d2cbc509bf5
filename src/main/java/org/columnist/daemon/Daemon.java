package org.columnist.daemon;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.columnist.ColumnistException;
import org.columnist.config.Config;
import org.columnist.mail.Intake;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Publisher;
import org.columnist.queue.Queue;
import org.columnist.store.Store;
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
public final class Daemon implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("daemon");

  /**
   * What the daemon runs, built by the composition root. {@code watch} opens the index and the
   * site; {@code intake} is asked for only when the config has a mailbox.
   */
  public record Parts(
      Config config,
      Store store,
      Clock clock,
      Queue queue,
      Outbox outbox,
      Supplier<Intake> intake,
      Supplier<ArchiveWatch> watch,
      Subscribers subscribers,
      PublicServer.Forms forms) {}

  /** The least time between two site builds for readers' votes: a burst is one build. */
  static final Duration READERS_GAP = Duration.ofSeconds(5);

  private final Parts parts;
  private final Health health;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Timers timers = new Timers(2);

  /**
   * The outbox on a thread of its own: a newsletter to thousands takes minutes at the relay's rate,
   * and must not hold up publish-due or the archive watch meanwhile.
   */
  private final Timers sender = new Timers(1);

  private final Duration watchEvery;
  private ArchiveWatch watch;
  private PublicServer publicServer;
  private EditorServer editor;
  private Intake intake;
  private Thread intakeThread;

  public Daemon(Parts parts) {
    this(parts, Duration.ofSeconds(10));
  }

  /** The same, watching the archive every {@code watchEvery}. */
  Daemon(Parts parts, Duration watchEvery) {
    this.parts = parts;
    this.health = new Health(parts.clock());
    this.watchEvery = watchEvery;
  }

  /** Starts every part; the ports are the config's unless given. */
  public void start(String publicHost, int publicPort, String editorHost, int editorPort) {
    watch = parts.watch().get();
    publicServer =
        listen(
            "public server",
            () ->
                new PublicServer(
                        parts.config(),
                        watch.index(),
                        health,
                        parts.forms().whenReadersChange(readersChanged()))
                    .start(publicHost, publicPort),
            publicHost,
            publicPort);
    health.ok("public", "http://" + publicHost + ":" + publicServer.port() + "/");
    Accounts accounts = new Accounts(parts.store(), parts.clock());
    editor =
        listen(
            "editor",
            () ->
                new EditorServer(
                        parts.config(),
                        parts.store(),
                        parts.queue(),
                        parts.outbox(),
                        parts.subscribers(),
                        accounts,
                        watch::refreshSite,
                        parts.clock(),
                        health)
                    .start(editorHost, editorPort),
            editorHost,
            editorPort);
    health.ok("editor", "http://" + editorHost + ":" + editor.port() + "/");
    if (parts.config().mailbox() != null) {
      intake = parts.intake().get();
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
    timers.every(
        "publish-due",
        Duration.ZERO,
        Duration.ofMinutes(1),
        this::publishDue,
        failing("scheduler"));
    timers.every(
        Housekeeping.WHAT,
        Housekeeping.FIRST,
        Housekeeping.EVERY,
        new Housekeeping(parts.forms(), parts.subscribers(), watch)::run,
        failing("newsletter"));
    timers.every(
        "archive watch",
        watchEvery,
        watchEvery,
        () -> {
          watch.refresh();
          health.ok("index", "up to date with the archive");
        },
        failing("index"));
    if (parts.config().smtp() != null) {
      Outbox outbox = parts.outbox();
      sender.every(
          "outbox",
          Duration.ofSeconds(2),
          Duration.ofSeconds(15),
          () -> sendMail(outbox),
          failing("outbox"));
    } else {
      health.failing("outbox", "no 'smtp:' section in the config: mail waits in the outbox");
    }
  }

  /** A site build for what readers changed, coalesced: at most one each {@link #READERS_GAP}. */
  private Coalesced readersChanged() {
    return new Coalesced(
        watch::refreshSite,
        READERS_GAP,
        (delay, task) -> timers.once("site build for readers", delay, task, failing("site")));
  }

  /** Reports a failed run of {@code part}: the reason of an expected failure, else the bug. */
  private java.util.function.Consumer<Throwable> failing(String part) {
    return e ->
        health.failing(
            part,
            e instanceof ColumnistException
                ? e.getMessage()
                : "a bug (" + e + "); the log has its stack trace");
  }

  public int publicPort() {
    return publicServer.port();
  }

  public int editorPort() {
    return editor.port();
  }

  private void publishDue() {
    List<Publisher.Result> results = parts.queue().publishDue("scheduler", Instant.now());
    List<java.nio.file.Path> written =
        results.stream().filter(r -> r.published() != null).map(r -> r.published().path()).toList();
    if (!written.isEmpty()) {
      watch.refreshSite(written);
    }
    long blocked = results.stream().filter(r -> r.published() == null).count();
    if (blocked > 0) {
      health.failing(
          "scheduler", blocked + " scheduled columns could not be published; see the log");
    } else {
      health.ok("scheduler", "checked at " + Instant.now());
    }
  }

  private void sendMail(Outbox outbox) {
    Outbox.SendReport report = outbox.sendDue(parts.config().smtp(), stopping::get);
    if (report.paused() != null) {
      health.failing("outbox", "sending paused: " + report.paused());
    } else if (report.retrying() + report.failed() > 0 && report.sent() == 0) {
      health.failing(
          "outbox",
          report.retrying()
              + " waiting to be retried, "
              + report.failed()
              + " failed; see 'columnist outbox list'");
    } else {
      health.ok("outbox", "last round sent " + report.sent());
    }
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
  public void awaitShutdown(PrintWriter out) {
    Shutdown.await(out, this::close);
  }

  /**
   * Stops the parts in order: intake commits the message in hand, the timers finish their runs, the
   * servers close, and last the index. No lock is held while waiting for a part, so a timer run in
   * progress can take the lock it needs and end.
   */
  @Override
  public void close() {
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
    timers.close();
    sender.close();
    if (editor != null) {
      editor.close();
    }
    if (publicServer != null) {
      publicServer.close();
    }
    if (watch != null) {
      watch.close();
    }
    LOG.log(System.Logger.Level.INFO, "stopped");
  }
}
