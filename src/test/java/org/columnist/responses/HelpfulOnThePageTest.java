package org.columnist.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.columnist.TestClock;
import org.columnist.archive.Archive;
import org.columnist.cli.Wiring;
import org.columnist.config.Config;
import org.columnist.config.InstanceSkeleton;
import org.columnist.site.SiteBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The count of helpful votes in the built column page, from {@code votes.show_from} on. */
class HelpfulOnThePageTest {
  static final String SLUG = "the-nurse-manager-who-cannot-say-no";
  static final String PAGE = "2025/06/" + SLUG + "/index.html";

  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  Wiring wiring;
  Votes votes;
  SiteBuilder builder;

  @BeforeEach
  void open() {
    InstanceSkeleton.copyTo(dir);
    wiring = new Wiring(Config.load(dir.resolve("config/columnist.yml"), Map.of()), clock);
    votes = new Votes(wiring.store, clock, ZoneOffset.UTC);
    builder =
        new SiteBuilder(
            wiring.config,
            new Archive(wiring.config.paths().archive()),
            slug -> List.of(),
            wiring.sitePart());
  }

  @Test
  void showsTheCountOnlyOnceItReachesShowFrom() throws IOException {
    builder.build(false);
    assertThat(page().select(".helpful-count")).isEmpty();
    votes.cast(SLUG, "198.51.100.1", true);
    votes.cast(SLUG, "198.51.100.2", true);
    votes.cast(SLUG, "198.51.100.3", false);

    SiteBuilder.Report report = builder.build(false);
    assertThat(report.rendered()).isZero();
    assertThat(page().select(".helpful-count")).isEmpty();

    votes.cast(SLUG, "198.51.100.4", true);
    report = builder.build(false);
    assertThat(report.rendered()).isEqualTo(1);
    assertThat(page().select(".helpful-count").text()).isEqualTo("3 readers found this helpful");
  }

  @Test
  void drawsTheButtonsWithTheColumnsTokenAndAHoneypot() throws IOException {
    builder.build(false);

    Document page = page();
    assertThat(page.select("form.helpful-vote").attr("action")).isEqualTo("/votes/" + SLUG);
    assertThat(page.select("form.helpful-vote button[name=value]"))
        .extracting(b -> b.attr("value"))
        .containsExactly("yes", "no");
    assertThat(wiring.formTokens().read(page.select("form.helpful-vote [name=token]").val()))
        .hasValueSatisfying(
            s -> {
              assertThat(s.form()).isEqualTo("vote");
              assertThat(s.slug()).isEqualTo(SLUG);
            });
    assertThat(page.select("form.helpful-vote input[name=website]")).hasSize(1);
  }

  Document page() throws IOException {
    return Jsoup.parse(Files.readString(wiring.config.paths().publicDir().resolve(PAGE)));
  }
}
