package org.jiuquan.grassroots.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.audit.Actor;
import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * One language choice that every page keeps: chosen once (on the sign-in page), every page after it, reached
 * by its link or by its address alone, speaks that language, and each has a switch. In English nothing is
 * Chinese but data, which the pages mark as such ({@code data-value} on an element, or a grid column whose
 * cells carry the part {@code data-value}: organisation, leader, township and user names, titles, files); in
 * Chinese no message key, placeholder or English text of Vaadin's components shows.
 */
@PostgisIntegrationTest
class LanguageBrowserIT {

    /** Every page a signed-in admin can open (the access matrix lists them all), with the link leading to it. */
    static final List<String[]> ROUTES = List.of(new String[] {"", "nav-dashboard"},
            new String[] {"analysis", "open-analysis"}, new String[] {"data", "nav-data"},
            new String[] {"admin/users", "nav-users"}, new String[] {"admin/audit", "nav-audit"},
            new String[] {"admin/basemap", "nav-basemap"});
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LEFTOVER_KEY = Pattern.compile("![a-z]+[.][a-z.-]+!|\\{\\d\\}|\\b[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.[a-z.-]+\\b");

    /**
     * The page's text and the labels people and screen readers meet (aria-label, title, placeholder), minus
     * what is marked as data; one entry per text node or attribute.
     */
    private static final String INTERFACE_TEXT = """
            const data = new Set();
            document.querySelectorAll('vaadin-grid').forEach(grid => grid.shadowRoot && grid.shadowRoot
                .querySelectorAll('[part~="data-value"] slot')
                .forEach(slot => slot.assignedElements({ flatten: true }).forEach(e => data.add(e))));
            const texts = [];
            const walk = node => {
              if (node.nodeType === Node.TEXT_NODE) {
                const text = node.textContent.trim();
                if (text) texts.push(text);
                return;
              }
              if (node.nodeType !== Node.ELEMENT_NODE || data.has(node) || node.hasAttribute('data-value')
                  || ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(node.tagName)) return;
              const style = getComputedStyle(node);
              if (style.display === 'none') return;
              for (const name of ['aria-label', 'title', 'placeholder']) {
                const value = node.getAttribute(name);
                if (value && value.trim()) texts.push(name + '=' + value.trim());
              }
              node.childNodes.forEach(walk);
            };
            walk(document.body);
            return texts;""";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    AuditLog audit;

    @Test
    void englishChosenAtSignInIsKeptByEveryPageByLinkAndByAddressWithNoChineseButData() {
        recordAuditRowsOldAndNew();
        WebDriver driver = browser.driver();
        driver.get(url("/login?lang=en"));
        wait(driver).until(d -> d.findElement(By.id("login-language")).getText().equals("中文"));
        assertNoChineseButData(driver, "login");
        assertThat(script(driver, "return document.querySelector('vaadin-login-form').i18n.errorMessage.username"))
                .isEqualTo("Enter your username");
        // Signing in opens /login without ?lang: the remembered choice holds.
        browser.signIn(port, "admin");
        // Every page by its address alone (the cookie), then round the pages by their links (?lang=en).
        for (String[] route : ROUTES) {
            driver.get(url("/" + route[0]));
            assertEnglishPage(driver, route[0]);
        }
        for (String[] route : ROUTES.subList(1, ROUTES.size())) {
            driver.findElement(By.id(route[1])).click();
            wait(driver).until(d -> d.getCurrentUrl().contains("/" + route[0] + "?lang=en"));
            assertEnglishPage(driver, route[0]);
        }
        driver.findElement(By.id("nav-dashboard")).click();
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/?lang=en"));
        assertEnglishPage(driver, "");
        // A link inside the app to no page (as an export link once was) opens the not-found page, in English.
        followLinkInsideTheApp(driver, "no-such-page");
        wait(driver).until(d -> d.findElement(By.id("error-message")).getText().contains("There is no page at /no-such-page"));
        assertThat(driver.findElement(By.id("language-switch")).getText()).isEqualTo("中文");
        assertNoChineseButData(driver, "no-such-page");

        // The audit log names actions and details in the reader's language, old rows as well as new ones.
        driver.get(url("/admin/audit"));
        wait(driver).until(d -> d.findElement(By.id("audit-events")).getText().contains("Signed in"));
        wait(driver).until(d -> d.findElement(By.id("audit-events")).getText().contains("Viewer → Analyst"));
        String events = driver.findElement(By.id("audit-events")).getText();
        assertThat(events).contains("Token 9 \"测绘组\"", "Role changed", "Token revoked");
        assertThat(events.split("Viewer → Analyst", -1)).as("the old row and the new one").hasSizeGreaterThanOrEqualTo(3);
        assertThat(script(driver, "return document.getElementById('audit-from').i18n.today")).isEqualTo("Today");
        // Its CSV, as the page's link fetches it, words them the same way.
        String csv = fetch(driver, driver.findElement(By.id("audit-csv")).getAttribute("href"));
        assertThat(csv).contains("Viewer → Analyst", "Token 9 \"\"测绘组\"\"", "Role changed").doesNotContain("user.role");
    }

