package org.columnist.mailserver;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.columnist.ColumnistException;
import org.columnist.config.MailSettings;

/**
 * Jakarta Mail sessions as Columnist uses them: every socket with connect, read and write timeouts
 * (the library's default is to wait forever), TLS that checks the server's name, and XOAUTH2 when
 * the mailbox is configured with a token command.
 */
public final class MailSessions {
  private MailSessions() {}

  private static Session mailbox(MailSettings.Mailbox mailbox) {
    Properties props = new Properties();
    String p = mailbox.protocol();
    timeouts(props, p, mailbox.timeout().toMillis());
    props.put("mail." + p + ".ssl.checkserveridentity", "true");
    if (mailbox.starttls() && !mailbox.isSsl()) {
      props.put("mail." + p + ".starttls.enable", "true");
      props.put("mail." + p + ".starttls.required", "true");
    }
    if (mailbox.oauth2TokenCommand() != null) {
      props.put("mail." + p + ".auth.mechanisms", "XOAUTH2");
    }
    if (mailbox.isImap()) {
      props.put("mail." + p + ".peek", "true"); // leave \Seen alone: another client may rely on it
      props.put("mail." + p + ".fetchsize", String.valueOf(1 << 20));
    }
    return Session.getInstance(props);
  }

  public static Session smtp(MailSettings.Smtp smtp) {
    Properties props = new Properties();
    String p = smtp.security().equals("ssl") ? "smtps" : "smtp";
    props.put("mail.transport.protocol", p);
    timeouts(props, p, smtp.timeout().toMillis());
    props.put("mail." + p + ".ssl.checkserveridentity", "true");
    if (smtp.security().equals("starttls")) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    props.put("mail." + p + ".auth", String.valueOf(smtp.user() != null));
    return Session.getInstance(props);
  }

  public static void connect(Service transport, MailSettings.Smtp smtp) throws MessagingException {
    transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
  }

  /** A store logged in to the mailbox with its {@link #secret}. */
  public static Store login(MailSettings.Mailbox mailbox) throws MessagingException {
    return login(mailbox, secret(mailbox));
  }

  /** A store logged in to the mailbox with {@code secret}. */
  public static Store login(MailSettings.Mailbox mailbox, String secret) throws MessagingException {
    Store store = mailbox(mailbox).getStore(mailbox.protocol());
    store.connect(mailbox.host(), mailbox.port(), mailbox.user(), secret);
    return store;
  }

  /** The secret to log in with: the password, or a fresh OAuth2 access token. */
  public static String secret(MailSettings.Mailbox mailbox) {
    return mailbox.oauth2TokenCommand() == null
        ? mailbox.password()
        : token(mailbox.oauth2TokenCommand(), mailbox.timeout().toSeconds());
  }

  /** Runs the configured command and returns what it printed: an OAuth2 access token. */
  public static String token(String command, long timeoutSeconds) {
    try {
      Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(false).start();
      process.getOutputStream().close();
      if (!process.waitFor(Math.max(timeoutSeconds, 5), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ColumnistException(
            "mail.oauth2_token_command did not finish within " + timeoutSeconds + " s");
      }
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      String err =
          new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0 || out.isEmpty()) {
        throw new ColumnistException(
            "mail.oauth2_token_command failed (exit "
                + process.exitValue()
                + ")"
                + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
      }
      return out.lines().findFirst().orElseThrow();
    } catch (IOException e) {
      throw new ColumnistException("mail.oauth2_token_command cannot run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ColumnistException("interrupted while waiting for mail.oauth2_token_command", e);
    }
  }

  /** A mail failure in plain words: what went wrong, not the exception's class. */
  public static String describe(Exception e) {
    if (e instanceof AuthenticationFailedException) {
      return "login refused: wrong user, password or token"
          + (e.getMessage() == null ? "" : " (server said: " + e.getMessage().strip() + ")");
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof ConnectException) {
        return "connection refused ("
            + t.getMessage()
            + "): is the host and port right, and the server up?";
      }
      if (t instanceof SocketTimeoutException) {
        return "timed out: the server did not answer";
      }
      if (t instanceof SSLException) {
        return "TLS failed: "
            + t.getMessage()
            + " (check the port, ssl/starttls, and the server's certificate)";
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
  }

  private static void timeouts(Properties props, String protocol, long millis) {
    String ms = String.valueOf(millis);
    props.put("mail." + protocol + ".connectiontimeout", ms);
    props.put("mail." + protocol + ".timeout", ms);
    props.put("mail." + protocol + ".writetimeout", ms);
  }
}
