package org.columnist.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.columnist.mailserver.MailSessions;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What the relay's answer to one message means for its row: the recipient refused for good (a 5xx
 * reply to RCPT TO, RFC 5321 §4.2.1), the message or its sender rejected for good (a 5xx to MAIL
 * FROM or DATA: auth, size, content, quota, which says nothing about the recipient), deferred (4xx:
 * try again later), or the relay could not be reached at all, which says nothing about the message
 * and pauses the whole send.
 */
record RelayReply(Kind kind, String text) {
  enum Kind {
    /** 5xx to RCPT TO: this recipient will never take it. */
    REFUSED,
    /** 5xx to MAIL FROM or DATA: this message fails, and no recipient is to blame. */
    REJECTED,
    /** 4xx, or a reply we cannot place: tried again with backoff. */
    DEFERRED,
    /** No answer: the connection failed or was dropped. */
    UNREACHABLE
  }

  /** {@code transport} is null when the failure came before any connection was made. */
  static RelayReply of(MessagingException e, Transport transport) {
    RelayReply sender = null;
    // Angus wraps a refused RCPT in a generic SendFailedException: read the whole chain, and let
    // a reply about the recipient win over one about the sender or the data.
    for (Exception t = e; t != null; t = next(t)) {
      if (t instanceof SMTPAddressFailedException a && permanent(a.getReturnCode())) {
        return new RelayReply(Kind.REFUSED, text(t, a.getReturnCode()));
      }
      int code =
          t instanceof SMTPAddressFailedException a
              ? a.getReturnCode()
              : t instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
      if (sender == null && permanent(code)) {
        sender = new RelayReply(Kind.REJECTED, text(t, code));
      } else if (sender == null && code >= 400 && code < 500) {
        sender = new RelayReply(Kind.DEFERRED, text(t, code));
      }
    }
    if (sender != null) {
      return sender;
    }
    if (transport == null || !transport.isConnected()) {
      return new RelayReply(Kind.UNREACHABLE, MailSessions.describe(e));
    }
    return new RelayReply(Kind.DEFERRED, MailSessions.describe(e));
  }

  private static boolean permanent(int code) {
    return code >= 500 && code < 600;
  }

  private static String text(Exception t, int code) {
    return t.getMessage() == null ? String.valueOf(code) : t.getMessage().strip();
  }

  private static Exception next(Exception t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() instanceof Exception c ? c : null;
  }
}
