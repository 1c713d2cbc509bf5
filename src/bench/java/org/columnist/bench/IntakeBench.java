package org.columnist.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.Random;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.config.TestConfig;
import org.columnist.mail.Intake;
import org.columnist.mail.MimeLeniency;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Arrivals;
import org.columnist.store.Store;

/**
 * Intake throughput: N generated questions in a GreenMail IMAP mailbox, taken in by one {@code poll
 * --once} pass (fetch, parse, classify, commit with an acknowledgement queued, move). Prints
 * messages per second and peak memory. Run by {@code src/bench/intake.sh}.
 */
public final class IntakeBench {
  private static final String ADDRESS = TestConfig.ADDRESS;

  private IntakeBench() {}

  public static void main(String[] args) throws Exception {
    MimeLeniency.install();
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("intake-bench");
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    greenMail.start();
    try {
      GreenMailUser user = greenMail.setUser(ADDRESS, ADDRESS, TestConfig.PASSWORD);
      Random random = new Random(1);
      Session session = Session.getInstance(new Properties());
      for (int i = 0; i < count; i++) {
        user.deliver(new MimeMessage(session, new ByteArrayInputStream(question(i, random))));
      }
      Config config = config(dir, greenMail.getImap().getPort());
      Store store = Store.open(dir.resolve("data/columnist.db"));
      Outbox outbox = new Outbox(store, ADDRESS, 8, Clock.systemUTC());
      MailTemplates templates = new MailTemplates(new Templates(dir.resolve("templates")), config);
      Intake intake =
          new Intake(
              config.requireMailbox(),
              store,
              new Arrivals(Clock.systemUTC()),
              new Subscribers(store, outbox, templates, config, Clock.systemUTC()),
              outbox,
              templates,
              ADDRESS,
              Clock.systemUTC());
      System.out.printf("%d messages in the mailbox; taking them in over IMAP...%n", count);
      long start = System.nanoTime();
      Intake.PollReport report = intake.pollOnce();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (report.taken() != count) {
        throw new IllegalStateException("took in " + report.taken() + " of " + count);
      }
      System.out.printf(
          "intake: %d messages in %.2f s = %.0f messages/s; peak heap %.0f MB, peak RSS %s (GreenMail in the same process)%n",
          count, seconds, count / seconds, Memory.peakHeap() / 1e6, Memory.peakRss());
    } finally {
      greenMail.stop();
    }
  }

  private static byte[] question(int i, Random random) {
    String[] topics = {"my manager", "a client", "my team", "a colleague", "the new director"};
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 3; p++) {
      for (int s = 0; s < 5; s++) {
        body.append("I have been thinking about how ")
            .append(topics[random.nextInt(topics.length)])
            .append(" reacts when deadlines slip, and it worries me. ");
      }
      body.append("\r\n\r\n");
    }
    return ("From: Reader "
            + i
            + " <reader"
            + i
            + "@example.com>\r\n"
            + "To: "
            + ADDRESS
            + "\r\nSubject: Question "
            + i
            + " about "
            + topics[i % topics.length]
            + "\r\n"
            + "Message-ID: <bench-"
            + i
            + "@example.com>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Config config(Path dir, int port) {
    return TestConfig.aConfig().withMailbox("imap", port).loadIn(dir);
  }
}
