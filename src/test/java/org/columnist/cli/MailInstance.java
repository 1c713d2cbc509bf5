package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.columnist.config.TestConfig;

/** A fresh instance (by {@code columnist init}) whose mailbox and relay are a running GreenMail. */
final class MailInstance {
  private MailInstance() {}

  /** Creates it in {@code dir}/column; returns the path of its config file. */
  static String create(Path dir, GreenMailOperations greenMail) {
    return create(dir, greenMail, UnaryOperator.identity());
  }

  /** The same, with the config changed by {@code more} (another relay, other ports). */
  static String create(Path dir, GreenMailOperations greenMail, UnaryOperator<TestConfig> more) {
    greenMail.setUser(TestConfig.ADDRESS, TestConfig.ADDRESS, TestConfig.PASSWORD);
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    TestConfig config =
        TestConfig.extending(instance.resolve("config/columnist.yml"))
            .withMailbox("imap", greenMail.getImap().getPort())
            .withSmtp(greenMail.getSmtp().getPort());
    return more.apply(config).writeTo(instance).toString();
  }
}
