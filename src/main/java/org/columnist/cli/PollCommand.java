package org.columnist.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.columnist.Counted;
import org.columnist.daemon.Timers;
import org.columnist.mail.Intake;
import org.columnist.outbox.Outbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "poll",
    description =
        "Take readers' mail in from the mailbox (IMAP or POP3) and send what the outbox holds.")
final class PollCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(
      names = "--once",
      description = "One pass, then exit (default: keep polling, with IMAP IDLE where offered).")
  boolean once;

  @Override
  public void run() {
    Wiring wiring = new Wiring(config.load());
    Intake intake = wiring.intake();
    Outbox outbox = wiring.outbox();
    if (once) {
      Intake.PollReport report = intake.pollOnce();
      Outbox.SendReport sent =
          wiring.config.smtp() == null
              ? new Outbox.SendReport(0, 0, 0)
              : outbox.sendDue(wiring.config.smtp());
      spec.commandLine()
          .getOut()
          .printf(
              "Took in %s (%s; %d taken in before). Sent %s (%d to retry, %d failed).%n",
              Counted.of(report.taken(), "message"),
              Counted.of(report.questions(), "new question"),
              report.alreadyTaken(),
              Counted.of(sent.sent(), "mail"),
              sent.retrying(),
              sent.failed());
      return;
    }
    AtomicBoolean stop = new AtomicBoolean();
    // The hook waits for the loop, not for the main thread: after run() the main thread calls
    // System.exit, which waits for this very hook, so joining it would wait out the timeout.
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.set(true);
                  try {
                    finished.await(30, TimeUnit.SECONDS); // let the message in hand commit
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    try (Timers sender = new Timers(1)) {
      if (wiring.config.smtp() != null) {
        sender.every(
            "outbox",
            Duration.ZERO,
            Duration.ofSeconds(30),
            () -> outbox.sendDue(wiring.config.smtp()),
            e -> {});
      }
      intake.runContinuously(stop::get);
    } finally {
      finished.countDown();
    }
  }
}
