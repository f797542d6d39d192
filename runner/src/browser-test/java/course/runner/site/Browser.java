package course.runner.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through ChromeDriver, both from the system's packages (Debian: {@code
 * chromium} and {@code chromium-driver}; {@code COURSE_CHROMIUM} and {@code COURSE_CHROMEDRIVER}
 * point elsewhere). Every page it opens records its script errors and the scripts and stylesheets
 * it could not load, in {@code window.__bookErrors}.
 */
final class Browser implements AutoCloseable {

  /**
   * Records errors before any script of the page runs; the capture phase also sees failed loads.
   */
  private static final String RECORD_ERRORS =
      """
      window.__bookErrors = [];
      window.addEventListener("error", (event) => {
        const target = event.target;
        if (target && target !== window && (target.src || target.href)) {
          if (target.tagName !== "IMG") window.__bookErrors.push("could not load " + (target.src || target.href));
        } else {
          window.__bookErrors.push("script error: " + event.message + " (" + event.filename + ":" + event.lineno + ")");
        }
      }, true);
      window.addEventListener("unhandledrejection", (event) => window.__bookErrors.push("unhandled rejection: " + event.reason));
      """;

  static final Path CHROMIUM = Path.of(env("COURSE_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(env("COURSE_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private final ChromeDriver driver;
  private final Path profile;

  /** Whether this machine has the browser and its driver. */
  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  Browser() throws IOException {
    profile = Files.createTempDirectory("book-browser");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // As root, on a machine without a display or a network: no sandbox, no GPU, nothing that
    // calls home (each of those calls is refused here, slowly).
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,900",
        "--allow-file-access-from-files",
        "--user-data-dir=" + profile);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile());
    driver = new ChromeDriver(service.build(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_ERRORS));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(Path page) {
    driver.get(page.toUri().toString());
  }

  /** Runs {@code script} in the page and returns what it returns. */
  @SuppressWarnings("unchecked")
  <T> T eval(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The script errors and failed loads of the page open now. */
  List<String> errors() {
    List<String> errors = eval("return window.__bookErrors || ['the error recorder did not run'];");
    return errors;
  }

  /** Makes the pages believe the system's theme is dark, or light. */
  void theme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
