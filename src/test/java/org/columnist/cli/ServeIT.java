package org.columnist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.config.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'columnist serve' beside a coach who publishes from the command line. */
class ServeIT {
  private static final Pattern SERVING =
      Pattern.compile("with search at http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;

  @Test
  void findsAColumnPublishedFromTheCommandLineWithoutARestart() throws Exception {
    Path instance = dir.resolve("column");
    assertThat(CliTest.columnist("init", instance.toString()).exit()).isZero();
    Path config =
        TestConfig.extending(instance.resolve("config/columnist.yml"))
            .withAnyServerPorts()
            .writeTo(instance);
    Process serve =
        new ProcessBuilder(
                List.of(
                    DemoIT.java(), "-jar", DemoIT.jar(), "serve", "--config", config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("serve.log").toFile())
            .start();
    try {
      int port = RunIT.port(dir.resolve("serve.log"), SERVING);
      assertThat(search(port, "reorganisation")).contains("\"total\":0");

      CliTest.Result started =
          CliTest.columnist(
              "draft",
              "new",
              "--title",
              "Calm through a reorganisation",
              "--config",
              config.toString());
      Matcher id = Pattern.compile("Started column (\\d+)").matcher(started.out());
      assertThat(id.find()).as(started.out() + started.err()).isTrue();
      String draft =
          CliTest.columnist("draft", "show", id.group(1), "--config", config.toString()).out();
      Path answered = dir.resolve("answered.md");
      Files.writeString(
          answered,
          draft
              .replace("  issue: \"\"\n", "  issue: Reorganisation\n")
              .replace("## Answer\n", "## Answer\n\nOne step a day.\n"));
      CliTest.Result set =
          CliTest.columnist(
              "draft", "set", id.group(1), answered.toString(), "--config", config.toString());
      assertThat(set.exit()).as(set.err()).isZero();
      for (String verb : List.of("review", "publish")) {
        CliTest.Result r =
            CliTest.columnist("queue", verb, id.group(1), "--config", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
      }

      String found =
          await("the new column found by search")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> search(port, "reorganisation"),
                  body -> body.contains("Calm through a reorganisation"));
      assertThat(found).contains("Calm through a reorganisation").contains("\"total\":1");
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(dir.resolve("serve.log"))).contains("Stopped.");
  }

  private static String search(int port, String query) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/search?q=" + query))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
