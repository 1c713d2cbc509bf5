package org.columnist.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.columnist.ColumnistException;
import org.columnist.config.Config;
import org.columnist.daemon.Daemon;
import org.columnist.newsletter.Import;
import org.columnist.web.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description =
        "The whole platform on embedded defaults: a local mail server, the sample archive, site, search and editor.",
    subcommands = {DemoCommand.Send.class})
final class DemoCommand implements Callable<Integer> {
  static final String ADDRESS = "ask@column.example";
  private static final List<String[]> SAMPLES =
      List.of(
          new String[] {
            "Jordan Reader <jordan@example.com>",
            "My boss schedules meetings over lunch",
            "Age: 34\nIndustry: Logistics\n\nMy boss keeps booking team meetings over the lunch hour, the only break I get. How do I push back without sounding lazy?"
          },
          new String[] {
            "Sam Worker <sam@example.org>",
            "A client yelled at me on a call",
            "A long-time client shouted at me on a video call in front of my team. My manager says to let it go. Should I?"
          },
          new String[] {
            "Alex Analyst <alex@example.net>",
            "Asking for a raise after a reorganisation",
            "Title: Data analyst\nYears at company: 4 (1 in current role)\n\nAfter the reorganisation I took on a second team's reports. When and how do I ask for a raise?"
          });

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "demo",
      description = "The demo instance (default: ${DEFAULT-VALUE}; made if missing).")
  Path dir;

  @Option(
      names = "--smtp-port",
      defaultValue = "2525",
      description = "The demo mail server's SMTP port (default: ${DEFAULT-VALUE}).")
  int smtpPort;

  @Option(
      names = "--imap-port",
      defaultValue = "2143",
      description = "Its IMAP port (default: ${DEFAULT-VALUE}).")
  int imapPort;

  @Option(
      names = "--public-port",
      defaultValue = "8080",
      description = "The site and search (default: ${DEFAULT-VALUE}).")
  int publicPort;

  @Option(
      names = "--editor-port",
      defaultValue = "8081",
      description = "The editor (default: ${DEFAULT-VALUE}).")
  int editorPort;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    DemoInstance instance = DemoInstance.prepare(dir, imapPort, smtpPort, publicPort);
    String mailboxPassword = Files.readString(dir.resolve("mailbox-password")).strip();
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
              new ServerSetup(imapPort, "127.0.0.1", "imap")
            });
    try {
      mail.start();
    } catch (RuntimeException e) {
      throw new ColumnistException(
          "the demo mail server cannot listen on 127.0.0.1:"
              + smtpPort
              + " and :"
              + imapPort
              + " (is one taken?); choose others with --smtp-port and --imap-port");
    }
    mail.setUser(ADDRESS, ADDRESS, mailboxPassword);
    Wiring wiring = new Wiring(Config.load(instance.config(), Map.of()));
    for (String reader : DemoInstance.readers(wiring.store)) {
      mail.setUser(reader, reader, reader);
    }
    String password = DemoInstance.newPassword();
    Accounts accounts = new Accounts(wiring.store, wiring.clock);
    if (accounts.names().contains("coach")) {
      accounts.changePassword("coach", password.toCharArray());
    } else {
      accounts.add("coach", password.toCharArray());
    }
    Daemon daemon = new Daemon(wiring.daemonParts(() -> {}));
    try {
      daemon.start("127.0.0.1", publicPort, "127.0.0.1", editorPort);
    } catch (ColumnistException e) {
      daemon.close();
      mail.stop();
      throw new ColumnistException(e.getMessage() + " (--public-port, --editor-port)");
    }
    String samples;
    if (instance.reused()) {
      samples = "It reuses its queue and mail; the sample questions were mailed on its first run.";
    } else {
      for (String[] sample : SAMPLES) {
        send(smtpPort, sample[0], sample[1], sample[2]);
      }
      subscribeSampleReaders(wiring);
      samples =
          "Three sample questions were mailed to "
              + ADDRESS
              + "; they reach the queue within seconds. Their readers subscribe to the"
              + " newsletter.";
    }
    out.printf(
        """
        Columnist demo is running (%s %s).

          The site, with search:  http://127.0.0.1:%d/
          The editor:             http://127.0.0.1:%d/   name: coach   password: %s

        %s
        Send another:             columnist demo send "Your question" [--subject "..."] [--from you@example.com]
        Or use any mail client:   SMTP 127.0.0.1:%d, no login, to %s
        Stop with Ctrl-C.
        """,
        instance.reused() ? "reusing the demo folder" : "made the demo folder",
        dir.toAbsolutePath().normalize(),
        daemon.publicPort(),
        daemon.editorPort(),
        password,
        samples,
        smtpPort,
        ADDRESS);
    out.flush();
    daemon.awaitShutdown(out);
    mail.stop();
    return 0;
  }

  /**
   * The sample readers as confirmed subscribers, so that the first column the tour publishes goes
   * out as a newsletter (each to the reader's mailbox on the demo's mail server).
   */
  private static void subscribeSampleReaders(Wiring wiring) {
    StringBuilder csv = new StringBuilder("email\n");
    for (String[] sample : SAMPLES) {
      csv.append(sample[0].replaceAll(".*<(.*)>", "$1")).append('\n');
    }
    new Import(wiring.roster())
        .run(
            Path.of("the demo's sample readers"),
            new StringReader(csv.toString()),
            new Import.Mode(true, "the demo's sample readers"),
            done -> {});
  }

  static void send(int port, String from, String subject, String text) {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(props));
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
      message.setSubject(subject, "UTF-8");
      message.setText(text, "UTF-8");
      Transport.send(message);
    } catch (MessagingException e) {
      throw new ColumnistException(
          "cannot send to the demo mail server on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "): is 'columnist demo' running?",
          e);
    }
  }

  @Command(name = "send", description = "Mail a question to the running demo.")
  static final class Send implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TEXT", description = "The question.")
    String text;

    @Option(
        names = "--subject",
        defaultValue = "A question for the column",
        description = "The subject (default: ${DEFAULT-VALUE}).")
    String subject;

    @Option(
        names = "--from",
        defaultValue = "Demo Reader <reader@example.com>",
        description = "The sender (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(
        names = "--smtp-port",
        defaultValue = "2525",
        description = "The demo's SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Override
    public void run() {
      send(smtpPort, from, subject, text);
      spec.commandLine()
          .getOut()
          .printf("Sent to %s; it appears in the editor's queue within seconds.%n", ADDRESS);
    }
  }
}
