package org.habeas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real browser, as a coordinator on a phone uses them at night: log in, file an alert
 * for two detained people, find both cases on the dashboard, and see them turn overdue when the engine
 * clock passes the detention limit. Screenshots of every page (390×844) go to {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; skipped without them, except in CI
 * ({@code CI=true}), where a skipped browser test would hide broken pages.
 */
class BrowserTest extends HabeasTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;
  /** The narrowest phone the pages must fit without scrolling sideways. */
  private static final int NARROW_WIDTH = 375;

  @Autowired org.habeas.casefile.PersonalData personalData;

  @LocalServerPort
  private int port;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path profile;
  private final List<String> openedCases = new ArrayList<>();

  @BeforeEach
  void openBrowser() throws IOException {
    List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path))
        .map(Path::toString).toList();
    if (!missing.isEmpty()) {
      String message = "Browser test needs " + String.join(" and ", missing)
          + " (Debian: apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + "; CI=true, so it may not be skipped");
      }
      Assumptions.abort(message + "; skipped");
    }
    // Selenium Manager must not look for (or download) a browser or driver: both are given.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("habeas-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
        Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "pixelRatio", 2.0, "touch", true)));
    // The coordinator's phone is in Astana: a time typed into the form is UTC+5.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("TZ", "Asia/Almaty"))
        .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    // The context is shared: leave no running case of this test behind for the others.
    for (String caseNumber : openedCases) {
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .rootProcessInstances().list()) {
        runtime.deleteProcessInstanceIfExists(instance.getId(), "BrowserTest clean-up", true, true, true, false);
      }
    }
  }

  @Test
  void coordinatorFilesAnAlertAndSeesTheCasesTurnOverdue() throws IOException {
    // Log in.
    open("/login");
    screenshot("1-login");
    // A wrong login (an unknown user: a known one would be locked out for a few seconds).
    browser.findElement(By.id("username")).sendKeys("nobody");
    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.urlToBe(url("/login?error")));
    ready();
    assertThat(browser.findElement(By.id("login-error")).getText()).startsWith("Wrong user name or password.");
    screenshot("1-login-error");
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys("coordinator");
    browser.findElement(By.id("password")).sendKeys("coordinator");
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.urlToBe(url("/")));
    ready();
    assertThat(browser.findElement(By.id("site-header")).getText()).contains("coordinator", "Dashboard",
        "New alert", "Tasklist", "Log out");
    // Other tests share the server and leave cases: count what is there before.
    int assigningBefore = stageCount("AssignLawyer");

    // File an alert: Kazakhstan, administrative, apprehended 14:30 in Astana, two detained people.
    open("/alert");
    choose("jurisdiction", "KZ");
    choose("proceeding", "ADMINISTRATIVE");
    type(By.id("apprehendedAt"), "2026-11-28T14:30");
    browser.findElement(By.id("placeOfDetention")).sendKeys("District police station no. 2");
    browser.findElement(By.id("location")).sendKeys("Astana");
    browser.findElement(By.id("reportedBy")).sendKeys("hotline volunteer");
    browser.findElement(By.id("suspectedOffence")).sendKeys("Art. 434(1) CoAO");
    browser.findElement(By.id("summary")).sendKeys("Two people detained after a public meeting.");
    detainee(0).findElement(By.cssSelector("[data-name=name]")).sendKeys("Test Person One");
    detainee(0).findElement(By.cssSelector("[data-name=organisation]")).sendKeys("Test Organisation");
    tap(browser.findElement(By.id("add-detainee")));
    tap(detainee(1).findElement(By.cssSelector("[data-name=disability]")));
    detainee(1).findElement(By.cssSelector("[data-name=healthNeeds]")).sendKeys("needs daily medication");
    assertThat(browser.findElement(By.id("submit-alert")).getText()).isEqualTo("Open 2 cases");

    // The second detainee has no name: the page says so next to that field, and sends nothing.
    tap(browser.findElement(By.id("submit-alert")));
    WebElement secondName = detainee(1).findElement(By.cssSelector("[data-name=name]"));
    wait.until(ExpectedConditions.attributeToBe(secondName, "aria-invalid", "true"));
    assertThat(errorOf(secondName)).isEqualTo("Required");
    assertThat(errorOf(detainee(0).findElement(By.cssSelector("[data-name=name]")))).isEmpty();
    secondName.sendKeys("Test Person Two");

    // A time still to come (tomorrow, by the engine's clock): the server's refusal shows at that field.
    tap(browser.findElement(By.id("submit-alert")));
    WebElement apprehendedAt = browser.findElement(By.id("apprehendedAt"));
    wait.until(ExpectedConditions.attributeToBe(apprehendedAt, "aria-invalid", "true"));
    assertThat(errorOf(apprehendedAt)).containsIgnoringCase("future");
    assertThat(browser.findElement(By.id("form-errors")).isDisplayed()).isTrue();
    screenshot("2-alert-errors");

    type(By.id("apprehendedAt"), "2026-11-27T14:30");
    assertThat(errorOf(apprehendedAt)).isEmpty();
    assertThat(browser.findElement(By.id("apprehendedAt-hint")).getText()).contains("UTC+5");
    screenshot("3-alert");
    tap(browser.findElement(By.id("submit-alert")));

    // Both case numbers, with links to their pages.
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-result")));
    List<WebElement> links = browser.findElements(By.cssSelector("#result-cases a.case-number"));
    links.forEach(link -> openedCases.add(link.getText()));
    assertThat(openedCases).hasSize(2).allMatch(number -> number.matches("KZ-2026-\\d{5}"));
    assertThat(links.get(0).getAttribute("href")).isEqualTo(url("/cases/" + openedCases.get(0)));
    assertThat(browser.findElement(By.id("alert-result")).getText())
        .contains("17:30") // detention limit: 14:30 + 3 h, in the case's time zone
        .doesNotContain("Test Person");
    screenshot("4-alert-opened");

    // The case page: deadline, the open task with its way into Tasklist, the release action.
    tap(links.get(0));
    wait.until(ExpectedConditions.textToBe(By.id("case-number"), openedCases.get(0)));
    ready();
    assertThat(browser.findElement(By.id("deadline-what")).getText()).isEqualToIgnoringCase("Detention limit");
    assertThat(browser.findElement(By.id("deadline-left")).getText()).matches("in 2 h 2\\d min|in 2 h 30 min");
    WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#tasks li[data-task]")));
    assertThat(task.getText()).contains("Assign a lawyer", "Open in Tasklist");
    assertThat(task.findElement(By.tagName("a")).getAttribute("href"))
        .startsWith(url("/camunda/app/tasklist/default/#/?task="));
    assertThat(browser.findElement(By.id("release-section")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("timeline")).getText()).isNotBlank();
    assertThat(browser.getPageSource()).doesNotContain("Test Person", "medication", "District police");
    screenshot("5-case");
    // Personal data only on request, and the request is recorded.
    tap(browser.findElement(By.id("personal-show")));
    WebElement personal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("personal")));
    assertThat(personal.getText()).contains("Test Person One", "Test Organisation");
    assertThat(personalData.auditTrail(openedCases.get(0))).anySatisfy(access -> {
      assertThat(access.action()).isEqualTo("VIEW");
      assertThat(access.userId()).isEqualTo("coordinator");
    });

    // The dashboard: both cases, not overdue, with the time left.
    open("/");
    assertThat(stageCount("AssignLawyer")).isEqualTo(assigningBefore + 2);
    assertThat(browser.findElement(By.id("workload-section")).isDisplayed()).isTrue();
    for (String caseNumber : openedCases) {
      WebElement row = caseRow(caseNumber);
      assertThat(row.getAttribute("class")).doesNotContain("is-overdue");
      assertThat(row.findElements(By.cssSelector(".badge.overdue"))).isEmpty();
      assertThat(row.findElement(By.cssSelector(".time-left")).getText()).matches("in 2 h 2\\d min|in 2 h 30 min");
      assertThat(row.getText()).contains("Assign a lawyer", "Detention limit");
    }
    assertInTroubleFirst();
    screenshot("6-dashboard");

    // Past the detention limit (17:30 in Astana): the dashboard marks both cases overdue.
    ClockUtil.setCurrentTime(Date.from(at("2026-11-27T18:00:00+05:00")));
    open("/");
    for (String caseNumber : openedCases) {
      WebElement row = caseRow(caseNumber);
      assertThat(row.getAttribute("class")).contains("is-overdue");
      assertThat(row.findElement(By.cssSelector(".badge.overdue")).getText()).isEqualTo("Overdue");
      assertThat(row.findElement(By.cssSelector(".time-left")).getText()).isEqualTo("overdue by 30 min");
    }
    assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#attention-overdue .n")).getText()))
        .isGreaterThanOrEqualTo(2);
    assertInTroubleFirst();
    screenshot("7-dashboard-overdue");

    // Report the release of the second person (released late, at 17:50) from the case page.
    tap(caseRow(openedCases.get(1)).findElement(By.cssSelector("a.case-link")));
    wait.until(ExpectedConditions.textToBe(By.id("case-number"), openedCases.get(1)));
    ready();
    assertThat(browser.findElement(By.id("case-badges")).getText()).contains("Overdue");
    tap(browser.findElement(By.id("release-open")));
    type(By.id("releasedAt"), "2026-11-27T17:50");
    tap(browser.findElement(By.id("release-submit")));
    WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("release-done")));
    assertThat(done.getText()).contains("Release recorded", "17:50");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(openedCases.get(1))
        .variableValueEquals("releasedAt", "2026-11-27T17:50:00+05:00").count()).isEqualTo(1);
    screenshot("8-case-released");

    // The same dashboard in Russian.
    ((JavascriptExecutor) browser).executeScript("localStorage.setItem('habeas.lang', 'ru')");
    open("/");
    caseRow(openedCases.get(0));
    assertThat(browser.findElement(By.id("dashboard-heading")).getText()).isEqualTo("Открытые дела");
    assertThat(caseRow(openedCases.get(0)).getText()).contains("Просрочено", "просрочено на 30 мин");
    screenshot("9-dashboard-ru");

    // At night, in the phone's dark mode.
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    ((JavascriptExecutor) browser).executeScript("localStorage.removeItem('habeas.lang')");
    open("/");
    caseRow(openedCases.get(0));
    screenshot("10-dashboard-dark");

    // Log out.
    tap(browser.findElement(By.cssSelector("#site-header .nav-logout")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-logout")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/login?logout"));
    open("/");
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/login"));
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void open(String path) {
    browser.get(url(path));
    ready();
  }

  /** The page's scripts have translated it and asked the server who is logged in. */
  private void ready() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.ready")));
  }

  /** Taps an element as a person does: scrolled to the middle of the screen, clear of the sticky bar. */
  private void tap(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /** Clicks the segment of a radio group: the radio itself is hidden behind its label. */
  private void choose(String name, String value) {
    tap(browser.findElement(By.xpath("//input[@name='" + name + "' and @value='" + value + "']/..")));
    assertThat(browser.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).isSelected())
        .isTrue();
  }

  /**
   * Sets a datetime-local field as typing does; typing itself depends on the browser's locale
   * (mm/dd/yyyy or dd.mm.yyyy), this does not.
   */
  private void type(By field, String value) {
    ((JavascriptExecutor) browser).executeScript("const f = arguments[0]; f.value = arguments[1];"
        + " f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));",
        browser.findElement(field), value);
  }

  private WebElement detainee(int index) {
    return browser.findElements(By.cssSelector("#detainees .detainee")).get(index);
  }

  private String errorOf(WebElement field) {
    return field.findElement(By.xpath("ancestor::*[contains(@class, 'field')][1]//*[contains(@class, 'field-error')]"))
        .getText();
  }

  /** The dashboard's row of a case, on whichever page of the list it is (other tests leave cases). */
  private WebElement caseRow(String caseNumber) {
    By row = By.cssSelector("tr[data-case='" + caseNumber + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-rows tr")));
    while (browser.findElements(row).isEmpty()) {
      WebElement next = browser.findElement(By.id("page-next"));
      assertThat(next.isDisplayed() && next.isEnabled()).as("case %s on the dashboard", caseNumber).isTrue();
      Object first = firstRow();
      tap(next);
      wait.until(driver -> firstRow() != null && !firstRow().equals(first));
    }
    return wait.until(ExpectedConditions.visibilityOfElementLocated(row));
  }

  /** On the page shown, overdue cases come first, then those with failed notifications, then the rest. */
  private void assertInTroubleFirst() {
    List<Integer> ranks = browser.findElements(By.cssSelector("#case-rows tr[data-case]")).stream()
        .map(row -> row.getAttribute("class"))
        .map(classes -> classes.contains("is-overdue") ? 0 : classes.contains("has-incident") ? 1 : 2)
        .toList();
    assertThat(ranks).as("rows by trouble").isSorted();
  }

  /** The case number of the first row of the dashboard, read at once (the rows are redrawn on refresh). */
  private Object firstRow() {
    return ((JavascriptExecutor) browser).executeScript(
        "const row = document.querySelector('#case-rows tr[data-case]'); return row && row.dataset.case;");
  }

  /** The dashboard's count of open cases at a stage (0 when none is). */
  private int stageCount(String stage) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stages li")));
    List<WebElement> count = browser.findElements(By.cssSelector("#stages li[data-stage=" + stage + "] .count"));
    return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getText());
  }

  /**
   * Saves what a phone shows (390×844) and the whole page, after checking that the page fits the
   * narrowest phone without scrolling sideways.
   */
  private void screenshot(String name) throws IOException {
    assertFitsWidth(name, NARROW_WIDTH);
    assertFitsWidth(name, PHONE_WIDTH);
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    Number height = (Number) ((JavascriptExecutor) browser).executeScript(
        "return Math.ceil(document.documentElement.scrollHeight)");
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", PHONE_WIDTH, "height", height.intValue(), "scale", 1)));
    Files.write(SCREENSHOTS.resolve(name + "-full.png"), Base64.getDecoder().decode((String) shot.get("data")));
  }

  private void assertFitsWidth(String page, int width) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", PHONE_HEIGHT,
        "deviceScaleFactor", 2, "mobile", true));
    Number scrollWidth = (Number) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue()).as("width of %s at %d px", page, width).isLessThanOrEqualTo(width);
  }
}
