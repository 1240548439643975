package org.jiuquan.grassroots.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in, roles, masking and the admins' pages in headless Chromium, as people use them. */
@PostgisIntegrationTest
class SecurityBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoginPageSpeaksChineseAndEnglishAndRefusesAWrongPassword() {
        WebDriver driver = browser.driver();
        driver.get(url("/"));
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/login"));
        wait(driver).until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        assertThat(driver.findElement(By.id("login")).getText()).contains("酒泉市基层党组织覆盖", "演示账号");
        assertThat(driver.findElement(By.tagName("vaadin-login-form")).getText()).contains("用户名", "密码");

        driver.findElement(By.id("login-language")).click();
        wait(driver).until(d -> d.findElement(By.tagName("vaadin-login-form")).getText().contains("Username"));

        driver.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("viewer");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("not-the-password");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("/login?error"));
        // The failure is told in the language the form was shown in.
        wait(driver).until(d -> d.findElement(By.tagName("vaadin-login-form")).getText().contains("Wrong username or password"));
    }

    @Test
    void theSignInPageArrivesWithAFormThatWorksBeforeAnyScriptRuns() {
        // Given a browser whose scripts do not run (as in the first second, before Vaadin's bundle arrives)
        org.openqa.selenium.chrome.ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
        driver.get(url("/login?lang=en"));
        // then the page's own HTML holds the form, in the chosen language
        WebElement early = driver.findElement(By.id("login-early"));
        assertThat(early.isDisplayed()).isTrue();
        assertThat(early.findElement(By.tagName("form")).getText()).contains("Sign in", "Username", "Password")
                .doesNotContainPattern("\\p{IsHan}");
        // and signing in with it works as with Vaadin's form
        early.findElement(By.name("username")).sendKeys("viewer");
        early.findElement(By.name("password")).sendKeys(Browser.DEMO_PASSWORD);
        early.findElement(By.cssSelector("button[type='submit']")).click();
        wait(driver).until(d -> !d.getCurrentUrl().contains("/login"));

        // When scripts run again, Vaadin's form replaces the early one, keeping what was typed
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", false));
        driver.manage().deleteAllCookies();
        // (a slow network, so that the person types before Vaadin's form has come)
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false,
                "latency", 1500, "downloadThroughput", -1, "uploadThroughput", -1));
        driver.get(url("/login"));
        driver.findElement(By.cssSelector("#login-early input[name='username']")).sendKeys("analyst");
        wait(driver).until(d -> d.findElements(By.id("login-early")).isEmpty());
        wait(driver).until(d -> "analyst".equals(d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))
                .getDomProperty("value")));
    }

    @Test
    void aViewerSeesTheDashboardWithMaskedPhonesButNotTheAnalysis() {
        WebDriver driver = browser.signIn(port, "viewer");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        assertThat(driver.findElement(By.id("signed-in-role")).getText()).isEqualTo("查看者");
        assertThat(driver.findElements(By.id("open-analysis"))).isEmpty();
        openContactPointCard(driver);
        assertThat(cardPhone(driver)).matches("1[3-9][0-9]\\*{4}[0-9]{4}");
        assertThat(driver.findElements(By.id("status-edit"))).isEmpty();

        // Typing the address is no way round: the server refuses the view.
        driver.get(url("/analysis"));
        wait(driver).until(d -> !((String) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.body.innerText")).isBlank());
        waitForServerRoundTrips(driver);
        assertThat(driver.findElements(By.id("analysis-kind"))).isEmpty();
    }

    @Test
    void anEditorSeesFullPhonesAndCanChangeAStatus() {
        WebDriver driver = browser.signIn(port, "editor");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        openContactPointCard(driver);
        String phone = jdbc.sql("SELECT l.phone FROM contact_point c JOIN leader l ON l.id = c.leader_id "
                + "WHERE c.id = (SELECT min(id) FROM contact_point)").query(String.class).single();
        assertThat(cardPhone(driver)).isEqualTo(phone);
        assertThat(driver.findElement(By.id("open-analysis")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("nav-data")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("nav-users"))).isEmpty();
    }

    @Test
    void anAdminIssuesATokenThatWorksAndRevokesIt() {
        WebDriver driver = browser.signIn(port, "admin");
        driver.get(url("/admin/users"));
        wait(driver).until(d -> d.findElement(By.id("accounts")).getText().contains("viewer"));
        clickRow(driver, "analyst");
        WebElement name = wait(driver).until(d -> d.findElement(By.cssSelector("#token-name input")));
        name.sendKeys("QGIS 会议室");
        driver.findElement(By.id("issue-token")).click();
        wait(driver).until(d -> d.findElement(By.id("issued-token")).getText().contains("jqt_"));
        String text = driver.findElement(By.id("issued-token")).getText();
        String token = text.substring(text.indexOf("jqt_")).strip();
        Http qgis = new Http(port).withToken(token);
        assertThat(qgis.get("/ogc/collections/villages/items?limit=1").statusCode()).isEqualTo(200);

        long id = jdbc.sql("SELECT max(id) FROM api_token").query(Long.class).single();
        wait(driver).until(d -> d.findElement(By.id("revoke-token-" + id))).click();
        wait(driver).until(d -> qgis.get("/ogc").statusCode() == 401);

        driver.get(url("/admin/audit"));
        wait(driver).until(d -> d.findElement(By.id("audit-events")).getText().contains("吊销令牌"));
        assertThat(driver.findElement(By.id("audit-csv")).getDomAttribute("href")).startsWith("api/admin/audit.csv");
    }

    @Test
    void signingOutEndsTheSession() {
        WebDriver driver = browser.signIn(port, "analyst");
        wait(driver).until(d -> d.findElement(By.id("sign-out"))).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("/login"));
        wait(driver).until(d -> d.findElement(By.id("signed-out")).getText().contains("已安全退出"));
        driver.get(url("/analysis"));
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'sign_out.done' AND actor = 'analyst'")
                .query(Long.class).single()).isPositive();
    }

    private void openContactPointCard(WebDriver driver) {
        long first = jdbc.sql("SELECT min(id) FROM contact_point").query(Long.class).single();
        // The card opens as a click on the map would open it: through the map's feature-click event.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].dispatchEvent(new CustomEvent('feature-click', {detail: {layer: 'contact-points', id: '"
                        + first + "'}}))", driver.findElement(By.tagName("geo-map")));
        wait(driver).until(d -> d.findElement(By.id("detail-card")).isDisplayed());
    }

    private static String cardPhone(WebDriver driver) {
        String card = driver.findElement(By.id("detail-card")).getText();
        java.util.regex.Matcher phone = java.util.regex.Pattern.compile("1[3-9][0-9][0-9*]{4}[0-9]{4}").matcher(card);
        assertThat(phone.find()).as(card).isTrue();
        return phone.group();
    }

    private static void clickRow(WebDriver driver, String text) {
        wait(driver).until(d -> d.findElements(By.cssSelector("#accounts vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(text)).findFirst().orElse(null)).click();
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Waits until Vaadin has no request to the server under way (as Vaadin's own test tools do), so an
     * absence checked next is the page's final answer, not a page still loading.
     */
    private static void waitForServerRoundTrips(WebDriver driver) {
        wait(driver).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.keys(clients).length > 0
                    && Object.values(clients).every(client => !client.isActive());""")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
