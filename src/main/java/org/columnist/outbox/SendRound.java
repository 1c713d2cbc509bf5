package org.columnist.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.columnist.config.MailSettings;
import org.columnist.mailserver.MailSessions;

/**
 * One {@link Outbox#sendDue} run: claims rows batch after batch and sends them over ONE SMTP
 * connection, reconnecting once if the relay drops it, waiting for the rate bucket's tokens, and
 * stopping when told to. A relay that cannot be reached ends the run: every row it holds goes back
 * to the queue without an attempt counted.
 */
final class SendRound {
  private static final System.Logger LOG = System.getLogger("outbox");

  /** Longest nap while waiting for tokens, so that a stop is noticed promptly. */
  private static final Duration NAP = Duration.ofMillis(200);

  /**
   * How many mails in a row the relay may reject for reasons not about their recipient (a 5xx to
   * MAIL FROM or DATA) before the send pauses: by then it is the relay's setup, not the mail.
   */
  private static final int REJECTIONS_TO_PAUSE = 3;

  /** Thrown inside the round when the relay cannot be reached; ends it. */
  private static final class Down extends Exception {
    private static final long serialVersionUID = 1L;

    Down(String why) {
      super(why, null, false, false);
    }
  }

  private final Outbox.Wire wire;
  private final Claims claims;
  private final MailSettings.Smtp smtp;
  private final BooleanSupplier stop;
  private final Session session;
  private Transport transport;
  private int sent;
  private int retrying;
  private int failed;
  private int rejectedInARow;

  SendRound(Outbox.Wire wire, Claims claims, MailSettings.Smtp smtp, BooleanSupplier stop) {
    this.wire = wire;
    this.claims = claims;
    this.smtp = smtp;
    this.stop = stop;
    this.session = MailSessions.smtp(smtp);
  }

  /** Runs until nothing is due, the stop check says so, or the relay is down (its reason). */
  Outbox.SendReport run() {
    Deque<ClaimedMail> held = new ArrayDeque<>();
    try {
      while (!stop.getAsBoolean()) {
        Claims.Batch batch = claims.claim();
        if (batch.mails().isEmpty()) {
          if (batch.waitForTokens() == null || !napFor(batch.waitForTokens())) {
            break;
          }
          continue;
        }
        held = batch.mails();
        for (ClaimedMail mail : held) {
          wire.checkpoint().reached(Outbox.Step.CLAIMED, mail.id());
        }
        while (!held.isEmpty()) {
          sendOne(held.peekFirst());
          held.removeFirst();
        }
      }
      return new Outbox.SendReport(sent, retrying, failed);
    } catch (Down e) {
      Instant next = wire.paused(e.getMessage());
      for (ClaimedMail mail : held) {
        claims.release(mail, e.getMessage(), next);
      }
      return new Outbox.SendReport(sent, retrying, failed, e.getMessage());
    } finally {
      disconnect();
    }
  }

  private void sendOne(ClaimedMail mail) throws Down {
    if (!claims.renew(mail)) {
      LOG.log(
          System.Logger.Level.WARNING,
          mail.kind()
              + " #"
              + mail.id()
              + " was cancelled or taken over by another sender while this one stalled; left");
      return;
    }
    MimeMessage message;
    try {
      message = wire.message(mail, session);
    } catch (MessagingException | RuntimeException e) {
      // Nothing about this row will change by trying again (an address the mail library refuses,
      // say); it must not stay claimed and hold up the rows claimed with it.
      claims.failed(mail, "cannot be sent as it is: " + MailSessions.describe(e));
      failed++;
      return;
    }
    for (int tries = 0; ; tries++) {
      try {
        connected().sendMessage(message, message.getAllRecipients());
      } catch (MessagingException e) {
        RelayReply reply = RelayReply.of(e, transport);
        switch (reply.kind()) {
          case REFUSED -> {
            claims.refused(mail, reply.text(), wire.refusals());
            failed++;
            rejectedInARow = 0;
          }
          case REJECTED -> {
            claims.failed(mail, "relay rejected it: " + reply.text());
            failed++;
            if (++rejectedInARow >= REJECTIONS_TO_PAUSE) {
              rejectedInARow = 0;
              String why =
                  "the relay refuses the sender ("
                      + REJECTIONS_TO_PAUSE
                      + " mails in a row): "
                      + reply.text();
              LOG.log(System.Logger.Level.WARNING, why);
              throw new Down(why);
            }
          }
          case DEFERRED -> {
            if (claims.retry(mail, reply.text())) {
              retrying++;
            } else {
              failed++;
            }
          }
          case UNREACHABLE -> {
            disconnect();
            if (tries == 0) {
              continue; // the relay dropped a connection it had kept open: once more, anew
            }
            throw new Down(reply.text());
          }
        }
        return;
      }
      rejectedInARow = 0;
      wire.checkpoint().reached(Outbox.Step.ACCEPTED_NOT_MARKED, mail.id());
      claims.sent(mail.id());
      wire.checkpoint().reached(Outbox.Step.MARKED, mail.id());
      wire.resumed();
      LOG.log(
          System.Logger.Level.DEBUG, "sent " + mail.kind() + " #" + mail.id() + " to " + mail.to());
      sent++;
      return;
    }
  }

  private Transport connected() throws Down {
    if (transport != null && transport.isConnected()) {
      return transport;
    }
    try {
      disconnect();
      transport = session.getTransport();
      MailSessions.connect(transport, smtp);
      return transport;
    } catch (MessagingException e) {
      String why =
          "cannot send through SMTP "
              + smtp.host()
              + ":"
              + smtp.port()
              + ": "
              + MailSessions.describe(e);
      LOG.log(System.Logger.Level.WARNING, why);
      throw new Down(why);
    }
  }

  private void disconnect() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Closing a connection the relay already dropped: nothing is lost.
      }
      transport = null;
    }
  }

  /** Waits {@code wait} in short naps; false when told to stop meanwhile. */
  private boolean napFor(Duration wait) {
    long end = System.nanoTime() + wait.toNanos();
    while (!stop.getAsBoolean()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      LockSupport.parkNanos(Math.min(left, NAP.toNanos()));
    }
    return false;
  }
}
