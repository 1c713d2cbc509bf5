package org.columnist.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.columnist.store.Store;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"Re:", "RE :", "Fwd:", "FW:", "AW:", "SV:", "sv: Re: AW: Fwd:"})
  void takesAWithdrawBehindAnyReplyPrefixForTheCommand(String prefix) {
    ParsedMail mail =
        MailParser.parse(
            ("From: Mary <mary@example.com>\r\n"
                    + "To: ask@column.example\r\n"
                    + "Subject: "
                    + prefix
                    + " withdraw\r\n"
                    + "Message-ID: <1@example.com>\r\n"
                    + "\r\n"
                    + "Please take my question back.\r\n")
                .getBytes(StandardCharsets.UTF_8));
    Store store = Store.open(dir.resolve("columnist.db"));
    Outcome outcome = store.inTransaction(db -> Classifier.classify(db, mail, "hash"));
    assertThat(outcome).isEqualTo(new Outcome.Command("withdraw"));
  }
}
