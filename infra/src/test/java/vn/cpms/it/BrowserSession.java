package vn.cpms.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with nothing
 * downloaded: the driver and the browser are given by path, so Selenium Manager is never asked.
 */
final class BrowserSession implements AutoCloseable {
  static final String DRIVER = System.getProperty("cpms.chromedriver", "/usr/bin/chromedriver");
  static final String BROWSER = System.getProperty("cpms.chromium", "/usr/bin/chromium");
  static final Dimension DESKTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);

  final ChromeDriver driver;
  final WebDriverWait wait;
  final String base;
  private final Path profile;

  BrowserSession(int port) {
    try {
      profile = Files.createTempDirectory("cpms-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(DRIVER).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(DESKTOP);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    base = "http://localhost:" + port;
  }

  void open(String path) {
    driver.get(base + path);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** The field {@code name} of the form {@code formId}. */
  WebElement field(String formId, String name) {
    return find("#" + formId).findElement(By.name(name));
  }

  void type(String formId, String name, String text) {
    WebElement input = field(formId, name);
    input.clear();
    input.sendKeys(text);
  }

  void choose(String formId, String name, String value) {
    new Select(field(formId, name)).selectByValue(value);
  }

  void check(String formId, String name, String value) {
    WebElement box =
        find("#" + formId)
            .findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    if (!box.isSelected()) {
      box.click();
    }
  }

  /** Submits a form by its button and waits for the next page. */
  void submit(String formId) {
    WebElement form = find("#" + formId);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(d -> gone(form));
  }

  /**
   * Whether the page that held {@code element} was replaced. Chromium sometimes answers a question
   * about a node of the previous page with "does not belong to the document" instead of the stale
   * element error that {@link ExpectedConditions#stalenessOf} expects: both mean gone.
   */
  static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    open("/login");
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    WebElement button = find("#sign-in");
    button.click();
    wait.until(d -> gone(button));
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** What the browser's console said since the last call: CSP refusals, script errors. */
  List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(e -> e.getMessage())
        .toList();
  }

  /** A PNG of the top of the page, in docs/screenshots/ of the repository. */
  void screenshot(String name) {
    driver.executeScript("window.scrollTo(0, 0);");
    Path target = screenshots().resolve(name + ".png");
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.createDirectories(target.getParent());
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's docs/screenshots: up from the module's working directory to the root. */
  static Path screenshots() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isDirectory(dir.resolve("infra"))
            && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      dir = Path.of("").toAbsolutePath();
    }
    return dir.resolve("docs").resolve("screenshots");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