    @Test
    void theSwitchOnAnyPageTurnsEveryPageChineseAgainAndNoKeyPlaceholderOrEnglishComponentTextShows() {
        recordAuditRowsOldAndNew();
        WebDriver driver = browser.driver();
        driver.get(url("/login?lang=en"));
        wait(driver).until(d -> d.findElement(By.id("login-language")).getText().equals("中文"));
        browser.signIn(port, "admin");
        driver.get(url("/data"));
        wait(driver).until(d -> d.findElement(By.id("language-switch")).getText().equals("中文"));
        driver.findElement(By.id("language-switch")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("lang=zh")
                && d.findElements(By.id("language-switch")).stream().anyMatch(b -> b.getText().equals("English")));
        for (String[] route : ROUTES) {
            driver.get(url("/" + route[0]));
            assertChinesePage(driver, route[0]);
        }
        for (String[] route : ROUTES.subList(1, ROUTES.size())) {
            driver.findElement(By.id(route[1])).click();
            wait(driver).until(d -> d.getCurrentUrl().contains("/" + route[0] + "?lang=zh"));
            assertChinesePage(driver, route[0]);
        }
        followLinkInsideTheApp(driver, "no-such-page");
        wait(driver).until(d -> d.findElement(By.id("error-message")).getText().contains("/no-such-page 没有页面"));
        assertThat(driver.getTitle()).startsWith("页面不存在");

        driver.get(url("/data"));
        wait(driver).until(d -> !d.findElements(By.id("import-upload")).isEmpty());
        assertThat(script(driver, "return document.getElementById('import-upload').i18n.file.remove")).isEqualTo("移除");
        driver.get(url("/admin/audit"));
        wait(driver).until(d -> d.findElement(By.id("audit-events")).getText().contains("查看者 → 分析员"));
        String events = driver.findElement(By.id("audit-events")).getText();
        assertThat(events).contains("令牌 9“测绘组”", "修改角色").doesNotContain("token.revoke", "user.role", "Viewer");
        assertThat(script(driver, "return document.getElementById('audit-from').i18n.monthNames[0]")).isEqualTo("一月");
        String csv = fetch(driver, driver.findElement(By.id("audit-csv")).getAttribute("href"));
        assertThat(csv).contains("查看者 → 分析员", "令牌 9“测绘组”", "修改角色").doesNotContain("user.role", "token.revoke");
    }

    /** Clicks a link the page did not have, which Vaadin's router follows inside the page. */
    private static void followLinkInsideTheApp(WebDriver driver, String href) {
        ((JavascriptExecutor) driver).executeScript("const a = document.createElement('a'); a.href = arguments[0];"
                + " a.textContent = 'x'; document.body.appendChild(a); a.click();", href);
    }

    /** A file as the browser gets it (with its session), read as text. */
    private static String fetch(WebDriver driver, String href) {
        return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href));
    }

    /** A row written as free text before details had keys, and rows written today. */
    private void recordAuditRowsOldAndNew() {
        Actor admin = new Actor("admin", "127.0.0.1");
        audit.record(admin, AuditAction.USER_ROLE, "old.planner", "viewer -> analyst");
        audit.record(admin, AuditAction.USER_ROLE, "new.planner", AuditDetail.of("audit.detail.user.role",
                AuditDetail.of("role.viewer"), AuditDetail.of("role.analyst")));
        audit.record(admin, AuditAction.TOKEN_REVOKE, "new.planner", AuditDetail.of("audit.detail.token", "9", "测绘组"));
    }

    private void assertEnglishPage(WebDriver driver, String route) {
        wait(driver).until(d -> !d.findElements(By.id("account-menu")).isEmpty()
                && d.findElements(By.id("language-switch")).stream().anyMatch(b -> b.getText().equals("中文")));
        assertThat(script(driver, "return document.documentElement.lang")).as(route).isEqualTo("en");
        assertNoChineseButData(driver, route);
    }

    private void assertChinesePage(WebDriver driver, String route) {
        wait(driver).until(d -> !d.findElements(By.id("account-menu")).isEmpty()
                && d.findElements(By.id("language-switch")).stream().anyMatch(b -> b.getText().equals("English")));
        wait(driver).until(d -> "zh-CN".equals(script(d, "return document.documentElement.lang")));
        List<String> texts = interfaceText(driver);
        assertThat(HAN.matcher(String.join("\n", texts)).find()).as(route + " is Chinese").isTrue();
        for (String text : texts) {
            assertThat(text).as(route + ": a key or placeholder").doesNotContainPattern(LEFTOVER_KEY);
            assertThat(text).as(route + ": Vaadin's English").doesNotStartWith("aria-label=Sort by");
        }
        assertThat(driver.getTitle()).as(route).doesNotContainPattern(LEFTOVER_KEY);
    }

    private static void assertNoChineseButData(WebDriver driver, String route) {
        String title = driver.getTitle();
        assertThat(HAN.matcher(title).find()).as(route + " title " + title).isFalse();
        for (String text : interfaceText(driver)) {
            if (!text.equals("中文") && !text.equals("title=中文")) {
                assertThat(HAN.matcher(text).find()).as(route + ": \"" + text + "\" is Chinese on an English page")
                        .isFalse();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> interfaceText(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(INTERFACE_TEXT);
    }

    private static Object script(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
