package org.columnist.config;

import java.time.Duration;
import java.util.Set;
import org.columnist.yaml.YamlMapping;

/**
 * The {@code mail:} (the mailbox intake reads) and {@code smtp:} (the relay the outbox sends
 * through) sections of the config.
 */
public final class MailSettings {
  private MailSettings() {}

  /** The mailbox readers write to. */
  public record Mailbox(
      String protocol,
      String host,
      int port,
      boolean starttls,
      String user,
      String password,
      String oauth2TokenCommand,
      String folder,
      String processedFolder,
      Duration pollInterval,
      boolean pop3Delete,
      long maxMessageBytes,
      int maxAttempts,
      Duration ackPeriod,
      Duration timeout) {

    public boolean isImap() {
      return protocol.startsWith("imap");
    }

    /** Whether the protocol is TLS from the first byte (imaps, pop3s). */
    public boolean isSsl() {
      return protocol.endsWith("s");
    }
  }

  /** The SMTP relay. {@code security} is ssl, starttls or none. */
  public record Smtp(
      String host,
      int port,
      String security,
      String user,
      String password,
      String from,
      Duration timeout) {

    /** The address in {@code from}, without a display name: {@code ask@column.example}. */
    public String fromAddress() {
      return bareAddress(from);
    }
  }

  /** {@code "Coach's Corner <ask@column.example>"} as {@code ask@column.example}. */
  public static String bareAddress(String address) {
    return address.replaceAll("^.*<|>.*$", "").strip();
  }

  private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");
  private static final Set<String> SECURITY = Set.of("ssl", "starttls", "none");

  static Mailbox mailbox(YamlMapping map) {
    String protocol = map.text("protocol").orElse("imaps");
    if (!PROTOCOLS.contains(protocol)) {
      map.problem("protocol", "must be one of imap, imaps, pop3, pop3s, not '" + protocol + "'");
      protocol = "imaps";
    }
    int defaultPort =
        switch (protocol) {
          case "imap" -> 143;
          case "pop3" -> 110;
          case "pop3s" -> 995;
          default -> 993;
        };
    String host = map.requiredText("host").orElse("");
    int port = map.integer("port", 1, 65535).orElse(defaultPort);
    boolean starttls = map.bool("starttls", false);
    String user = map.requiredText("user").orElse("");
    String password = map.secret("password").orElse(null);
    String tokenCommand = map.text("oauth2_token_command").orElse(null);
    if (password == null
        && tokenCommand == null
        && !map.has("password")
        && !map.has("password_file")) {
      map.problem(
          "user", "needs a password (${ENV_VAR} or password_file) or an oauth2_token_command");
    }
    Mailbox mailbox =
        new Mailbox(
            protocol,
            host,
            port,
            starttls,
            user,
            password,
            tokenCommand,
            map.text("folder").orElse("INBOX"),
            map.text("processed_folder").orElse("Columnist/Processed"),
            map.duration("poll_interval", Duration.ofSeconds(60)),
            map.bool("pop3_delete", false),
            map.size("max_message_bytes", 25L << 20),
            map.integer("max_attempts", 1, 100).orElse(8),
            map.duration("ack_period", Duration.ofDays(7)),
            map.duration("timeout", Duration.ofSeconds(30)));
    map.rejectUnknownKeys();
    return mailbox;
  }

  static Smtp smtp(YamlMapping map) {
    String security = map.text("security").orElse("starttls");
    if (!SECURITY.contains(security)) {
      map.problem("security", "must be one of ssl, starttls, none, not '" + security + "'");
    }
    int defaultPort = security.equals("ssl") ? 465 : security.equals("none") ? 25 : 587;
    Smtp smtp =
        new Smtp(
            map.requiredText("host").orElse(""),
            map.integer("port", 1, 65535).orElse(defaultPort),
            security,
            map.text("user").orElse(null),
            map.secret("password").orElse(null),
            map.requiredText("from").orElse(""),
            map.duration("timeout", Duration.ofSeconds(30)));
    map.rejectUnknownKeys();
    return smtp;
  }
}
