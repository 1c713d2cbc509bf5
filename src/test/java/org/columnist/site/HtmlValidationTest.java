package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every HTML page of the built sample site passes the Nu HTML Checker (the W3C's validator). */
class HtmlValidationTest {
  @TempDir Path dir;

  @Test
  void everyPageIsValidHtml() throws Exception {
    SiteFixture fx = new SiteFixture(dir);
    fx.builder().build(false);
    List<Path> pages =
        fx.files().stream().filter(f -> f.endsWith(".html")).map(fx.publicDir()::resolve).toList();
    assertThat(pages).hasSizeGreaterThan(20);
    assertThat(NuChecker.errors(pages)).isEmpty();
  }

  @Test
  void theNewsletterAnswerPagesAreValidHtml() throws Exception {
    SiteFixture fx = new SiteFixture(dir);
    AnswerPage pages = new AnswerPage(fx.config);
    Path withButton = dir.resolve("button.html");
    Files.writeString(
        withButton,
        pages.render(
            "Confirm your subscription",
            List.of("Press the button."),
            new AnswerPage.Button("newsletter/confirm", "abc~def", "Confirm my subscription"),
            false));
    Path withForm = dir.resolve("form.html");
    Files.writeString(
        withForm, pages.render("This link does not work", List.of("One.", "Two."), null, true));
    assertThat(Files.readString(withForm)).contains("action=\"/subscribe\"");
    assertThat(NuChecker.errors(List.of(withButton, withForm))).isEmpty();
  }

  /** Every column open, each with one response and the coach's reply. */
  static final ReaderSide WITH_RESPONSES =
      new ReaderSide() {
        @Override
        public Readers column(String slug, java.time.LocalDate date) {
          return new Readers(
              List.of(
                  new Readers.Response(
                      1, "Sam", "2026-03-02", "It *helped*. <b>x</b> ![i](/a.png)", "Good.")),
              true,
              0,
              "tok~en",
              "vote~tok");
        }

        @Override
        public java.util.Map<String, String> fingerprints() {
          return java.util.Map.of();
        }

        @Override
        public boolean open(java.time.LocalDate date) {
          return true;
        }

        @Override
        public String pageToken(String form) {
          return "page~tok";
        }
      };

  @Test
  void columnPagesWithResponsesAndTheirCheckPageAreValidHtml() throws Exception {
    SiteFixture fx = new SiteFixture(dir);
    new SiteBuilder(fx.config, fx.archive, slug -> List.of(), WITH_RESPONSES).build(false);
    List<Path> columns =
        fx.files().stream()
            .filter(f -> f.matches("\\d{4}/\\d{2}/.+/index\\.html"))
            .map(fx.publicDir()::resolve)
            .toList();
    assertThat(columns).isNotEmpty();
    assertThat(Files.readString(columns.get(0)))
        .contains("Responses (1)", "form class=\"respond\"");
    Path check = dir.resolve("check.html");
    Files.writeString(
        check,
        new ResponseForm(fx.config, ReaderSide.NONE)
            .render(
                "Check your response and send",
                "Please read it through once more.",
                "responses/a-column",
                "tok~en",
                new ResponseForm.Filled("Sam", "sam@example.com", "<script>x</script>", true),
                List.of("Please write your response.")));
    List<Path> all = new java.util.ArrayList<>(columns.subList(0, 1));
    all.add(check);
    assertThat(NuChecker.errors(all)).isEmpty();
  }

  @Test
  void theAskCheckPageIsValidHtml() throws Exception {
    SiteFixture fx = new SiteFixture(dir);
    Path check = dir.resolve("check.html");
    Files.writeString(
        check,
        new AnswerPage(fx.config)
            .renderAsk(
                "Check your question and send",
                java.util.Map.of("question", "<b>Why?</b>", "age", "47", "consent", "yes"),
                List.of("Please write your question."),
                "abc~def"));
    assertThat(Files.readString(check)).contains("&lt;b&gt;Why?").contains("checked");
    assertThat(NuChecker.errors(List.of(check))).isEmpty();
  }

  @Test
  void theCheckerCatchesInvalidHtml() throws Exception {
    // Proves the harness above can fail: a page with a stray end tag and a duplicate id.
    Path bad = dir.resolve("bad.html");
    Files.writeString(
        bad,
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p id=a></div><p id=a></body></html>");
    assertThat(NuChecker.errors(List.of(bad)))
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).contains("bad.html").contains("Stray end tag"))
        .anySatisfy(e -> assertThat(e).contains("Duplicate ID"));
  }
}
