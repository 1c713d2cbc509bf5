package org.columnist.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.columnist.column.Columns;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.config.TestConfig;
import org.columnist.newsletter.Newsletter;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Newsletter throughput: one column published to N confirmed subscribers (default 10000), then sent
 * by one {@code sendDue} run to an in-process GreenMail relay with the rate limit lifted. Prints
 * messages per second and peak memory; run for 1,000 and 10,000 to see memory stay flat. GreenMail
 * keeps what it receives, so it is emptied every half second to measure the sender, not the relay's
 * store. Run by {@code src/bench/send.sh}.
 */
public final class SendBench {
  private static final String ADDRESS = TestConfig.ADDRESS;

  private SendBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("send-bench");
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor();
    try {
      Config config = TestConfig.aConfig().withSmtp(greenMail.getSmtp().getPort()).loadIn(dir);
      Store store = Store.open(dir.resolve("data/columnist.db"));
      subscribe(store, count);
      Outbox outbox =
          new Outbox(
              store,
              ADDRESS,
              8,
              Clock.systemUTC(),
              new Outbox.Policy(ADDRESS, 1_000_000, (db, address, reply) -> {}, null));
      MailTemplates templates =
          new MailTemplates(new Templates(config.paths().templates()), config);
      Newsletter newsletter =
          new Newsletter(
              config,
              store,
              outbox,
              templates,
              new Subscribers(store, outbox, templates, config, Clock.systemUTC()),
              Clock.systemUTC());
      long queueStart = System.nanoTime();
      publish(store, newsletter);
      double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
      purge.scheduleWithFixedDelay(
          () -> {
            try {
              greenMail.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
              throw new IllegalStateException(e);
            }
          },
          500,
          500,
          TimeUnit.MILLISECONDS);
      System.out.printf("%d subscribers queued in %.2f s; sending...%n", count, queueSeconds);
      long start = System.nanoTime();
      Outbox.SendReport report = outbox.sendDue(config.smtp());
      double seconds = (System.nanoTime() - start) / 1e9;
      if (report.sent() != count) {
        throw new IllegalStateException("sent " + report.sent() + " of " + count);
      }
      System.out.printf(
          "send: %d messages in %.2f s = %.0f messages/s; peak heap %.0f MB, peak RSS %s (GreenMail in the same process)%n",
          count, seconds, count / seconds, Memory.peakHeap() / 1e6, Memory.peakRss());
    } finally {
      purge.shutdownNow();
      greenMail.stop();
    }
  }

  private static void subscribe(Store store, int count) {
    store.inTransaction(
        db -> {
          try (var insert =
              db.prepareStatement(
                  "INSERT INTO subscribers(address, state, source, created_at, confirmed_at)"
                      + " VALUES (?, 'confirmed', 'form', ?, ?)")) {
            String now = java.time.Instant.now().toString();
            for (int i = 0; i < count; i++) {
              insert.setString(1, "subscriber" + i + "@example.com");
              insert.setString(2, now);
              insert.setString(3, now);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  private static void publish(Store store, Newsletter newsletter) {
    store.inTransaction(
        db -> {
          long question =
              Sql.insert(
                  db,
                  "INSERT INTO questions(state, origin, sender_address, subject, body, received_at,"
                      + " updated_at) VALUES ('published', 'coach', 'q@example.com', 'Q', 'Q', ?, ?)",
                  java.time.Instant.now().toString(),
                  java.time.Instant.now().toString());
          newsletter.published(
              db,
              question,
              Columns.aColumn()
                  .withTitle("Managing up")
                  .withQuestion("My manager books meetings over lunch. ".repeat(20))
                  .withAnswer("Lunch is yours to protect. ".repeat(60))
                  .build(),
              "https://column.example/2026/12/managing-up/");
          return null;
        });
  }
}
