package org.columnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SignerTest {
  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  @Test
  void signsTheSameOnEveryCallAndThread() throws Exception {
    // HMAC-SHA256 of the payload under KEY cut to 16 bytes, by Python's hmac: the tokens of pages
    // already published must stay valid.
    String expected = "Zi52b3RlLnNvbWUtc2x1Zy4w~zMhVUmJ9lBLPIeUENXxuuw";
    Signer signer = new Signer(KEY);
    assertThat(signer.sign("f.vote.some-slug.0")).isEqualTo(expected);
    assertThat(signer.keyedHash("é"))
        .isEqualTo("2445a1fe5ea6e3a6a788fcd7694ae2e660a1b57669bd103992c9cea6979eedcd");
    assertThat(signer.sign("f.vote.some-slug.0")).isEqualTo(expected);
    assertThat(CompletableFuture.supplyAsync(() -> signer.sign("f.vote.some-slug.0")).get())
        .isEqualTo(expected);
    assertThat(signer.verified(expected)).contains("f.vote.some-slug.0");
    assertThat(new Signer(new byte[32]).verified(expected)).isEmpty();
  }
}
