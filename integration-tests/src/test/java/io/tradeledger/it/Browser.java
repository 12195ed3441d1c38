package io.tradeledger.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (both installed by {@code
 * integration-tests/browser/install-chromium.sh}; nothing is downloaded), looking at the dashboards
 * the client-apis of the test network serve. One browser is one tab; each organization's dashboard
 * is its own origin, so the tab keeps one sign-in per organization.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(90);

  private final ChromeDriver driver;
  private final Apis apis;

  Browser(Apis apis) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: run integration-tests/browser/install-chromium.sh (as root), or"
              + " install the Debian packages chromium and chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    // An interrupted run skips @AfterAll: the browser must not outlive the JVM that drives it.
    Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    this.apis = apis;
  }

  ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens an organization's dashboard at {@code hash} (such as {@code /trades}), signing in with
   * the role's key when the page asks for one.
   */
  void open(Organization org, Apis.Role role, String hash) {
    String url = apis.url(org).resolve("/dashboard/#" + hash).toString();
    driver.get(url);
    Poll.until(
        "the dashboard of " + org + " to show the sign-in or its header",
        WAIT,
        () -> visible("sign-in") || visible("who"),
        shown -> shown);
    if (visible("who") && !role.name().equals(text("who-role"))) {
      // Signed in at this origin earlier with the other role's key: sign out first.
      click("sign-out");
      waitFor("the sign-in form", () -> visible("sign-in"));
    }
    if (visible("sign-in")) {
      type("api-key", apis.key(org, role));
      driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
      waitFor("the header to name " + role, () -> role.name().equals(text("who-role")));
      driver.get(url);
    }
    waitFor(
        "the header to name " + org.mspId() + " and " + role,
        () -> org.mspId().equals(text("who-organization")) && role.name().equals(text("who-role")));
  }

  /**
   * Signs in with the keyboard alone: opens the dashboard at {@code hash}, moves the focus to the
   * key field with Tab if the page did not put it there, types the key and presses Enter.
   */
  void signInWithKeyboard(Organization org, Apis.Role role, String hash) {
    driver.get(apis.url(org).resolve("/dashboard/#" + hash).toString());
    waitFor("the sign-in form of " + org, () -> visible("sign-in"));
    tabTo("#api-key");
    keys(apis.key(org, role), Keys.ENTER);
    waitFor(
        "the header to name " + org.mspId() + " and " + role,
        () -> org.mspId().equals(text("who-organization")) && role.name().equals(text("who-role")));
  }

  /** Presses keys as a user would, into whatever has the focus. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** The id of the element that has the focus (empty when it has none). */
  String focused() {
    return (String) script("return document.activeElement ? document.activeElement.id : ''");
  }

  /**
   * Presses Tab until the element matching {@code selector} has the focus, and checks that the
   * focus is visible on it (an outline); fails after 60 presses. Answers how many it took.
   */
  int tabTo(String selector) {
    return tab(selector, Keys.TAB);
  }

  /** As {@link #tabTo}, backwards: Shift+Tab. */
  int tabBackTo(String selector) {
    return tab(selector, Keys.chord(Keys.SHIFT, Keys.TAB));
  }

  private int tab(String selector, CharSequence key) {
    for (int presses = 0; presses <= 60; presses++) {
      Boolean there =
          (Boolean) script("return document.activeElement.matches(arguments[0])", selector);
      if (Boolean.TRUE.equals(there)) {
        String outline =
            (String)
                script(
                    "const s = getComputedStyle(document.activeElement);"
                        + " return s.outlineStyle + ' ' + s.outlineWidth");
        if (presses > 0 && (outline.startsWith("none") || outline.endsWith(" 0px"))) {
          throw new AssertionError("the focus on " + selector + " is not visible: " + outline);
        }
        return presses;
      }
      keys(key);
    }
    throw new AssertionError(
        "Tab never reached " + selector + "; the focus stays on " + describeFocus());
  }

  private String describeFocus() {
    return (String)
        script(
            "const e = document.activeElement;"
                + " return e.tagName + '#' + e.id + ' ' + (e.getAttribute('href') || '')");
  }

  /**
   * The form controls and buttons on the page without an accessible name (the browser's own
   * computation, as a screen reader gets it), each as {@code tag#id}.
   */
  List<String> unlabelledControls() {
    return driver.findElements(By.cssSelector("input, select, textarea, button")).stream()
        .filter(WebElement::isDisplayed)
        .filter(control -> Optional.ofNullable(control.getAccessibleName()).orElse("").isBlank())
        .map(control -> control.getTagName() + "#" + control.getAttribute("id"))
        .toList();
  }

  /**
   * The page's width ({@code scrollWidth}) and the window's ({@code innerWidth}), in CSS pixels: a
   * page wider than its window scrolls sideways as a whole.
   */
  Map<String, Long> widths() {
    @SuppressWarnings("unchecked")
    Map<String, Long> widths =
        (Map<String, Long>)
            script(
                "return {scrollWidth: document.documentElement.scrollWidth,"
                    + " innerWidth: window.innerWidth}");
    return widths;
  }

  boolean visible(String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  boolean present(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  String text(String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  String attribute(String id, String name) {
    List<WebElement> found = driver.findElements(By.id(id));
    return found.isEmpty() ? null : found.get(0).getAttribute(name);
  }

  /** Types into a text field with the keyboard, replacing what it held. */
  void type(String id, String value) {
    WebElement field = element(id);
    field.clear();
    field.sendKeys(value);
  }

  /** Sets a select, date or time control as a user's choice would (with its input events). */
  void choose(String id, String value) {
    element(id);
    script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + " e.dispatchEvent(new Event('input', {bubbles: true}));"
            + " e.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        value);
  }

  /** Gives a file input a file, as choosing it in the file dialog would. */
  void attach(String id, Path file) {
    element(id).sendKeys(file.toAbsolutePath().toString());
  }

  WebElement element(String id) {
    return Poll.untilSucceeds("element #" + id, WAIT, () -> driver.findElement(By.id(id)));
  }

  void click(String id) {
    element(id).click();
  }

  /**
   * Submits a form and waits until {@code done}; fails at once with the problem the form shows if
   * the API refused.
   */
  void submit(String form, String what, Supplier<Boolean> done) {
    click(form + "-submit");
    Poll.until(
        what,
        WAIT,
        () -> {
          Optional<String> problem = problemOf(form);
          if (problem.isPresent()) {
            throw new AssertionError(what + ": the form shows " + problem.get());
          }
          return done.get();
        },
        finished -> finished);
  }

  /** The first problem a form shows, at a field or above its button. */
  Optional<String> problemOf(String form) {
    return driver.findElements(By.cssSelector("#" + form + " .problem")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .filter(text -> !text.isBlank())
        .findFirst();
  }

  void waitFor(String what, Supplier<Boolean> condition) {
    Poll.until(what, WAIT, condition::get, done -> done);
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves what the page shows as {@code target/screenshots/<name>.png} (the whole page). */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      // The whole page, not only the window: the window is made as tall as the page first.
      Dimension size = driver.manage().window().getSize();
      Number height = (Number) script("return document.documentElement.scrollHeight");
      driver
          .manage()
          .window()
          .setSize(new Dimension(size.getWidth(), Math.min(6000, height.intValue() + 140)));
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      driver.manage().window().setSize(size);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } catch (RuntimeException alreadyClosed) {
      // Quit twice (by the test, then by the shutdown hook): nothing is left to close.
    }
  }
}
