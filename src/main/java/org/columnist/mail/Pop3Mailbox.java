package org.columnist.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.List;
import org.columnist.config.MailSettings;
import org.columnist.mailserver.MailSessions;
import org.eclipse.angus.mail.pop3.POP3Folder;

/**
 * A POP3 inbox. Messages are known by UIDL; they stay on the server unless {@code mail.pop3_delete}
 * is set, since another client may still want them.
 */
final class Pop3Mailbox implements Mailbox {
  private static final System.Logger LOG = System.getLogger("intake");

  private final MailSettings.Mailbox settings;
  private final Store store;
  private final POP3Folder folder;

  private Pop3Mailbox(MailSettings.Mailbox settings, Store store, POP3Folder folder) {
    this.settings = settings;
    this.store = store;
    this.folder = folder;
  }

  static Pop3Mailbox open(MailSettings.Mailbox settings) throws MessagingException {
    Store store = MailSessions.login(settings);
    POP3Folder folder = (POP3Folder) store.getFolder("INBOX");
    folder.open(settings.pop3Delete() ? Folder.READ_WRITE : Folder.READ_ONLY);
    return new Pop3Mailbox(settings, store, folder);
  }

  @Override
  public String name() {
    return "pop3://" + settings.user() + "@" + settings.host();
  }

  @Override
  public long uidValidity() {
    return 0;
  }

  @Override
  public List<Handle> list() throws MessagingException {
    return Mailbox.handles(folder, folder::getUID);
  }

  @Override
  public void prefetch(List<Handle> batch) {
    // POP3 has no batch fetch: each RETR is one round trip, made when the message is read.
  }

  @Override
  public void markProcessed(List<Handle> done) throws MessagingException {
    if (settings.pop3Delete()) {
      for (Handle h : done) {
        h.message().setFlags(new Flags(Flags.Flag.DELETED), true); // removed at QUIT
      }
    }
  }

  @Override
  public boolean awaitNewMail(Duration max, java.util.function.BooleanSupplier stop) {
    return false;
  }

  @Override
  public void wake() {
    // POP3 never waits on the server: the poll interval's sleep checks the stop flag itself.
  }

  @Override
  public void close() {
    try {
      folder.close(settings.pop3Delete());
      store.close();
    } catch (MessagingException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing " + name() + ": " + e.getMessage());
    }
  }
}
