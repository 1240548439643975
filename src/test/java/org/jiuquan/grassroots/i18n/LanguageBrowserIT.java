package org.jiuquan.grassroots.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One language choice that every page keeps: chosen once (on the sign-in page), every route after it
 * speaks that language without {@code lang} in its address, and each has a switch. In English nothing but
 * data (organisation, leader, township and user names) is Chinese; in Chinese no key or placeholder shows.
 */
@PostgisIntegrationTest
class LanguageBrowserIT {

    /** Every page a signed-in admin can open (the access matrix lists them all). */
    static final List<String> ROUTES = List.of("", "analysis", "data", "admin/users", "admin/audit", "admin/basemap");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void englishChosenAtSignInIsKeptByEveryPageWithNoChineseButData() {
        WebDriver driver = browser.driver();
        driver.get(url("/login?lang=en"));
        wait(driver).until(d -> d.findElement(By.id("login-language")).getText().equals("中文"));
        assertNoChineseButData(driver, "login");
        // Signing in opens /login without ?lang: the remembered choice holds.
        browser.signIn(port, "admin");
        Set<String> data = dataValues();
        for (String route : ROUTES) {
            driver.get(url("/" + route));
            wait(driver).until(d -> !d.findElements(By.id("account-menu")).isEmpty());
            wait(driver).until(d -> !d.findElements(By.id("language-switch")).isEmpty());
            assertThat(driver.findElement(By.id("language-switch")).getText()).as(route).isEqualTo("中文");
            assertNoChineseButData(driver, route, data);
        }
        // The audit log names its actions in the reader's language.
        driver.get(url("/admin/audit"));
        wait(driver).until(d -> d.findElement(By.id("audit-events")).getText().contains("Signed in"));
    }

    @Test
    void theSwitchOnAnyPageTurnsEveryPageChineseAgainAndNoKeyOrPlaceholderShows() {
        WebDriver driver = browser.driver();
        driver.get(url("/login?lang=en"));
        wait(driver).until(d -> d.findElement(By.id("login-language")).getText().equals("中文"));
        browser.signIn(port, "admin");
        driver.get(url("/data"));
        wait(driver).until(d -> d.findElement(By.id("language-switch")).getText().equals("中文"));
        driver.findElement(By.id("language-switch")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("lang=zh")
                && d.findElements(By.id("language-switch")).stream().anyMatch(b -> b.getText().equals("English")));
        for (String route : ROUTES) {
            driver.get(url("/" + route));
            wait(driver).until(d -> !d.findElements(By.id("account-menu")).isEmpty());
            String text = pageText(driver);
            assertThat(driver.findElement(By.id("language-switch")).getText()).as(route).isEqualTo("English");
            assertThat(text).as(route).doesNotContainPattern("![a-z]+[.][a-z.-]+!").doesNotContainPattern("\\{\\d\\}");
            assertThat(HAN.matcher(text).find()).as(route).isTrue();
        }
    }

    private void assertNoChineseButData(WebDriver driver, String route) {
        assertNoChineseButData(driver, route, Set.of());
    }

    private static void assertNoChineseButData(WebDriver driver, String route, Set<String> data) {
        String title = driver.getTitle();
        assertThat(HAN.matcher(title).find()).as(route + " title " + title).isFalse();
        // The audit trail's targets and details quote what people typed (titles, file names): data too.
        @SuppressWarnings("unchecked")
        List<String> quoted = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#audit-events vaadin-grid-cell-content')]"
                        + ".map(c => c.textContent.trim())");
        for (String line : pageText(driver).split("\n")) {
            String rest = line.strip();
            if (!HAN.matcher(rest).find() || rest.equals("中文") || quoted.contains(rest)) {
                continue;
            }
            // Longest first: 北街社区… must not eat the middle of 东北街社区… and leave 东 behind.
            for (String value : data.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
                if (rest.contains(value)) {
                    rest = rest.replace(value, "");
                }
            }
            assertThat(HAN.matcher(rest).find()).as(route + ": \"" + line + "\" is Chinese on an English page")
                    .isFalse();
        }
    }

    /** Names that are data, not interface: they stay as entered, in any language (file names too). */
    private Set<String> dataValues() {
        Set<String> values = new HashSet<>(jdbc.sql("""
                SELECT name_zh FROM organisation UNION SELECT township_zh FROM organisation WHERE township_zh IS NOT NULL
                UNION SELECT name_zh FROM leader UNION SELECT display_name FROM app_user
                UNION SELECT title FROM map_bookmark UNION SELECT file_name FROM dataset_version""").query(String.class).list());
        values.removeIf(String::isBlank);
        return values;
    }

    private static String pageText(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
