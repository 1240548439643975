package org.jiuquan.grassroots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, as a person's browser would load the app. Register it
 * with {@code @RegisterExtension}: it quits after each test, and on a failed test first saves a
 * screenshot to target/screenshots (a watcher runs after @AfterEach, so the browser must still be open).
 */
public final class Browser implements TestWatcher, AutoCloseable {

    private ChromeDriver driver;
    private Path downloads;

    /** Where files the page downloads land (set before the browser starts). */
    public Browser downloadingTo(Path directory) {
        this.downloads = directory;
        return this;
    }

    public ChromeDriver driver() {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,1000", "--lang=zh-CN");
            if (downloads != null) {
                options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                        downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN",
                            "/usr/bin/chromedriver")).toFile())
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return driver;
    }

    /** The password of the demo accounts (viewer, analyst, editor, admin), as the README gives it. */
    public static final String DEMO_PASSWORD = "Jiuquan@2017demo";

    /** Signs in on the login page as a person would: type the name and password, press the button. */
    public ChromeDriver signIn(int port, String username) {
        ChromeDriver browser = driver();
        browser.get("http://localhost:" + port + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        browser.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(DEMO_PASSWORD);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return browser;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        close();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        close();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(context.getDisplayName().replaceAll("[^\\w.-]", "_") + ".png"), png);
        } catch (IOException | RuntimeException e) {
            // The test has failed already; a missing screenshot must not hide why.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
