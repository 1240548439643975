package org.jiuquan.grassroots.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

/** A person types an address that does not exist: the not-found page in their language, never JSON. */
@PostgisIntegrationTest
class UnknownAddressBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;

    @Test
    void aSignedInPersonTypingAWrongAddressSeesTheNotFoundPageInChineseAndEnglish() {
        WebDriver driver = browser.signIn(port, "viewer");
        driver.get(url("/no-such-page"));
        assertThat(notFoundText(driver)).contains("页面不存在", "/no-such-page").doesNotContain("\"status\"");

        driver.get(url("/analysis/xyz?lang=en"));
        assertThat(notFoundText(driver)).contains("Page not found", "/analysis/xyz").doesNotContain("页面不存在");
    }

    @Test
    void someoneNotSignedInIsAskedToSignInFirstAndThenSeesTheNotFoundPage() {
        WebDriver driver = browser.driver();
        driver.get(url("/no-such-page"));
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/login"));
        wait(driver).until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        driver.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("viewer");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(Browser.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        assertThat(notFoundText(driver)).contains("页面不存在", "/no-such-page");
    }

    private static String notFoundText(WebDriver driver) {
        return wait(driver).until(d -> {
            var pages = d.findElements(By.id("page-not-found"));
            return pages.isEmpty() || pages.get(0).getText().isBlank() ? null : pages.get(0).getText();
        });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }
}
