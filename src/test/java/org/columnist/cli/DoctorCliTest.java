package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.columnist.config.TestConfig.aConfig;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's part on the From domain, where no DNS server answers. */
class DoctorCliTest {
  @TempDir Path dir;

  @Test
  void doctorSaysWhenDnsCannotBeReachedAndStillListsWhatProvidersRequire() {
    String config = aConfig().writeTo(dir).toString();
    CliTest.Result doctor = CliTest.columnistWith(config, "doctor", "--dns", "dns://127.0.0.1:1");
    assertThat(doctor.out())
        .contains("FAIL  mailbox: the config has no 'mail:' section")
        .contains("?     dns: no DNS server answered (dns://127.0.0.1:1)")
        .contains("SPF, DKIM and DMARC of column.example not checked")
        .contains("What large providers require of bulk senders:")
        .contains("SPF and DKIM both pass")
        .contains("one-click unsubscribe (RFC 8058)")
        .contains("within two days")
        .contains("under 0.3%");
    // The domain's findings are advice: only the instance's own checks count as failures.
    assertThat(doctor.err()).isEqualTo("doctor: 2 of 2 checks failed\n");
  }

  @Test
  void doctorChecksTheDomainOfAFromWithADisplayName() {
    String config = aConfig().withSmtp(1).writeTo(dir).toString();
    CliTest.Result doctor = CliTest.columnistWith(config, "doctor", "--dns", "dns://127.0.0.1:1");
    assertThat(doctor.out())
        .contains("SPF, DKIM and DMARC of column.example not checked")
        .doesNotContain("column.example>");
  }
}
