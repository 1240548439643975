package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A leader stepping through the quarters sees map, table and figures agree; an editor's status change shows
 * on all three at once, without reloading the page.
 */
@PostgisIntegrationTest
class QuarterTruthBrowserIT {

    /** Every organisation layer on, so that every weak organisation the figures count can be drawn. */
    static final String ALL_ORGANISATIONS = "layers=districts,villages,grid-branches,enterprises,social-organisations";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver driver;
    /** A village whose status a test changed, with what it had before: put back for the other tests. */
    Map<String, Object> changed;

    @AfterEach
    void putBack() {
        if (changed != null) {
            jdbc.sql("DELETE FROM organisation_status WHERE organisation_id = :id AND valid_from > :since")
                    .param("id", changed.get("id")).param("since", changed.get("status_since")).update();
            jdbc.sql("UPDATE organisation SET status = :status, status_since = :since WHERE id = :id")
                    .param("status", changed.get("status")).param("since", changed.get("status_since"))
                    .param("id", changed.get("id")).update();
        }
    }

    @Test
    void everyQuarterTheMapRingsAsManyOrganisationsAsTheTableAndTheFiguresCount() {
        driver = browser.signIn(port, "viewer");
        for (String period : List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4")) {
            load("/?indicator=weak_open&period=" + period + "&" + ALL_ORGANISATIONS);
            long figure = weakOpenFigure();
            long table = tableValues().stream().mapToLong(Long::longValue).sum();
            assertThat(table).as("table of %s", period).isEqualTo(figure);
            assertThat(ringed()).as("rings on the map in %s", period).isEqualTo(figure);
        }
    }

    @Test
    void anEditorsStatusChangeShowsOnMapFiguresAndTableWithoutAReload() {
        changed = jdbc.sql("""
                SELECT o.id, o.code, o.name_zh, o.status, o.status_since FROM organisation o
                WHERE o.kind = 'village' AND o.status = 'normal' AND o.status_since <= '2017-12-01'
                  AND (SELECT count(*) FROM organisation p WHERE p.name_zh = o.name_zh) = 1
                ORDER BY o.code LIMIT 1""").query().singleRow();
        String name = (String) changed.get("name_zh");
        driver = browser.signIn(port, "editor");
        load("/?indicator=weak_open&period=2017Q4&" + ALL_ORGANISATIONS);
        long figureBefore = weakOpenFigure();
        long ringedBefore = ringed();
        js("window.sameDocument = true");

        WebElement input = driver.findElement(By.cssSelector("#search input"));
        input.sendKeys(name);
        WebElement hit = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                        .filter(e -> e.getText().startsWith(name)).findFirst().orElse(null));
        hit.click();
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed() && text("#detail-card").contains(name));
        // The form proposes the last day of the quarter on screen, so the change shows in it.
        assertThat(driver.findElement(By.cssSelector("#status-edit-from input")).getDomProperty("value"))
                .isIn("2017-12-31", "2017/12/31", "12/31/2017");
        choose("#status-edit", "软弱涣散");
        driver.findElement(By.id("status-edit-save")).click();

        waitUntil(() -> weakOpenFigure() == figureBefore + 1);
        waitUntil(() -> tableValues().stream().mapToLong(Long::longValue).sum() == figureBefore + 1);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> ringed() == ringedBefore + 1);
        assertThat(js("return window.sameDocument === true")).as("the page was not reloaded").isEqualTo(true);
    }

    // ---- helpers ----

    private long weakOpenFigure() {
        String value = driver.findElement(By.cssSelector("#city-figures [data-indicator=weak_open] .figure-value"))
                .getText();
        return Long.parseLong(value.replace(",", "").strip());
    }

    /** The district table's value column (the indicator is weak_open: whole numbers). */
    private List<Long> tableValues() {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) js("""
                const grid = document.querySelector('#district-table');
                return Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                    .filter(tr => !tr.hidden && tr.style.display !== 'none')
                    .map(tr => Array.from(tr.querySelectorAll('td slot'))
                        .map(slot => slot.assignedNodes().map(n => n.textContent).join('').trim()))
                    .filter(cells => cells.length > 1 && cells[0].length > 0)
                    .map(cells => cells[1]);""");
        return values.stream().map(v -> Long.parseLong(v.replace(",", "").replaceAll("[^0-9]", ""))).toList();
    }

    private long ringed() {
        String value = driver.findElement(By.tagName("geo-map")).getDomAttribute("data-ringed");
        return value == null ? -1 : Long.parseLong(value);
    }

    private void load(String path) {
        driver.get("http://localhost:" + port + path);
        waitRendered();
    }

    private void waitRendered() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty()
                        && !d.findElements(By.cssSelector("#legend .legend-row")).isEmpty()
                        && !d.findElements(By.cssSelector("#city-figures [data-indicator=weak_open]")).isEmpty());
    }

    private void choose(String selectCss, String itemText) {
        WebElement select = driver.findElement(By.cssSelector(selectCss));
        js("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        waitUntil(() -> select.getDomAttribute("opened") != null);
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector(selectCss + " vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().startsWith(itemText)).findFirst().orElse(null));
        js("arguments[0].scrollIntoView({block: 'center'})", item);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> item.isDisplayed());
        item.click();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
