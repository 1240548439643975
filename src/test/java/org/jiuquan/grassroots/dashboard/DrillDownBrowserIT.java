package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
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
 * A planner drills from the city into 金塔县 (by the filter, or by clicking the district on the map or its row
 * in the table), then into 鼎新镇, finds its weak villages, opens one, and goes back up to the city.
 */
@PostgisIntegrationTest
class DrillDownBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void choosingADistrictDrawsItsTownshipsAndTheBreadcrumbGoesBackToTheCity() {
        // given Jinta's townships that hold organisations (those have an area)
        long jintaTownships = jdbc.sql("""
                SELECT count(DISTINCT t.code) FROM township t JOIN organisation o
                  ON o.district_code = t.district_code AND o.township_zh = t.name_zh
                WHERE t.district_code = '620921'""").query(Long.class).single();
        assertThat(jintaTownships).isGreaterThan(5);
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/?indicator=weak_open&period=2017Q4");
        waitFor(driver, "0");
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).contains("酒泉市").doesNotContain("金塔县");

        // when the planner chooses 金塔县 as the district
        WebElement select = driver.findElement(By.id("filter-district"));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        WebElement jinta = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#filter-district vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().startsWith("金塔县")).findFirst().orElse(null));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", jinta);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> jinta.isDisplayed());
        jinta.click();

        // then the map draws Jinta's townships, the breadcrumb names the district and the URL holds it
        waitFor(driver, String.valueOf(jintaTownships));
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).contains("酒泉市", "金塔县");
        assertThat(driver.getCurrentUrl()).contains("district=620921");
        assertThat(driver.findElement(By.id("legend-townships")).getText()).contains("乡镇", "近似");

        // and the breadcrumb's city goes back up: no townships, no district in the URL
        WebElement city = driver.findElement(By.id("breadcrumb-city"));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", city);
        city.click();
        waitFor(driver, "0");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("district="));
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).doesNotContain("金塔县");
        assertThat(driver.findElements(By.id("legend-townships"))).isEmpty();
    }

    @Test
    void aPlannerClicksIntoJintaThenDingxinSeesItsWeakVillagesAndGoesBackUpToTheCity() {
        // given 鼎新镇 of 金塔县 and its organisations weak or being rectified at the end of 2017Q1 (新西村 among them)
        Map<String, Object> dingxin = jdbc.sql("SELECT code, name_zh FROM township WHERE district_code = '620921' "
                + "AND name_zh = '鼎新镇'").query().singleRow();
        String township = ((String) dingxin.get("code")).strip();
        List<String> weak = jdbc.sql("""
                SELECT o.name_zh FROM organisation o
                WHERE o.district_code = '620921' AND o.township_zh = '鼎新镇'
                  AND o.status_at ->> '2017Q1' IN ('weak', 'rectifying') ORDER BY o.name_zh""").query(String.class).list();
        long members = jdbc.sql("""
                SELECT count(*) FROM organisation o WHERE o.district_code = '620921' AND o.township_zh = '鼎新镇'
                  AND (o.status_at ->> '2017Q1') IS NOT NULL""").query(Long.class).single();
        assertThat(weak).isNotEmpty();
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/?indicator=weak_open&period=2017Q1");
        waitFor(driver, "0");

        double cityZoom = zoom(driver);

        // when the planner clicks 金塔县's row in the district table
        clickCell(driver, "#district-table", "金塔县");

        // then the district is chosen everywhere: URL, figures, breadcrumb, and its townships are listed
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("district=620921"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "620921".equals(
                d.findElement(By.id("city-figures")).getDomAttribute("data-district")));
        assertThat(driver.findElement(By.id("figures-title")).getText()).contains("金塔县");
        // the map zooms to it and the chart singles out its bar (the second district in code order)
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> zoom(d) > cityZoom + 0.5);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Long.valueOf(1).equals(js(d,
                "return JSON.parse(document.getElementById('indicator-chart').dataJson).selected")));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> cells(d, "#township-table").contains("鼎新镇"));

        // when they click 鼎新镇 in the township list
        clickCell(driver, "#township-table", "鼎新镇");

        // then the URL holds the township, the breadcrumb reads 酒泉市 › 金塔县 › 鼎新镇, and its organisations are
        // listed with the weak and rectifying ones marked: exactly those of the database
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("township=" + township));
        assertThat(driver.getCurrentUrl()).contains("district=620921");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("breadcrumb")).getText().replaceAll("\\s+", "").contains("酒泉市›金塔县›鼎新镇"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> markedRows(d).size() == members);
        List<String> marked = markedRows(driver).stream().filter(r -> r.startsWith("weak|"))
                .map(r -> r.substring("weak|".length())).toList();
        assertThat(marked).containsExactlyInAnyOrderElementsOf(weak);
        assertThat(driver.findElement(By.id("drill-down-title")).getText()).contains("鼎新镇", String.valueOf(weak.size()));

        // and a weak organisation's row opens its card
        clickCell(driver, "#township-organisations", weak.get(0));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("detail-card")).isDisplayed()
                && d.findElement(By.id("detail-card")).getText().contains(weak.get(0)));

        // when they go back up to the district by the breadcrumb: the townships again, no township in the URL
        click(driver, driver.findElement(By.id("breadcrumb-district")));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("township="));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> cells(d, "#township-table").contains("鼎新镇"));
        assertThat(driver.getCurrentUrl()).contains("district=620921");

        // and up to the city
        click(driver, driver.findElement(By.id("breadcrumb-city")));
        waitFor(driver, "0");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("district="));
        assertThat(driver.findElement(By.id("drill-down")).isDisplayed()).isFalse();
    }

    @Test
    void clickingADistrictOnTheMapDrillsIntoItAndTheSearchFindsATownship() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/?indicator=weak_open&period=2017Q4");
        waitFor(driver, "0");

        // when the planner clicks 金塔县 on the map, where no point is
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) js(driver, "return document.querySelector('geo-map').freePixelIn('620921')");
        assertThat(pixel).as("a free pixel in 金塔县").isNotNull();
        WebElement map = driver.findElement(By.tagName("geo-map"));
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(map, (int) Math.round(pixel.get(0).doubleValue() - map.getSize().getWidth() / 2.0),
                        (int) Math.round(pixel.get(1).doubleValue() - map.getSize().getHeight() / 2.0))
                .click().perform();

        // then the map drills into it
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("district=620921"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> cells(d, "#township-table").contains("鼎新镇"));
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).contains("金塔县");

        // and the search finds 鼎新镇 by name and drills into it
        WebElement input = driver.findElement(By.cssSelector("#search input"));
        click(driver, input);
        input.sendKeys("鼎新");
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                        .filter(e -> e.getText().startsWith("鼎新镇")).findFirst().orElse(null));
        item.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("township=620921"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("breadcrumb")).getText().contains("鼎新镇"));
    }

    private static double zoom(WebDriver driver) {
        String zoom = driver.findElement(By.tagName("geo-map")).getDomAttribute("data-zoom");
        return zoom == null ? 0 : Double.parseDouble(zoom);
    }

    private static void click(WebDriver driver, WebElement element) {
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Clicks the grid cell holding exactly this text, as a person clicks a row. */
    private static void clickCell(WebDriver driver, String grid, String text) {
        WebElement cell = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector(grid + " vaadin-grid-cell-content")).stream()
                        .filter(e -> text.equals(e.getDomProperty("textContent").trim())).findFirst().orElse(null));
        click(driver, cell);
    }

    /** The texts of a grid's cells, visible rows only. */
    @SuppressWarnings("unchecked")
    private static List<String> cells(WebDriver driver, String grid) {
        return (List<String>) js(driver, """
                const grid = document.querySelector(arguments[0]);
                if (!grid || grid.hidden || grid.offsetParent === null) return [];
                return Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                    .filter(tr => !tr.hidden && tr.style.display !== 'none')
                    .flatMap(tr => Array.from(tr.querySelectorAll('td slot'))
                        .map(slot => slot.assignedNodes().map(n => n.textContent).join('').trim()));""", grid);
    }

    /** The township's organisations as "weak|name" (marked weak or rectifying) or "|name". */
    @SuppressWarnings("unchecked")
    private static List<String> markedRows(WebDriver driver) {
        return (List<String>) js(driver, """
                const grid = document.querySelector('#township-organisations');
                if (!grid || grid.offsetParent === null) return [];
                return Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                    .filter(tr => !tr.hidden && tr.style.display !== 'none')
                    .map(tr => {
                        const cell = tr.querySelector('td');
                        const name = cell ? cell.querySelector('slot').assignedNodes().map(n => n.textContent).join('').trim() : '';
                        const weak = cell && (cell.getAttribute('part') || '').split(' ').includes('weak');
                        return (weak ? 'weak|' : '|') + name;
                    })
                    .filter(text => text.length > 1);""");
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the map has rendered with this many townships drawn. */
    private static void waitFor(WebDriver driver, String townships) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered][data-townships='" + townships + "']")).isEmpty());
    }
}
