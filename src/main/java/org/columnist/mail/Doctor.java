package org.columnist.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.util.ArrayList;
import java.util.List;
import org.columnist.ColumnistException;
import org.columnist.config.Config;
import org.columnist.config.MailSettings;
import org.columnist.mailserver.MailSessions;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Checks what intake and the outbox depend on, by trying it: the token command, logging in to the
 * mailbox, its folders, logging in to the SMTP relay. Says in plain words what is wrong.
 */
public final class Doctor {
  private Doctor() {}

  /** One check: what was tried, whether it worked, and what was found. */
  public record Check(String what, boolean ok, String detail) {}

  /** How much a finding about the sending domain matters. */
  public enum Level {
    OK,
    WARN,
    INFO,
    UNKNOWN
  }

  /**
   * One finding about the From domain: advice, not a failure of the instance (a test domain or a
   * machine without DNS must still pass {@code doctor}).
   */
  public record Finding(Level level, String what, String detail) {}

  /**
   * SPF, DMARC and DKIM of the From domain (smtp.from, else column.address), looked up through the
   * system's DNS resolvers.
   */
  public static List<Finding> senderDomain(Config config) {
    return senderDomain(config, "dns:");
  }

  /** As {@link #senderDomain(Config)}, through {@code dnsUrl} ({@code dns://host:port}). */
  public static List<Finding> senderDomain(Config config, String dnsUrl) {
    String from = config.smtp() != null ? config.smtp().fromAddress() : config.column().address();
    return new SenderDomain(DnsTxt.through(dnsUrl)).check(from, config.newsletter().dkim());
  }

  public static List<Check> run(Config config) {
    List<Check> checks = new ArrayList<>();
    if (config.mailbox() == null) {
      checks.add(new Check("mailbox", false, "the config has no 'mail:' section"));
    } else {
      mailbox(config.mailbox(), checks);
    }
    if (config.smtp() == null) {
      checks.add(new Check("smtp", false, "the config has no 'smtp:' section"));
    } else {
      smtp(config.smtp(), checks);
    }
    return checks;
  }

  private static void mailbox(MailSettings.Mailbox m, List<Check> checks) {
    String where = m.protocol() + "://" + m.user() + "@" + m.host() + ":" + m.port();
    String secret;
    try {
      secret = MailSessions.secret(m);
      if (m.oauth2TokenCommand() != null) {
        checks.add(new Check("oauth2 token", true, "mail.oauth2_token_command printed a token"));
      }
    } catch (ColumnistException e) {
      checks.add(new Check("oauth2 token", false, e.getMessage()));
      return;
    }
    try (Store store = MailSessions.login(m, secret)) {
      checks.add(new Check("mailbox login", true, "logged in to " + where));
      Folder folder = store.getFolder(m.isImap() ? m.folder() : "INBOX");
      if (!folder.exists()) {
        checks.add(
            new Check(
                "mailbox folder",
                false,
                "folder '" + m.folder() + "' does not exist; set mail.folder"));
        return;
      }
      checks.add(
          new Check(
              "mailbox folder",
              true,
              "'" + folder.getFullName() + "' holds " + folder.getMessageCount() + " messages"));
      if (store instanceof IMAPStore imap) {
        Folder processed =
            store.getFolder(
                m.processedFolder().replace('/', store.getDefaultFolder().getSeparator()));
        checks.add(
            new Check(
                "processed folder",
                true,
                processed.exists()
                    ? "'" + m.processedFolder() + "' exists"
                    : "'"
                        + m.processedFolder()
                        + "' is missing; intake creates it on the first poll"));
        checks.add(
            new Check(
                "server features",
                true,
                (imap.hasCapability("IDLE")
                        ? "IDLE (new mail pushed at once)"
                        : "no IDLE (polled every " + m.pollInterval().toSeconds() + " s)")
                    + ", "
                    + (imap.hasCapability("MOVE")
                        ? "MOVE"
                        : imap.hasCapability("UIDPLUS")
                            ? "no MOVE: COPY + UID EXPUNGE"
                            : "neither MOVE nor UIDPLUS: processed mail is flagged \\Deleted, not expunged")));
      }
    } catch (MessagingException e) {
      checks.add(new Check("mailbox login", false, where + ": " + MailSessions.describe(e)));
    }
  }

  private static void smtp(MailSettings.Smtp s, List<Check> checks) {
    String where = "smtp " + s.host() + ":" + s.port() + " (" + s.security() + ")";
    try (Transport transport = MailSessions.smtp(s).getTransport()) {
      MailSessions.connect(transport, s);
      checks.add(
          new Check(
              "smtp login", true, (s.user() == null ? "connected to " : "logged in to ") + where));
    } catch (MessagingException e) {
      checks.add(new Check("smtp login", false, where + ": " + MailSessions.describe(e)));
    }
  }
}
