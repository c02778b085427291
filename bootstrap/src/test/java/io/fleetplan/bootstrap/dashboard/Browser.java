package io.fleetplan.bootstrap.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven through its ChromeDriver, fully offline: the driver is given
 * explicitly (Selenium Manager never runs), Chromium resolves no host but the loopback, and every
 * profile and cache file stays under target/. Collects what the page reports as errors.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Errors the page itself caught: uncaught exceptions, rejected promises, resources that failed to load. */
    private static final String COLLECTOR = """
            window.__fleetplanErrors = [];
            window.addEventListener('error', e => window.__fleetplanErrors.push(
                (e.message || ('failed to load ' + ((e.target && (e.target.src || e.target.href)) || e.type)))
                + (e.filename ? ' at ' + e.filename + ':' + e.lineno : '')), true);
            window.addEventListener('unhandledrejection', e => window.__fleetplanErrors.push(
                'unhandled rejection: ' + ((e.reason && (e.reason.stack || e.reason.message)) || e.reason)));
            """;

    final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Browser start(Path target) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        Path home = Files.createDirectories(target.resolve("browser"));
        Path profile = Files.createTempDirectory(home, "profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "XDG_CACHE_HOME", home.resolve("cache").toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "HOME", home.toString()))
                .withLogFile(home.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COLLECTOR));
        return new Browser(driver, Files.createDirectories(target.resolve("screenshots")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50)).until(condition);
    }

    /**
     * Errors since the last call: the browser's console at level SEVERE and what the page's error
     * collector caught, less those matching {@code expected} (such as a 403 the dashboard asked for).
     */
    List<String> errors(Pattern... expected) {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                found.add("console: " + entry.getMessage());
            }
        }
        Object caught = js("const e = window.__fleetplanErrors || []; window.__fleetplanErrors = []; return e;");
        if (caught instanceof List<?> list) {
            list.forEach(e -> found.add("page: " + e));
        }
        found.removeIf(message -> java.util.Arrays.stream(expected).anyMatch(p -> p.matcher(message).find()));
        return found;
    }

    /** A screenshot of the whole page (the window grown to the page's height) under target/screenshots. */
    Path screenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);"))
                .longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(6000, Math.max(900, height + 40))));
        js("window.scrollTo(0, 0)");
        try {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** How many pixels of the canvases under {@code css} are drawn (not transparent, not white). */
    long drawnPixels(String css) {
        Object n = js("""
                let drawn = 0;
                for (const canvas of document.querySelectorAll(arguments[0])) {
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (let i = 0; i < data.length; i += 4) {
                    const white = data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245;
                    if (data[i + 3] > 0 && !white) drawn++;
                  }
                }
                return drawn;""", css);
        return ((Number) n).longValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
