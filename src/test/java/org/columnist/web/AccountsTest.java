package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.columnist.ColumnistException;
import org.columnist.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
  @TempDir Path dir;
  Accounts accounts;

  @BeforeEach
  void open() {
    accounts = new Accounts(Store.open(dir.resolve("columnist.db")), Clock.systemUTC());
  }

  @Test
  void refusesAPasswordOverSeventyTwoBytesCountingBytesNotCharacters() {
    char[] eighty = "é".repeat(40).toCharArray(); // 40 characters, 80 bytes in UTF-8
    assertThatThrownBy(() -> accounts.add("pat", eighty))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("80 bytes")
        .hasMessageContaining("at most 72");
    accounts.add("pat", "é".repeat(36).toCharArray());
    assertThatThrownBy(() -> accounts.changePassword("pat", eighty))
        .isInstanceOf(ColumnistException.class)
        .hasMessageContaining("at most 72");
    assertThat(accounts.verify("pat", "é".repeat(36))).isPresent();
  }

  @Test
  void aPasswordOverSeventyTwoBytesIsSimplyWrongAtLogin() {
    accounts.add("pat", "correct horse battery".toCharArray());
    assertThat(accounts.verify("pat", "correct horse battery" + "x".repeat(80))).isEmpty();
  }

  @Test
  void theStampChangesWithThePasswordAndGoesWithTheAccount() {
    accounts.add("pat", "correct horse battery".toCharArray());
    String stamp = accounts.verify("pat", "correct horse battery").orElseThrow();
    assertThat(accounts.stamp("pat")).contains(stamp);
    accounts.changePassword("pat", "correct horse battery".toCharArray());
    assertThat(accounts.stamp("pat").orElseThrow()).isNotEqualTo(stamp);
    accounts.remove("pat");
    assertThat(accounts.stamp("pat")).isEmpty();
    assertThat(accounts.verify("pat", "correct horse battery")).isEmpty();
  }
}
