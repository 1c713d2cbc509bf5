package org.columnist.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every HTML page of the built sample site passes the Nu HTML Checker (the W3C's validator). */
class HtmlValidationTest {
  @TempDir Path dir;

  @Test
  void everyPageIsValidHtml() throws Exception {
    SiteFixture fx = new SiteFixture(dir);
    fx.builder().build(false);
    List<String> errors = new ArrayList<>();
    List<String> pages = fx.files().stream().filter(f -> f.endsWith(".html")).toList();
    for (String page : pages) {
      Collector collector = new Collector(page, errors);
      SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
      validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collector);
      validator.setUpValidatorAndParsers(collector, false, false);
      validator.checkHtmlFile(fx.publicDir().resolve(page).toFile(), true);
    }
    assertThat(pages).hasSizeGreaterThan(20);
    assertThat(errors).isEmpty();
  }

  @Test
  void theCheckerCatchesInvalidHtml() throws Exception {
    // Proves the harness above can fail: a page with a stray end tag and a duplicate id.
    Path bad = dir.resolve("bad.html");
    java.nio.file.Files.writeString(
        bad,
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p id=a></div><p id=a></body></html>");
    List<String> errors = new ArrayList<>();
    Collector collector = new Collector("bad.html", errors);
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
    validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collector);
    validator.setUpValidatorAndParsers(collector, false, false);
    validator.checkHtmlFile(bad.toFile(), true);
    assertThat(errors).isNotEmpty();
  }

  private record Collector(String page, List<String> errors) implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // Warnings are advice (e.g. about heading structure), not invalid markup.
    }

    @Override
    public void error(SAXParseException e) {
      errors.add(page + ":" + e.getLineNumber() + ": " + e.getMessage());
    }

    @Override
    public void fatalError(SAXParseException e) {
      error(e);
    }
  }
}
