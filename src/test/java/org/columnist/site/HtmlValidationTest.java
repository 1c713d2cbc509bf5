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
