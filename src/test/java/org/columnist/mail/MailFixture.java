package org.columnist.mail;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.columnist.config.Config;
import org.columnist.config.Templates;
import org.columnist.config.TestConfig;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Arrivals;

/**
 * An instance wired to a running GreenMail: its config (mailbox and SMTP on GreenMail's ports),
 * store, outbox and intake, and helpers to put raw mail in the mailbox and read tables back.
 */
public final class MailFixture {
  public static final String ADDRESS = TestConfig.ADDRESS;
  static final String PASSWORD = TestConfig.PASSWORD;

  final GreenMailOperations greenMail;
  final Path dir;
  public Config config;
  public org.columnist.store.Store store;

  public MailFixture(GreenMailOperations greenMail, Path dir) {
    this.greenMail = greenMail;
    this.dir = dir;
    greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
    configure("imap");
  }

  /** Rewrites the config for {@code protocol}, with {@code mailLines} in the mail: section. */
  MailFixture configure(String protocol, String... mailLines) {
    return configure(
        protocol,
        protocol.equals("imap") ? greenMail.getImap().getPort() : greenMail.getPop3().getPort(),
        mailLines);
  }

  /**
   * The same for IMAP, reaching the mailbox through {@code port} (a proxy in front of GreenMail).
   */
  MailFixture configure(int port, String... mailLines) {
    return configure("imap", port, mailLines);
  }

  private MailFixture configure(String protocol, int port, String... mailLines) {
    config =
        TestConfig.aConfig()
            .withMailbox(protocol, port, mailLines)
            .withSmtp(greenMail.getSmtp().getPort())
            .loadIn(dir);
    store = org.columnist.store.Store.open(config.paths().data().resolve("columnist.db"));
    return this;
  }

  /** Stops GreenMail's SMTP and gives settings that point at its closed port (2 s timeout). */
  public org.columnist.config.MailSettings.Smtp smtpDown() {
    greenMail.getSmtp().stopService();
    return new org.columnist.config.MailSettings.Smtp(
        "127.0.0.1",
        greenMail.getSmtp().getPort(),
        "none",
        null,
        null,
        ADDRESS,
        java.time.Duration.ofSeconds(2));
  }

  public Outbox outbox() {
    return new Outbox(store, ADDRESS, config.mailbox().maxAttempts(), Clock.systemUTC());
  }

  Intake intake(Intake.Checkpoint checkpoint) {
    MailTemplates templates = new MailTemplates(new Templates(config.paths().templates()), config);
    Recorder recorder =
        new Recorder(
            new Arrivals(Clock.systemUTC()),
            new Subscribers(store, outbox(), templates, config, Clock.systemUTC()),
            outbox(),
            templates,
            ADDRESS,
            config.mailbox().ackPeriod(),
            Clock.systemUTC());
    return new Intake(config.mailbox(), store, recorder, checkpoint);
  }

  Intake intake() {
    return intake((step, uid) -> {});
  }

  /** Puts raw messages into {@code folder} with IMAP APPEND, bytes unchanged. */
  void append(String folderName, byte[]... raws) throws MessagingException {
    try (Store imap = imapClient()) {
      Folder folder = imap.getFolder(folderName);
      if (!folder.exists()) {
        folder.create(Folder.HOLDS_MESSAGES);
      }
      List<Message> messages = new ArrayList<>();
      for (byte[] raw : raws) {
        messages.add(
            new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
      }
      folder.appendMessages(messages.toArray(Message[]::new));
    }
  }

  void append(byte[]... raws) throws MessagingException {
    append("INBOX", raws);
  }

  /** How many messages {@code folder} holds now. */
  int count(String folderName) throws MessagingException {
    try (Store imap = imapClient()) {
      Folder folder = imap.getFolder(folderName);
      return folder.exists() ? folder.getMessageCount() : 0;
    }
  }

  /** The subjects of the messages in {@code folder}, in order (none if it does not exist). */
  List<String> subjects(String folderName) throws MessagingException {
    try (Store imap = imapClient()) {
      Folder folder = imap.getFolder(folderName);
      if (!folder.exists()) {
        return List.of();
      }
      folder.open(Folder.READ_ONLY);
      List<String> subjects = new java.util.ArrayList<>();
      for (Message m : folder.getMessages()) {
        subjects.add(m.getSubject());
      }
      folder.close(false);
      return subjects;
    }
  }

  Store imapClient() throws MessagingException {
    Store imap = Session.getInstance(new Properties()).getStore("imap");
    imap.connect("127.0.0.1", greenMail.getImap().getPort(), ADDRESS, PASSWORD);
    return imap;
  }

  /** The rows of a one-column query, as strings. */
  public List<String> column(String sql, Object... params) {
    return store.inTransaction(
        db -> {
          List<String> values = new ArrayList<>();
          try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                values.add(rs.getString(1));
              }
            }
          }
          return values;
        });
  }

  /** A plain question from {@code from}, with an optional Message-ID. */
  static byte[] question(String from, String subject, String body, String messageId) {
    return ("From: "
            + from
            + "\r\n"
            + "To: "
            + ADDRESS
            + "\r\n"
            + "Subject: "
            + subject
            + "\r\n"
            + "Date: Mon, 23 Nov 2026 08:00:00 +0000\r\n"
            + (messageId == null ? "" : "Message-ID: " + messageId + "\r\n")
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + body.replace("\n", "\r\n")
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
