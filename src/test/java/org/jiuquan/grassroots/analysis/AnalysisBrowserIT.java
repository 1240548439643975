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
    @Autowired
    AnalysisRepository repository;
    @Autowired
    AnalysisService analysis;

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
        // The area stays outlined on the map, not only written out as coordinates.
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('geo-map').areaJson")).startsWith("[["));
        driver.findElement(By.id("analysis-clear-area")).click();
        wait.until(d -> "".equals(((JavascriptExecutor) d).executeScript(
                "return document.querySelector('geo-map').areaJson")));
    }

    @Test
    void theDefaultClusterRunFindsClustersOrNamesTheFieldThatWould() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/analysis");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait.until(d -> d.findElement(By.id("analysis-count")).getText().matches(".*\\d.*"));
        // A hidden hint is not in the page at all (Vaadin sends no invisible component).
        List<WebElement> hints = driver.findElements(By.id("analysis-hint"));
        if (!hints.isEmpty() && hints.get(0).isDisplayed()) {
            WebElement hint = hints.get(0);
            // Every weak organisation stands alone: the hint names the field and the distance that finds clusters.
            String advice = hint.getText();
            assertThat(advice).contains("“距离（公里）”");
            String wider = advice.replaceAll(".*增至 ([0-9.]+) .*", "$1");
            WebElement distance = driver.findElement(By.cssSelector("#analysis-distance input"));
            distance.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), wider,
                    org.openqa.selenium.Keys.TAB);
            driver.findElement(By.id("analysis-run")).click();
        }
        wait.until(d -> d.findElement(By.id("analysis-table")).getText().contains("个聚集"));
        assertThat(driver.findElements(By.id("analysis-hint"))).allSatisfy(h -> assertThat(h.isDisplayed()).isFalse());
    }

    @Test
    void clickingARowSelectsItAndZoomsTheMapToIt() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/analysis?analysis=coverage-gaps&distance_km=3");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#analysis-table vaadin-grid-cell-content")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        double zoomBefore = zoom(driver);
        // The table's first row: the village or grid branch farthest from any contact point.
        String farthest = jdbc.sql("SELECT o.name_zh FROM nearest_contact n JOIN organisation o ON o.id = n.organisation_id "
                + "WHERE n.distance_m > 3000 ORDER BY n.distance_m DESC, o.code LIMIT 1").query(String.class).single();
        WebElement cell = wait.until(d -> d.findElements(By.cssSelector("#analysis-table vaadin-grid-cell-content"))
                .stream().filter(c -> c.getText().equals(farthest)).findFirst().orElse(null));
        cell.click();
        wait.until(d -> ((Number) js.executeScript(
                "return document.querySelector('#analysis-table').selectedItems.length")).intValue() == 1);
        wait.until(d -> String.valueOf(js.executeScript("return document.querySelector('geo-map').highlightJson"))
                .matches("\\[\"\\d{12}\"\\]"));
        wait.until(d -> zoom(d) > zoomBefore + 2);
    }

    private static double zoom(WebDriver driver) {
        String zoom = driver.findElement(By.tagName("geo-map")).getDomAttribute("data-zoom");
        return zoom == null ? 0 : Double.parseDouble(zoom);
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

    @Test
    void aBinnedHotSpotCellTellsItsOrganisationsZScoreAndSignificanceOnHoverAndClick() {
        // Given the binned path (normally above 20,000 organisations) on the demo data, at a distance of its own
        AnalysisRepository target = org.springframework.test.util.AopTestUtils.getTargetObject(repository);
        target.exactGiLimit(0);
        try {
            HotSpots run = analysis.hotSpots(5.75);
            assertThat(run.binned()).isTrue();
            HotSpots.Cell cell = run.cells().stream().filter(c -> c.significance() > 0)
                    .max(java.util.Comparator.comparingDouble(c -> Math.abs(c.z()))).orElseThrow();

            // when a planner on the English page points at the strongest cell
            WebDriver driver = browser.signIn(port, "analyst");
            driver.get("http://localhost:" + port + "/analysis?analysis=hot-spots&distance_km=5.75&lang=en");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
            WebElement map = driver.findElement(By.tagName("geo-map"));
            int[] at = pixel(driver, map, cell.lon(), cell.lat());
            // (hovered again until the overlay has arrived and is drawn)
            String english = wait.until(d -> {
                new Actions(d).moveToElement(map, at[0] + 20, at[1] + 20).moveToElement(map, at[0], at[1]).perform();
                String text = tooltip(d);
                return text.startsWith("Cell of") ? text : null;
            });

            // then the tooltip says how many organisations the cell holds, its z-score and its significance
            assertThat(english).matches("Cell of [0-9]+ organisations? · z-score -?[0-9]+\\.[0-9]{2} · "
                    + "(hot|cold) spot \\((90|95|99) % confidence\\)");

            // and on the Chinese page a click says the same in Chinese (no card opens: a cell is no organisation)
            driver.get("http://localhost:" + port + "/analysis?analysis=hot-spots&distance_km=5.75&lang=zh");
            wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
            WebElement chineseMap = driver.findElement(By.tagName("geo-map"));
            String chinese = wait.until(d -> {
                new Actions(d).moveToElement(chineseMap, at[0], at[1]).click().perform();
                String text = tooltip(d);
                return text.startsWith("网格单元") ? text : null;
            });
            assertThat(chinese).matches("网格单元：[0-9]+ 个组织 · z 值 -?[0-9]+\\.[0-9]{2} · (热点|冷点)（(90|95|99)% 置信度）");
        } finally {
            target.exactGiLimit(AnalysisRepository.EXACT_GI_LIMIT);
            // Retire the binned run kept for this distance, so no later test meets it.
            jdbc.sql("SELECT pg_notify('data_version', CAST((SELECT version FROM data_version) AS text))")
                    .query((rs, n) -> 1).list();
        }
    }

    private static String tooltip(WebDriver driver) {
        Object text = ((JavascriptExecutor) driver).executeScript("const m = document.querySelector('geo-map');"
                + "const t = (m.shadowRoot ?? m).querySelector('#tooltip');"
                + "return t && !t.hidden ? t.textContent : '';");
        return String.valueOf(text);
    }

    private static int[] pixel(WebDriver driver, WebElement map, double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('geo-map').pixelOf(arguments[0], arguments[1])", lon, lat);
        return new int[] {(int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0),
                (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0)};
    }
}
