package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
 * Drilled into a township, the map and the township's list agree: the map draws the township's organisations
 * only. The legend says the township areas are approximate only while they are, and the search box says it
 * finds townships.
 */
@PostgisIntegrationTest
class TownshipLevelBrowserIT {

    static final String JINTA = "620921";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void drilledIntoDingxinTheMapDrawsDingxinsOrganisationsOnlyAndRingsItsWeakOnes() {
        // given 鼎新镇's villages and grid branches at the end of 2017Q1, and those weak or being rectified
        String dingxin = jdbc.sql("SELECT code FROM township WHERE district_code = :d AND name_zh = '鼎新镇'")
                .param("d", JINTA).query(String.class).single().strip();
        long villages = count("village", false);
        long gridBranches = count("grid_branch", false);
        long weak = count("village", true) + count("grid_branch", true);
        long districtVillages = jdbc.sql("SELECT count(*) FROM organisation WHERE district_code = :d AND kind = 'village'"
                + " AND (status_at ->> '2017Q1') IS NOT NULL").param("d", JINTA).query(Long.class).single();
        assertThat(villages).isPositive().isLessThan(districtVillages);
        assertThat(weak).isPositive();
        WebDriver driver = browser.signIn(port, "analyst");

        // when a planner opens the dashboard drilled into 鼎新镇
        driver.get("http://localhost:" + port + "/?indicator=weak_open&period=2017Q1&district=" + JINTA
                + "&township=" + dingxin);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id("breadcrumb")).getText().contains("鼎新镇"));
        waitRenderedWithTownships(driver);

        // then the map holds 鼎新镇's villages and grid branches only, and rings exactly its weak ones
        assertThat(loaded(driver, "villages")).isEqualTo(villages);
        assertThat(loaded(driver, "grid-branches")).isEqualTo(gridBranches);
        assertThat(driver.findElement(By.tagName("geo-map")).getDomAttribute("data-ringed")).isEqualTo(String.valueOf(weak));

        // and back up at the district, the district's villages again
        click(driver, driver.findElement(By.id("breadcrumb-district")));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("township="));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> loaded(d, "villages") == districtVillages
                && !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
    }

    @Test
    void theLegendSaysTheTownshipAreasAreApproximateOnlyWhileTheyAre() {
        WebDriver driver = browser.signIn(port, "analyst");
        String url = "http://localhost:" + port + "/?indicator=weak_open&period=2017Q4&district=" + JINTA;

        // given Jinta's townships with approximate areas: the legend says so
        driver.get(url);
        waitRenderedWithTownships(driver);
        assertThat(driver.findElement(By.id("legend-townships")).getDomAttribute("data-approximate")).isEqualTo("true");
        assertThat(driver.findElement(By.id("legend-townships")).getText()).contains("近似");

        try {
            // when every township of Jinta has a real boundary (as a boundary load leaves them)
            jdbc.sql("UPDATE township_area SET approximate = false WHERE left(code, 6) = :d").param("d", JINTA).update();
            driver.get(url);
            waitRenderedWithTownships(driver);

            // then the legend no longer calls them approximate
            assertThat(driver.findElement(By.id("legend-townships")).getDomAttribute("data-approximate")).isEqualTo("false");
            assertThat(driver.findElement(By.id("legend-townships")).getText()).contains("乡镇").doesNotContain("近似");
        } finally {
            jdbc.sql("UPDATE township_area SET approximate = true WHERE left(code, 6) = :d AND code IN"
                    + " (SELECT code FROM township WHERE boundary IS NULL)").param("d", JINTA).update();
        }
    }

    @Test
    void theSearchBoxSaysItFindsTownshipsInChineseAndEnglish() {
        WebDriver driver = browser.signIn(port, "viewer");
        driver.get("http://localhost:" + port + "/");
        assertThat(placeholder(driver)).contains("乡镇", "组织", "区县");
        driver.get("http://localhost:" + port + "/?lang=en");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> placeholder(d).contains("townships"));
        assertThat(placeholder(driver)).contains("organisations", "districts").doesNotContain("乡镇");
    }

    private long count(String kind, boolean weakOnly) {
        return jdbc.sql("""
                SELECT count(*) FROM organisation o
                WHERE o.district_code = :d AND o.township_zh = '鼎新镇' AND o.kind = :kind
                  AND (o.status_at ->> '2017Q1') IS NOT NULL
                  AND (NOT :weak OR o.status_at ->> '2017Q1' IN ('weak', 'rectifying'))""")
                .param("d", JINTA).param("kind", kind).param("weak", weakOnly).query(Long.class).single();
    }

    private static String placeholder(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("search")).isEmpty());
        String text = driver.findElement(By.id("search")).getDomProperty("placeholder");
        return text == null ? "" : text;
    }

    private static long loaded(WebDriver driver, String layer) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('geo-map').loadedFeatureCount(arguments[0])", layer)).longValue();
    }

    private static void waitRenderedWithTownships(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(
                "geo-map[rendered]:not([data-townships='0'])")).isEmpty());
    }

    /** Clicks as a person does, the element scrolled into view first. */
    private static void click(WebDriver driver, org.openqa.selenium.WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
