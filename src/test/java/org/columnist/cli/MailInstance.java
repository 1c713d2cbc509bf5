package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh instance (by {@code columnist init}) whose mailbox and relay are a running GreenMail. */
final class MailInstance {
  private MailInstance() {}

  /** Creates it in {@code dir}/column; returns the path of its config file. */
  static String create(Path dir, GreenMailOperations greenMail) throws IOException {
    greenMail.setUser("ask@column.example", "ask@column.example", "s3cret");
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Files.writeString(instance.resolve("mailbox-password"), "s3cret\n");
    Path file = instance.resolve("config/columnist.yml");
    Files.writeString(
        file,
        Files.readString(file)
            + """
            mail:
              protocol: imap
              host: 127.0.0.1
              port: %d
              user: ask@column.example
              password_file: mailbox-password
            smtp:
              host: 127.0.0.1
              port: %d
              security: none
              from: "Coach's Corner <ask@column.example>"
            """
                .formatted(greenMail.getImap().getPort(), greenMail.getSmtp().getPort()));
    return file.toString();
  }
}
