package org.columnist.mail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.columnist.ColumnistException;
import org.columnist.Counted;
import org.columnist.Sha256;
import org.columnist.config.MailSettings;
import org.columnist.mailserver.MailSessions;
import org.columnist.newsletter.Subscribers;
import org.columnist.outbox.MailTemplates;
import org.columnist.outbox.Outbox;
import org.columnist.queue.Arrivals;
import org.columnist.store.Sql;
import org.columnist.store.Store;

/**
 * Takes readers' mail in from the mailbox, exactly once: each message's raw bytes and its outcome
 * commit in one transaction, keyed by (mailbox, UIDVALIDITY, UID), and only then is the message
 * moved on the server. A crash at any point is followed by a clean re-run: what was committed but
 * not moved is recognised and moved; what was not committed is taken in again.
 */
public final class Intake {
  /**
   * Messages fetched per FETCH command, and their bytes: few commands (each costs a server a pass
   * over the folder) while the batch held in memory stays bounded.
   */
  static final int BATCH_MESSAGES = 5000;

  static final long BATCH_BYTES = 32L << 20;

  private static final System.Logger LOG = System.getLogger("intake");
  private static final Duration IDLE_RENEW = Duration.ofMinutes(25);
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

  /**
   * Where intake can be stopped dead in tests, to prove that a re-run loses and repeats nothing.
   */
  enum Step {
    FETCHED,
    COMMITTED,
    MOVED
  }

  @FunctionalInterface
  interface Checkpoint {
    void reached(Step step, String uid);
  }

  private final MailSettings.Mailbox settings;
  private final Store store;
  private final Recorder recorder;
  private final Checkpoint checkpoint;
  private volatile BooleanSupplier stopping = () -> false;
  private volatile Mailbox current;

  public Intake(
      MailSettings.Mailbox settings,
      Store store,
      Arrivals arrivals,
      Subscribers subscribers,
      Outbox outbox,
      MailTemplates templates,
      String columnAddress,
      Clock clock) {
    this(
        settings,
        store,
        new Recorder(
            arrivals, subscribers, outbox, templates, columnAddress, settings.ackPeriod(), clock),
        (step, uid) -> {});
  }

  Intake(MailSettings.Mailbox settings, Store store, Recorder recorder, Checkpoint checkpoint) {
    this.settings = settings;
    this.store = store;
    this.recorder = recorder;
    this.checkpoint = checkpoint;
  }

  /** What one pass over the mailbox did. */
  public record PollReport(int taken, int alreadyTaken, int questions) {}

  /** Connects, takes in everything waiting, and disconnects. */
  public PollReport pollOnce() {
    try (Mailbox mailbox = open()) {
      return takeIn(mailbox);
    } catch (MessagingException e) {
      throw new ColumnistException(
          "mailbox " + settings.host() + ": " + MailSessions.describe(e), e);
    }
  }

  /**
   * Polls until {@code stop} says so: IMAP IDLE where the server offers it (in spells of at most
   * {@link ImapMailbox#LONGEST_IDLE}, so that mail the server does not announce waits no longer,
   * and a full pass at least every 25 minutes), every {@code poll_interval} otherwise; after a
   * failure it reconnects with capped exponential backoff.
   */
  public void runContinuously(BooleanSupplier stop) {
    runContinuously(stop, (ok, detail) -> {});
  }

  /**
   * As {@link #runContinuously(BooleanSupplier)}, telling {@code status} after each pass or failure
   * whether the mailbox works and what happened, for a health report.
   */
  public void runContinuously(
      BooleanSupplier stop, java.util.function.BiConsumer<Boolean, String> status) {
    stopping = stop;
    int failures = 0;
    while (!stop.getAsBoolean()) {
      try (Mailbox mailbox = open()) {
        current = mailbox;
        LOG.log(System.Logger.Level.INFO, "connected to " + mailbox.name());
        failures = 0;
        while (!stop.getAsBoolean()) {
          PollReport report = takeIn(mailbox);
          status.accept(
              true,
              "connected to "
                  + mailbox.name()
                  + "; last pass took in "
                  + Counted.of(report.taken(), "message"));
          if (stop.getAsBoolean()) {
            break;
          }
          if (!mailbox.awaitNewMail(IDLE_RENEW, stop)) {
            sleep(settings.pollInterval(), stop);
          }
        }
      } catch (MessagingException | ColumnistException e) {
        failures++;
        Duration wait = backoff(failures);
        String why = e instanceof MessagingException m ? MailSessions.describe(m) : e.getMessage();
        LOG.log(
            System.Logger.Level.WARNING,
            "mailbox " + settings.host() + ": " + why + "; retrying in " + wait.toSeconds() + " s");
        status.accept(false, why + "; retrying in " + wait.toSeconds() + " s");
        sleep(wait, stop);
      } finally {
        current = null;
      }
    }
  }

  /** Ends a wait for new mail at once (IMAP IDLE), so that a stop is seen without delay. */
  public void wake() {
    Mailbox mailbox = current;
    if (mailbox != null) {
      mailbox.wake();
    }
  }

