package org.columnist.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests write a {@code config/columnist.yml}: name the parts a test cares about, and
 * the rest is the "Coach's Corner" instance every test shares. The file is written as a user would
 * write it and read by {@link Config#load}, so a test's instance is always one the parser accepts.
 *
 * <pre>{@code aConfig().withMailbox("imap", greenMail.getImap().getPort()).writeTo(dir)}</pre>
 */
public final class TestConfig {
  /** The column's address; the mailbox's user and the relay's sender too. */
  public static final String ADDRESS = "ask@column.example";

  /** The mailbox's password, which {@link #writeTo} puts in {@value #PASSWORD_FILE}. */
  public static final String PASSWORD = "s3cret";

  private static final String PASSWORD_FILE = "mailbox-password";

  private final String base;
  private String timeZone;
  private String mailbox;
  private String smtp;
  private String server;

  private TestConfig(String base) {
    this.base = base;
  }

  /** A config with only the required sections: site, coach and column. */
  public static TestConfig aConfig() {
    return new TestConfig(null);
  }

  /**
   * The config at {@code file} (as {@code columnist init} wrote it), plus the sections set here.
   */
  public static TestConfig extending(Path file) {
    try {
      return new TestConfig(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The site's time zone (UTC unless set); only for {@link #aConfig()}. */
  public TestConfig withTimeZone(String zone) {
    if (base != null) {
      throw new IllegalStateException("the extended config has its own time zone");
    }
    this.timeZone = zone;
    return this;
  }

  /**
   * The {@code mail:} section: {@code protocol} on 127.0.0.1:{@code port}, as {@link #ADDRESS} with
   * {@link #PASSWORD}, and {@code extraLines} (YAML lines such as {@code "max_attempts: 2"}).
   */
  public TestConfig withMailbox(String protocol, int port, String... extraLines) {
    StringBuilder section =
        new StringBuilder(
            """
            mail:
              protocol: %s
              host: 127.0.0.1
              port: %d
              user: %s
              password_file: %s
              timeout: 10s
            """
                .formatted(protocol, port, ADDRESS, PASSWORD_FILE));
    for (String line : extraLines) {
      section.append("  ").append(line).append('\n');
    }
    this.mailbox = section.toString();
    return this;
  }

  /** The {@code smtp:} section: a plain relay on 127.0.0.1:{@code port}, sending as the column. */
  public TestConfig withSmtp(int port) {
    this.smtp =
        """
        smtp:
          host: 127.0.0.1
          port: %d
          security: none
          from: "Coach's Corner <%s>"
          timeout: 10s
        """
            .formatted(port, ADDRESS);
    return this;
  }

  /**
   * Both servers on port 0: the system picks free ports as they bind. A port found free beforehand
   * may be taken by any outgoing connection before the server binds it.
   */
  public TestConfig withAnyServerPorts() {
    this.server = "server:\n  public: 127.0.0.1:0\n  editor: 127.0.0.1:0\n";
    return this;
  }

  /** The YAML text of this config. */
  public String yaml() {
    StringBuilder yaml = new StringBuilder(base != null ? base : required());
    for (String section : new String[] {mailbox, smtp, server}) {
      if (section != null) {
        yaml.append(section);
      }
    }
    return yaml.toString();
  }

  private String required() {
    return """
        site:
          title: Coach's Corner
          base_url: https://column.example/
        %scoach:
          name: Pat Example
        column:
          address: %s
        """
        .formatted(timeZone == null ? "" : "  time_zone: " + timeZone + "\n", ADDRESS);
  }

  /**
   * Writes {@code instanceDir/config/columnist.yml} (and the mailbox's password file beside the
   * instance when there is a mailbox); returns the config file.
   */
  public Path writeTo(Path instanceDir) {
    try {
      Path file = instanceDir.resolve("config/columnist.yml");
      Files.createDirectories(file.getParent());
      if (mailbox != null) {
        Files.writeString(instanceDir.resolve(PASSWORD_FILE), PASSWORD + "\n");
      }
      Files.writeString(file, yaml());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #writeTo} and load it, as a verb would. */
  public Config loadIn(Path instanceDir) {
    return Config.load(writeTo(instanceDir), java.util.Map.of());
  }
}
