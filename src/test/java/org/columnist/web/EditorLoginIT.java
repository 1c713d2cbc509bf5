package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in to a running editor: the throttle under a burst, long passwords, where it leads. */
class EditorLoginIT {
  @RegisterExtension final EditorInstance instance = new EditorInstance();

  HttpResponse<String> login(String name, String password, String next) throws Exception {
    return instance.send(
        EditorInstance.client(),
        "POST",
        "/login",
        Map.of("name", name, "password", password, "next", next));
  }

  @Test
  void aBurstOfGuessesGetsNoMorePasswordChecksThanTheLimitRightPasswordIncluded() throws Exception {
    int burst = 40;
    CountDownLatch ready = new CountDownLatch(burst);
    ExecutorService threads = Executors.newFixedThreadPool(burst);
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      // The right password goes last, as a guesser's fortieth try would.
      String password = i == burst - 1 ? EditorInstance.PASSWORD : "wrong guess number " + i;
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                ready.countDown();
                try {
                  ready.await();
                  return login("pat", password, "/").statusCode();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              threads));
    }
    List<Integer> codes = answers.stream().map(CompletableFuture::join).toList();
    threads.shutdown();
    long checked = codes.stream().filter(c -> c == 401 || c == 302).count();
    assertThat(checked).isEqualTo(LoginThrottle.MAX_FAILURES);
    assertThat(codes.stream().filter(c -> c == 429).count()).isEqualTo(burst - checked);
  }

  @Test
  void aPasswordOverSeventyTwoBytesIsRefusedClearlyAndCountsAsAFailure() throws Exception {
    String tooLong = "é".repeat(40); // 40 characters, 80 bytes
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      HttpResponse<String> r = login("pat", tooLong, "/");
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("No editor password is longer than 72 bytes");
    }
    assertThat(login("pat", EditorInstance.PASSWORD, "/").statusCode()).isEqualTo(429);
  }

  @Test
  void aNameNoAccountCanHaveIsAFailureLikeAnyOther() throws Exception {
    assertThat(login("x".repeat(10_000), "whatever it is", "/").statusCode()).isEqualTo(401);
    assertThat(login("pat\n2026-12-01T10:00:00Z INFO editor: pat logged in", "x", "/").statusCode())
        .isEqualTo(401);
  }

  @Test
  void afterLoginOnlyAPathOnTheEditorIsFollowed() throws Exception {
    for (String evil : List.of("/\t/evil.example", "//evil.example", "https://evil.example/")) {
      HttpResponse<String> r = login("pat", EditorInstance.PASSWORD, evil);
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.headers().firstValue("location")).as(evil).contains("/");
    }
    HttpResponse<String> fine = login("pat", EditorInstance.PASSWORD, "/drafts/1");
    assertThat(fine.headers().firstValue("location")).contains("/drafts/1");
    HttpClient http = instance.loggedIn();
    assertThat(instance.send(http, "GET", "/login?next=%2F%09%2Fevil.example", Map.of()).body())
        .contains("name=\"next\" value=\"/\"");
  }
}
