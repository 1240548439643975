package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * Drilled into a township with layers large enough to be drawn from vector tiles (over 10,000 features, as at
 * x100), the map still draws the township's organisations only: the tiles are narrowed by the server. The demo
 * data is small, so the map is told the layers are large (its layer counts, as the dashboard gives them at
 * scale) and switches to tiles as it would at x100.
 */
@PostgisIntegrationTest
class TownshipTilesBrowserIT {

    static final String JINTA = "620921";
    /** The villages a tile layer draws in the view: their codes, once each (a point may sit in two tiles' margins). */
    static final String CODES_IN_VIEW = """
            const map = document.querySelector('geo-map');
            if (map.loadedFeatureCount(arguments[0]) !== -1) return null;
            const view = map.map.getView();
            const extent = view.calculateExtent(map.map.getSize());
            return [...new Set(map.pointLayers.get(arguments[0]).getFeaturesInExtent(extent)
                .map((f) => String(f.get('code'))))];""";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void atATownshipTheVectorTilesHoldOnlyItsVillages() {
        // given 鼎新镇's villages at the end of 2017Q1, fewer than Jinta's
        String dingxin = jdbc.sql("SELECT code FROM township WHERE district_code = :d AND name_zh = '鼎新镇'")
                .param("d", JINTA).query(String.class).single().strip();
        Set<String> villages = new HashSet<>(jdbc.sql("""
                SELECT o.code FROM organisation o
                WHERE o.district_code = :d AND o.township_zh = '鼎新镇' AND o.kind = 'village'
                  AND (o.status_at ->> '2017Q1') IS NOT NULL""").param("d", JINTA).query(String.class).list());
        assertThat(villages).isNotEmpty();
        WebDriver driver = browser.signIn(port, "analyst");

        // when a planner opens the dashboard drilled into 鼎新镇, with the layers as large as at x100
        driver.get("http://localhost:" + port + "/?indicator=weak_open&period=2017Q1&district=" + JINTA
                + "&township=" + dingxin);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id("breadcrumb")).getText().contains("鼎新镇"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(
                "geo-map[rendered]:not([data-townships='0'])")).isEmpty());
        ((JavascriptExecutor) driver).executeScript("document.querySelector('geo-map').countsJson = JSON.stringify("
                + "{villages: 43400, 'grid-branches': 84600, 'contact-points': 134600})");

        // then the villages come from vector tiles, and those in view are 鼎新镇's, every one of them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(codesInView(driver))
                .as("villages drawn from tiles at 鼎新镇").isEqualTo(villages).allMatch(code -> code.startsWith(dingxin)));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> codesInView(WebDriver driver) {
        Object codes = ((JavascriptExecutor) driver).executeScript(CODES_IN_VIEW, "villages");
        return codes == null ? Set.of() : new HashSet<>((List<String>) codes);
    }
}