  static Duration backoff(int failures) {
    Duration wait = Duration.ofSeconds(1L << Math.min(failures, 16));
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  private Mailbox open() throws MessagingException {
    return settings.isImap() ? ImapMailbox.open(settings) : Pop3Mailbox.open(settings);
  }

  private PollReport takeIn(Mailbox mailbox) throws MessagingException {
    long uidValidity = mailbox.uidValidity();
    List<Mailbox.Handle> all = mailbox.list();
    int taken = 0;
    int already = 0;
    int questions = 0;
    for (int from = 0, to; from < all.size(); from = to) {
      to = batchEnd(all, from);
      List<Mailbox.Handle> batch = all.subList(from, to);
      List<Mailbox.Handle> known = known(mailbox.name(), uidValidity, batch);
      List<Mailbox.Handle> done = new ArrayList<>(known);
      List<Mailbox.Handle> fresh = new ArrayList<>(batch);
      fresh.removeAll(known);
      mailbox.prefetch(fresh.stream().filter(h -> h.size() <= settings.maxMessageBytes()).toList());
      for (Mailbox.Handle handle : fresh) {
        if (stopping.getAsBoolean()) {
          break; // stopping: the message in hand is committed; the rest waits for the next run
        }
        String outcome = takeIn(mailbox, uidValidity, handle);
        if (outcome == null) {
          already++;
        } else {
          taken++;
          questions += outcome.equals("question") ? 1 : 0;
        }
        done.add(handle);
      }
      already += known.size();
      mailbox.markProcessed(done);
      for (Mailbox.Handle h : done) {
        checkpoint.reached(Step.MOVED, h.uid());
      }
    }
    if (taken > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "took in "
              + Counted.of(taken, "message")
              + " from "
              + mailbox.name()
              + " ("
              + Counted.of(questions, "new question")
              + ")");
    }
    return new PollReport(taken, already, questions);
  }

  private int batchEnd(List<Mailbox.Handle> all, int from) {
    int to = from;
    long bytes = 0;
    while (to < all.size() && to - from < BATCH_MESSAGES) {
      long size = all.get(to).size() > settings.maxMessageBytes() ? 0 : all.get(to).size();
      if (to > from && bytes + size > BATCH_BYTES) {
        break;
      }
      bytes += size;
      to++;
    }
    return to;
  }

  /** Takes in one message; returns its outcome, or null when it had been taken in before. */
  private String takeIn(Mailbox mailbox, long uidValidity, Mailbox.Handle handle)
      throws MessagingException {
    boolean tooLarge = handle.size() > settings.maxMessageBytes();
    byte[] raw;
    try {
      raw = tooLarge ? Mailbox.headers(handle) : Mailbox.raw(handle);
    } catch (IOException e) {
      throw new ColumnistException(
          "cannot read message UID "
              + handle.uid()
              + " of "
              + mailbox.name()
              + ": "
              + e.getMessage(),
          e);
    }
    checkpoint.reached(Step.FETCHED, handle.uid());
    Recorder.Fetched fetched =
        new Recorder.Fetched(
            mailbox.name(), uidValidity, handle.uid(), raw, handle.size(), Sha256.hex(raw));
    String outcome =
        store.inTransaction(
            db -> {
              // After a UIDVALIDITY change the server numbers old mail anew: the same bytes from
              // the same mailbox under an earlier UIDVALIDITY were taken in already.
              if (seenBefore(db, fetched)) {
                return null;
              }
              if (tooLarge) {
                ParsedMail headers = parseHeaders(raw);
                String reason =
                    String.format(
                        "too large: %.1f MB (mail.max_message_bytes is %.1f MB)",
                        handle.size() / 1048576.0, settings.maxMessageBytes() / 1048576.0);
                recorder.reject(
                    db,
                    fetched,
                    headers == null ? null : headers.senderAddress(),
                    headers == null ? null : headers.subject(),
                    reason);
                return "rejected";
              }
              ParsedMail mail;
              try {
                mail = MailParser.parse(raw);
              } catch (MailParser.UnparseableMailException e) {
                recorder.reject(db, fetched, null, null, "unparseable: " + e.getMessage());
                return "rejected";
              }
              String contentHash =
                  Sha256.hex(
                      (mail.senderAddress() + "\n" + mail.text())
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
              Outcome decided = Classifier.classify(db, mail, contentHash);
              String reason = recorder.record(db, fetched, mail, contentHash, decided);
              LOG.log(
                  System.Logger.Level.INFO,
                  "message UID "
                      + handle.uid()
                      + " from "
                      + mail.senderAddress()
                      + ": "
                      + decided.name()
                      + " ("
                      + reason
                      + ")");
              return decided.name();
            });
    checkpoint.reached(Step.COMMITTED, handle.uid());
    return outcome;
  }

  private static ParsedMail parseHeaders(byte[] headers) {
    try {
      return MailParser.parse(headers);
    } catch (MailParser.UnparseableMailException e) {
      return null;
    }
  }

  private List<Mailbox.Handle> known(String mailbox, long uidValidity, List<Mailbox.Handle> batch) {
    return store.inTransaction(
        db -> {
          List<Mailbox.Handle> known = new ArrayList<>();
          // One statement for the whole batch: a first poll may check thousands of messages.
          try (PreparedStatement ps =
              db.prepareStatement(
                  "SELECT 1 FROM messages WHERE mailbox = ? AND uidvalidity = ? AND uid = ?")) {
            for (Mailbox.Handle h : batch) {
              ps.setString(1, mailbox);
              ps.setLong(2, uidValidity);
              ps.setString(3, h.uid());
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  known.add(h);
                }
              }
            }
          }
          return known;
        });
  }

  private static boolean seenBefore(java.sql.Connection db, Recorder.Fetched f)
      throws java.sql.SQLException {
    return Sql.one(
            db,
            "SELECT 1 FROM messages WHERE mailbox = ? AND raw_hash = ? AND uidvalidity <> ? LIMIT 1",
            rs -> 1,
            f.mailbox(),
            f.rawHash(),
            f.uidValidity())
        .isPresent();
  }

  private void sleep(Duration duration, BooleanSupplier stop) {
    long end = System.nanoTime() + duration.toNanos();
    try {
      while (!stop.getAsBoolean() && System.nanoTime() < end) {
        Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
