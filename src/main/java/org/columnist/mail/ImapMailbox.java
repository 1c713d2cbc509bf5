package org.columnist.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.columnist.ColumnistException;
import org.columnist.config.MailSettings;
import org.columnist.mailserver.MailSessions;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** An IMAP folder, moving processed mail to the processed folder by UID. */
final class ImapMailbox implements Mailbox {
  private static final System.Logger LOG = System.getLogger("intake");

  /**
   * The longest one IDLE lasts before intake looks at the folder itself: mail a server does not
   * announce (it landed just before the IDLE began, or the server is slow to tell) waits no longer.
   */
  static final Duration LONGEST_IDLE = Duration.ofSeconds(5);

  private final MailSettings.Mailbox settings;
  private final IMAPStore store;
  private final IMAPFolder folder;
  private IMAPFolder processed;
  private final AtomicBoolean woken = new AtomicBoolean();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "imap-idle-timer");
            t.setDaemon(true);
            return t;
          });

  private ImapMailbox(MailSettings.Mailbox settings, IMAPStore store, IMAPFolder folder) {
    this.settings = settings;
    this.store = store;
    this.folder = folder;
  }

  static ImapMailbox open(MailSettings.Mailbox settings) throws MessagingException {
    Store store = MailSessions.login(settings);
    IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
    if (!folder.exists()) {
      store.close();
      throw new ColumnistException(
          "mail.folder '" + settings.folder() + "' does not exist on " + settings.host());
    }
    folder.open(Folder.READ_WRITE);
    return new ImapMailbox(settings, (IMAPStore) store, folder);
  }

  @Override
  public String name() {
    return "imap://" + settings.user() + "@" + settings.host() + "/" + settings.folder();
  }

  @Override
  public long uidValidity() {
    try {
      return folder.getUIDValidity();
    } catch (MessagingException e) {
      throw new ColumnistException(
          "cannot read UIDVALIDITY of " + name() + ": " + MailSessions.describe(e), e);
    }
  }

  @Override
  public List<Handle> list() throws MessagingException {
    // A NOOP first lets the server's pending EXPUNGE and EXISTS news (after our own MOVE, or
    // new mail) update the folder, so that no moved message is listed again.
    noop();
    return Mailbox.handles(folder, m -> Long.toString(folder.getUID(m)));
  }

  @Override
  public void prefetch(List<Handle> batch) throws MessagingException {
    FetchProfile profile = new FetchProfile();
    profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
    folder.fetch(batch.stream().map(Handle::message).toArray(Message[]::new), profile);
  }

  @Override
  public void markProcessed(List<Handle> done) throws MessagingException {
    if (done.isEmpty()) {
      return;
    }
    Message[] messages = done.stream().map(Handle::message).toArray(Message[]::new);
    IMAPFolder target = processedFolder();
    if (store.hasCapability("MOVE")) {
      folder.moveMessages(messages, target);
      return;
    }
    // Without UIDPLUS, mail copied on an earlier pass stays here flagged \Deleted until some
    // client expunges it: copying it again on every pass would fill the processed folder.
    FetchProfile flags = new FetchProfile();
    flags.add(FetchProfile.Item.FLAGS);
    folder.fetch(messages, flags);
    List<Message> pending = new java.util.ArrayList<>();
    for (Message m : messages) {
      if (!m.isSet(Flags.Flag.DELETED)) {
        pending.add(m);
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    messages = pending.toArray(Message[]::new);
    folder.copyMessages(messages, target);
    folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
    if (store.hasCapability("UIDPLUS")) {
      folder.expunge(messages); // UID EXPUNGE: only these, never another client's deletions
    } else {
      LOG.log(
          System.Logger.Level.WARNING,
          settings.host()
              + " has neither MOVE nor UIDPLUS: processed mail is copied and flagged \\Deleted, not expunged");
    }
  }

  private IMAPFolder processedFolder() throws MessagingException {
    if (processed == null) {
      char separator = store.getDefaultFolder().getSeparator();
      IMAPFolder target =
          (IMAPFolder) store.getFolder(settings.processedFolder().replace('/', separator));
      if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
        throw new ColumnistException(
            "cannot create the folder '" + settings.processedFolder() + "' on " + settings.host());
      }
      processed = target;
    }
    return processed;
  }

  @Override
  public boolean awaitNewMail(Duration max, BooleanSupplier stop) throws MessagingException {
    if (!store.hasCapability("IDLE")) {
      return false;
    }
    // Mail that lands between a look at the folder and the server's start of the IDLE is
    // announced by some servers when the IDLE starts and by others only at the next command; and
    // IMAPFolder.idle() returns on any news, not only new mail. So intake idles in short spells
    // and looks again after each: nothing waits unseen longer than one spell, and a stop that
    // nobody woke it for is seen as soon.
    long end = System.nanoTime() + max.toNanos();
    while (!woken.getAndSet(false) && !stop.getAsBoolean()) {
      if (hasWaitingMail()) {
        return true;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true; // a full pass now and then, whatever the server said
      }
      idle(Math.min(left, LONGEST_IDLE.toNanos()));
    }
    return true;
  }

  /** Whether mail waits in the folder: asked afresh, so news the server held back arrives. */
  private boolean hasWaitingMail() throws MessagingException {
    noop();
    // Taken-in mail leaves the folder, or stays flagged \Deleted where it cannot be moved.
    return folder.getMessageCount() > 0
        && folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false)).length > 0;
  }

  /** One IDLE, ended by the server's news, by {@link #wake}, or after {@code nanos}. */
  private void idle(long nanos) throws MessagingException {
    // Any other command on the folder ends the IDLE (Jakarta Mail sends DONE first): a NOOP from
    // the timer does it on time. It repeats, in case the first came before the IDLE began (a
    // spell of a few microseconds, a pause of the JVM) and so ended nothing.
    ScheduledFuture<?> deadline =
        timer.scheduleWithFixedDelay(
            this::noop, nanos, LONGEST_IDLE.toNanos(), TimeUnit.NANOSECONDS);
    try {
      folder.idle(true);
    } finally {
      deadline.cancel(false);
    }
  }

  @Override
  public void wake() {
    woken.set(true);
    noop();
  }

  private void noop() {
    try {
      folder.doCommand(
          protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
          });
    } catch (MessagingException e) {
      LOG.log(System.Logger.Level.DEBUG, "NOOP to end IDLE failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
      store.close();
    } catch (MessagingException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing " + name() + ": " + e.getMessage());
    }
  }
}
