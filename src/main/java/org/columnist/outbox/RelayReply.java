package org.columnist.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.columnist.mailserver.MailSessions;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What the relay's answer to one message means for its row: refused for good (a 5xx reply, RFC 5321
 * §4.2.1), deferred (4xx: try again later), or the relay could not be reached at all, which says
 * nothing about the message and pauses the whole send.
 */
record RelayReply(Kind kind, String text) {
  enum Kind {
    /** 5xx: this recipient will never take it. */
    REFUSED,
    /** 4xx, or a reply we cannot place: tried again with backoff. */
    DEFERRED,
    /** No answer: the connection failed or was dropped. */
    UNREACHABLE
  }

  static RelayReply of(MessagingException e, Transport transport) {
    for (Exception t = e; t != null; t = next(t)) {
      int code =
          t instanceof SMTPAddressFailedException a
              ? a.getReturnCode()
              : t instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
      String reply = t.getMessage() == null ? String.valueOf(code) : t.getMessage().strip();
      if (code >= 500 && code < 600) {
        return new RelayReply(Kind.REFUSED, reply);
      }
      if (code >= 400 && code < 500) {
        return new RelayReply(Kind.DEFERRED, reply);
      }
    }
    if (!transport.isConnected()) {
      return new RelayReply(Kind.UNREACHABLE, MailSessions.describe(e));
    }
    return new RelayReply(Kind.DEFERRED, MailSessions.describe(e));
  }

  private static Exception next(Exception t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() instanceof Exception c ? c : null;
  }
}
