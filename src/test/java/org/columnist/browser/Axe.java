package org.columnist.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run in the page a browser shows: the WCAG 2.1 A and AA rules,
 * each violation as one line naming the rule and the elements that break it. The build installs
 * axe-core from npm into target/npm (pom.xml) and passes its path as {@code axe.script}.
 */
public final class Axe {
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private final String script;

  public Axe() {
    String path = System.getProperty("axe.script");
    if (path == null) {
      throw new IllegalStateException("run through Maven: axe.script is not set");
    }
    try {
      script = Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is not installed at " + path, e);
    }
  }

  /** The WCAG 2.1 AA violations in the page {@code driver} shows now. */
  public List<String> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    js.executeScript(script);
    Object result =
        js.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                  + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));""",
            TAGS);
    @SuppressWarnings("unchecked")
    List<String> lines = (List<String>) result;
    return List.copyOf(lines);
  }

  /** The same for each of {@code pages}, opened in turn: page path to its violations. */
  public Map<String, List<String>> violations(WebDriver driver, String base, List<String> pages) {
    Map<String, List<String>> all = new java.util.LinkedHashMap<>();
    for (String page : pages) {
      driver.get(base + page);
      List<String> found = violations(driver);
      if (!found.isEmpty()) {
        all.put(page, found);
      }
    }
    return all;
  }
}
