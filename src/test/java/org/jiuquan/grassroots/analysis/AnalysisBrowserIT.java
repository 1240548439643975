package org.jiuquan.grassroots.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A planner draws a box on the analysis map and the table keeps the organisations inside it. */
@PostgisIntegrationTest
class AnalysisBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void drawingABoxOnTheMapFiltersTheTable() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/analysis?analysis=hot-spots&distance_km=5");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait.until(d -> d.findElement(By.id("analysis-count")).getText().contains("1,280"));

        driver.findElement(By.id("analysis-draw")).click();
        wait.until(d -> d.findElement(By.tagName("geo-map")).getDomAttribute("draw-mode") != null);
        WebElement map = driver.findElement(By.tagName("geo-map"));
        // A box around Jiuquan city and the oasis east of it.
        int[] from = pixel(driver, map, 98.3, 39.95);
        int[] to = pixel(driver, map, 98.8, 39.6);
        new Actions(driver).moveToElement(map, from[0], from[1]).clickAndHold()
                .moveByOffset((to[0] - from[0]) / 2, (to[1] - from[1]) / 2)
                .moveByOffset((to[0] - from[0]) - (to[0] - from[0]) / 2, (to[1] - from[1]) - (to[1] - from[1]) / 2)
                .release().perform();

        wait.until(d -> d.findElement(By.id("analysis-area")).getText().contains(","));
        String[] box = driver.findElement(By.id("analysis-area")).getText().replaceAll("^[^:]*:\\s*", "").split(",");
        long inside = jdbc.sql("SELECT count(*) FROM organisation WHERE kind IN ('village', 'grid_branch') "
                        + "AND ST_X(geom) BETWEEN :x0 AND :x1 AND ST_Y(geom) BETWEEN :y0 AND :y1")
                .param("x0", Double.parseDouble(box[0])).param("y0", Double.parseDouble(box[1]))
                .param("x1", Double.parseDouble(box[2])).param("y1", Double.parseDouble(box[3]))
                .query(Long.class).single();
        assertThat(inside).isBetween(1L, 1279L);
        wait.until(d -> d.findElement(By.id("analysis-count")).getText()
                .replace(",", "").contains(" " + inside + " "));
    }

    @Test
    void clickingADistrictNarrowsTheTableToIt() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/analysis?analysis=hot-spots&distance_km=5");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait.until(d -> d.findElement(By.id("analysis-count")).getText().contains("1,280"));
        WebElement map = driver.findElement(By.tagName("geo-map"));
        int[] subeiNorth = pixel(driver, map, 96.84, 41.66);
        new Actions(driver).moveToElement(map, subeiNorth[0], subeiNorth[1]).click().perform();
        long inSubei = jdbc.sql("SELECT count(*) FROM organisation WHERE district_code = '620923' "
                + "AND kind IN ('village', 'grid_branch')").query(Long.class).single();
        wait.until(d -> d.findElement(By.id("analysis-count")).getText().contains(" " + inSubei + " "));
    }

    private static int[] pixel(WebDriver driver, WebElement map, double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('geo-map').pixelOf(arguments[0], arguments[1])", lon, lat);
        return new int[] {(int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0),
                (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0)};
    }
}
