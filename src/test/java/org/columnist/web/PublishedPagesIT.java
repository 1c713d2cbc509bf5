package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.archive.Archive;
import org.columnist.column.Column;
import org.columnist.column.Columns;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Published page lists the whole archive, and any column in it opens for a correction. */
class PublishedPagesIT {
  static final String NURSE = "2025/06/the-nurse-manager-who-cannot-say-no.md";

  @RegisterExtension final EditorInstance instance = new EditorInstance();
  HttpClient http;
  String csrf;

  @BeforeEach
  void logIn() throws Exception {
    http = instance.loggedIn();
    csrf = instance.csrf(http);
  }

  Document page(String path) throws Exception {
    return Jsoup.parse(instance.send(http, "GET", path, Map.of()).body());
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> all = new HashMap<>(form);
    all.put("csrf", csrf);
    return instance.send(http, "POST", path, all);
  }

  Archive archive() {
    return new Archive(instance.config.paths().archive());
  }

  @Test
  void listsEveryColumnOfTheSampleArchiveNewestFirst() throws Exception {
    Document published = page("/published");
    assertThat(published.select("tbody tr td:nth-child(2)").eachText())
        .containsExactly(
            "When a colleague takes credit for your work",
            "The nurse manager who cannot say no",
            "Leading the team you used to be part of");
    assertThat(published.select("input[name=file]").eachAttr("value")).contains(NURSE);
  }

  @Test
  void findsAColumnByTitleOrSlug() throws Exception {
    assertThat(page("/published?q=NURSE").select("tbody tr td:nth-child(2)").eachText())
        .containsExactly("The nurse manager who cannot say no");
    assertThat(page("/published?q=takes-credit").select("tbody tr").eachText())
        .hasSize(1)
        .allMatch(t -> t.contains("When a colleague takes credit"));
    assertThat(page("/published?q=nothing-like-this").text()).contains("No column has");
  }

  @Test
  void showsALargeArchiveFiftyColumnsAtATime() throws Exception {
    for (int i = 1; i <= 60; i++) {
      archive()
          .write(
              Columns.aColumn()
                  .withTitle("Column number " + i)
                  .withSlug("column-number-" + i)
                  .withDate(LocalDate.of(2026, 1, 1).plusDays(i))
                  .build());
    }
    Document first = page("/published");
    assertThat(first.select("tbody tr")).hasSize(PublishedPages.PER_PAGE);
    assertThat(first.select("tbody tr td:nth-child(2)").first().text())
        .isEqualTo("Column number 60");
    assertThat(first.text()).contains("63 columns, page 1 of 2");
    Document second = page(first.select("a[rel=next]").attr("href"));
    assertThat(second.select("tbody tr")).hasSize(13);
    assertThat(second.select("tbody tr td:nth-child(2)").last().text())
        .isEqualTo("Leading the team you used to be part of");
  }

  @Test
  void aSampleColumnOpensForACorrectionThatRepublishesItAtTheSameUrl() throws Exception {
    Column before = archive().read(archive().root().resolve(NURSE));
    HttpResponse<String> opened = post("/published/correct", Map.of("file", NURSE));
    assertThat(opened.statusCode()).isEqualTo(302);
    String draft = opened.headers().firstValue("location").orElseThrow();
    long id = Long.parseLong(draft.substring("/drafts/".length()));
    String text = instance.queue.drafts().latest(id).text();
    assertThat(text).contains("title: The nurse manager who cannot say no");
    instance
        .queue
        .drafts()
        .save(id, text.replace("## Answer\n", "## Answer\n\nA corrected line.\n"), "test", null);
    HttpResponse<String> republished = post("/questions/" + id + "/republish", Map.of());
    assertThat(republished.statusCode()).isEqualTo(302);
    assertThat(page("/drafts/" + id).select(".flash").text())
        .isEqualTo(
            "Published: " + instance.config.site().baseUrl().resolve(before.path()).toString());
    Column after = archive().read(archive().root().resolve(NURSE));
    assertThat(after.path()).isEqualTo(before.path());
    assertThat(after.answer()).contains("A corrected line.");
    assertThat(after.corrected()).isNotNull();
    assertThat(archive().files()).hasSize(3);
    // Opened again, it is the same question; the list now links its draft.
    assertThat(post("/published/correct", Map.of("file", NURSE)).headers().firstValue("location"))
        .contains(draft);
    assertThat(page("/published").select("a[href=" + draft + "]")).hasSize(1);
  }

  @Test
  void refusesAFileOutsideTheArchive() throws Exception {
    for (String file : List.of("../config/columnist.yml", "2025/06/no-such-column.md")) {
      HttpResponse<String> r = post("/published/correct", Map.of("file", file));
      assertThat(r.statusCode()).as(file).isEqualTo(409);
      assertThat(r.body()).contains("no column");
    }
  }
}
