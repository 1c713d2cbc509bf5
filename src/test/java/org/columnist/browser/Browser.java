package org.columnist.browser;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver, so that nothing is downloaded; and
 * screenshots into target/screenshots/ for a person to look at.
 */
public final class Browser implements AutoCloseable {
  public static final Path SCREENSHOTS = Path.of("target/screenshots");

  private final ChromeDriver driver;

  public Browser() {
    this(true);
  }

  /** A browser that runs no script, to see what a page does without its progressive parts. */
  public static Browser withoutJavaScript() {
    return new Browser(false);
  }

  private Browser(boolean javaScript) {
    ChromeOptions options = new ChromeOptions();
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars");
    // Keeps what pages write to the console (CSP violations among it) for console().
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens {@code url} at {@code width} x {@code height} pixels and saves a screenshot as {@code
   * name}.png.
   */
  public Path screenshot(String url, String name, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    driver.get(url);
    return save(name);
  }

  /**
   * Clicks what {@code target} finds (a form's button, a link) and returns once the page it leads
   * to has replaced this one: a click does not always wait for the navigation it starts, and the
   * next look at the page must not see the old one, or none.
   */
  public void press(By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    await().atMost(Duration.ofSeconds(30)).until(() -> gone(page));
  }

  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    }
  }

  /** What pages wrote to the console since the last call, one line a message. */
  public List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves what the window shows now as {@code name}.png. */
  public Path save(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
