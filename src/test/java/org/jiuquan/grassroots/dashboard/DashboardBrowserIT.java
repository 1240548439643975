package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
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

/** The dashboard in headless Chromium, checked the way a person would look at it. */
@PostgisIntegrationTest
class DashboardBrowserIT {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver driver;

    @BeforeEach
    void open() {
        driver = browser.signIn(port, "viewer");
    }

    @Test
    void theMapDrawsTheChoroplethAndAllThreePointLayers() {
        load("/");
        List<String> classColours = legendColours();
        assertThat(classColours).hasSizeGreaterThanOrEqualTo(3);
        Map<String, Long> pixels = pixelCounts(classColours);
        // Every class of the legend is painted on the map (a district fill), and so is every point layer.
        classColours.forEach(colour -> assertThat(pixels.get(colour)).as(colour).isGreaterThan(50));
        Map<String, Long> points = pixelCounts(List.of("#009E73", "#0072B2", "#CC79A7"));
        points.forEach((colour, count) -> assertThat(count).as(colour).isGreaterThan(20));
        assertThat(featureCount("villages")).isEqualTo(434);
        assertThat(featureCount("grid-branches")).isEqualTo(846);
        assertThat(featureCount("contact-points")).isEqualTo(1346);
        // The layer switches name how many there are, as the article counts them.
        assertThat(driver.findElement(By.id("layer-villages")).getText()).contains("(434)");
        assertThat(driver.findElement(By.id("layer-grid-branches")).getText()).contains("(846)");
        assertThat(driver.findElement(By.id("layer-contact-points")).getText()).contains("(1,346)");
    }

    @Test
    void switchingIndicatorAndPeriodChangesLegendAndColours() {
        load("/?indicator=enterprise_coverage&period=2017Q4");
        String legendBefore = text("#legend");
        List<String> coloursBefore = legendColours();

        choose("#indicator", "未整顿完成的软弱涣散党组织");
        waitUntil(() -> text("#legend").contains("未整顿完成的软弱涣散党组织"));
        waitRendered();
        // Lower is better for weak organisations: a yellow-orange-red ramp instead of yellow-green-blue.
        assertThat(legendColours()).doesNotContainAnyElementsOf(coloursBefore);
        legendColours().forEach(colour -> assertThat(pixelCounts(List.of(colour)).get(colour)).isPositive());

        String legendQ4 = text("#legend");
        choose("#period", "2017Q1");
        waitUntil(() -> text("#legend").contains("2017Q1"));
        assertThat(text("#legend")).isNotEqualTo(legendQ4).isNotEqualTo(legendBefore);
        assertThat(text("#city-figures")).contains("88"); // weak organisations still open at the end of Q1
        assertThat(driver.getCurrentUrl()).contains("indicator=weak_open").contains("period=2017Q1");
    }

    @Test
    void aFilterChangesTheMapAndTheTableTogether() {
        load("/");
        assertThat(tableRows()).hasSize(7);
        choose("#filter-district", "敦煌市");
        waitUntil(() -> tableRows().size() == 1);
        waitRendered();
        assertThat(tableRows().get(0)).contains("敦煌市");
        assertThat(featureCount("villages")).isEqualTo(55);
        assertThat(featureCount("grid-branches")).isEqualTo(131);

        choose("#filter-status", "已整顿");
        waitRendered();
        long rectifiedInDunhuang = jdbc.sql("SELECT count(*) FROM organisation WHERE district_code = '620982' "
                + "AND kind IN ('village', 'grid_branch') AND status = 'rectified'").query(Long.class).single();
        waitUntil(() -> featureCount("villages") + featureCount("grid-branches") == rectifiedInDunhuang);
        assertThat(tableRows().get(0)).endsWith(String.valueOf(rectifiedInDunhuang));
        assertThat(driver.getCurrentUrl()).contains("district=620982").contains("status=rectified");
    }

    @Test
    void clickingAVillageOpensItsCardAndClickingADistrictOpensTheDistricts() {
        // The village farthest from any other, so that it is drawn on its own when zoomed in.
        Map<String, Object> village = jdbc.sql("""
                SELECT o.code, o.name_zh, ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat FROM organisation o
                WHERE o.kind = 'village'
                ORDER BY (SELECT min(ST_Distance(o.geom, p.geom)) FROM organisation p WHERE p.id <> o.id) DESC
                LIMIT 1""").query().singleRow();
        load("/");
        js("document.querySelector('geo-map').flyTo(arguments[0], arguments[1], 14)", village.get("lon"), village.get("lat"));
        waitRenderedAtZoom(14);
        clickAt((double) village.get("lon"), (double) village.get("lat"));
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed()
                && text("#detail-card").contains((String) village.get("name_zh")));
        assertThat(text("#detail-card")).contains("堡垒指数", "行政村", "组织生活", "问题整改");

        load("/");
        // The middle of Subei's northern part: no point nearby.
        clickAt(96.84, 41.66);
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed()
                && text("#detail-card").contains("肃北蒙古族自治县"));
        assertThat(text("#detail-card")).contains("非公企业党组织覆盖率", "第");
        assertThat(selectedTableRow()).contains("肃北蒙古族自治县");
    }

    @Test
    void englishModeShowsNoChineseLabelAndChineseModeNoEnglishOne() throws Exception {
        load("/?lang=en");
        String english = visibleText();
        assertThat(english).contains("District ranking", "City totals", "Points");
        assertThat(HAN.matcher(english).find()).as(english).isFalse();

        // The language is kept from page to page (a cookie): Chinese is chosen again, as with the switch.
        load("/?lang=zh");
        String chinese = visibleText();
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/labels_en.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            if (value.length() > 4 && !value.contains("{")) {
                assertThat(chinese).as(key).doesNotContain(value);
            }
        }
        assertThat(chinese).contains("区县排名", "全市合计");
    }

    @Test
    void presentationModeEnlargesTextAndHidesTheControls() {
        load("/");
        double before = fontSize("#legend .legend-row");
        driver.findElement(By.id("presentation-toggle")).click();
        waitUntil(() -> driver.findElement(By.id("exit-presentation")).isDisplayed());
        waitRendered();
        assertThat(fontSize("#legend .legend-row")).isGreaterThanOrEqualTo(20).isGreaterThan(before);
        assertThat(driver.findElement(By.cssSelector(".controls")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.tagName("geo-map")).getDomAttribute("presentation")).isNotNull();
        assertThat(driver.getCurrentUrl()).contains("present=1");

        driver.findElement(By.id("exit-presentation")).click();
        waitUntil(() -> driver.findElement(By.cssSelector(".controls")).isDisplayed());
    }

    @Test
    void aBookmarkedUrlRestoresTheViewAndABadParameterIsExplained() {
        load("/?indicator=party_lectures&period=2017Q2&method=equal&classes=3&layers=districts,villages");
        assertThat(text("#legend")).contains("联系点讲党课", "2017Q2");
        assertThat(legendColours()).hasSizeLessThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("layer-contact-points")).getDomAttribute("checked")).isNull();

        load("/?indicator=happiness");
        WebElement notification = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.tagName("vaadin-notification-card")).stream().findFirst().orElse(null));
        assertThat(notification.getText()).contains("indicator=happiness");
        assertThat(text("#legend")).contains("非公企业党组织覆盖率");
    }

    @Test
    void aFailingTileServerDoesNotBreakTheMap() {
        load("/");
        js("document.querySelector('geo-map').setAttribute('basemap-url', 'http://127.0.0.1:9/{z}/{x}/{y}.png')");
        js("document.querySelector('geo-map').flyTo(98.5, 39.75, 8)");
        waitRenderedAtZoom(8);
        legendColours().stream().limit(1).forEach(colour ->
                assertThat(pixelCounts(List.of(colour)).get(colour)).isPositive());
        assertThat(featureCount("villages")).isEqualTo(434);
    }

    @Test
    void searchFindsAnOrganisationZoomsToItAndOpensItsCard() {
        String name = jdbc.sql("SELECT name_zh FROM organisation WHERE kind = 'village' ORDER BY code LIMIT 1")
                .query(String.class).single();
        load("/");
        WebElement input = driver.findElement(By.cssSelector("#search input"));
        input.sendKeys(name);
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                        .filter(e -> e.getText().startsWith(name)).findFirst().orElse(null));
        item.click();
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed()
                && text("#detail-card").contains(name));
    }

    @Test
    void choosingADistrictZoomsTheMapAndShowsItsFiguresAndABarChoosesOneToo() {
        load("/?indicator=villages&period=2017Q4");
        double cityZoom = zoom();
        assertThat(text("#figures-title")).isEqualTo("全市合计");
        choose("#filter-district", "敦煌市");
        waitUntil(() -> text("#figures-title").equals("敦煌市合计"));
        waitUntil(() -> zoom() > cityZoom + 0.5);
        assertThat(driver.findElement(By.id("city-figures")).getDomAttribute("data-district")).isEqualTo("620982");
        long dunhuangVillages = jdbc.sql("SELECT count(*) FROM organisation WHERE district_code = '620982' "
                + "AND kind = 'village'").query(Long.class).single();
        assertThat(text("#city-figures")).contains(String.valueOf(dunhuangVillages));

        // A bar of the chart chooses its district everywhere: filter, figures, table, address.
        load("/?indicator=villages&period=2017Q4");
        WebElement chart = driver.findElement(By.id("indicator-chart"));
        js("arguments[0].scrollIntoView({block: 'center'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> bar = (List<Number>) new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> js(
                "return document.getElementById('indicator-chart').barPixel(1)"));
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(chart, (int) Math.round(bar.get(0).doubleValue() - chart.getSize().getWidth() / 2.0),
                        (int) Math.round(bar.get(1).doubleValue() - chart.getSize().getHeight() / 2.0))
                .click().perform();
        waitUntil(() -> driver.getCurrentUrl().contains("district=620921"));
        waitUntil(() -> tableRows().size() == 1 && text("#figures-title").equals("金塔县合计"));
        assertThat(text("#filter-district")).contains("金塔县");
    }

    @Test
    void theIndicatorsComeGroupedByCategoryAndTheSearchBoxNarrowsThem() {
        load("/?indicator=villages&period=2017Q4");
        assertThat(js("return [...document.querySelectorAll('#indicator .indicator-category')].map(e => e.textContent)"))
                .asString().contains("组织覆盖", "阵地建设");
        driver.findElement(By.cssSelector("#indicator-search input")).sendKeys("覆盖率");
        waitUntil(() -> ((Number) js("return document.querySelectorAll('#indicator vaadin-select-item').length"))
                .intValue() < 10);
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) js(
                "return [...document.querySelectorAll('#indicator vaadin-select-item')].map(e => e.textContent.trim())");
        // What matches, and the indicator on the map (kept, so narrowing never changes the map).
        assertThat(items).contains("行政村").allSatisfy(item -> assertThat(item).matches(".*覆盖率.*|行政村"));
        choose("#indicator", "非公企业党组织覆盖率");
        waitUntil(() -> driver.getCurrentUrl().contains("indicator=enterprise_coverage"));
    }

    private double zoom() {
        String zoom = driver.findElement(By.tagName("geo-map")).getDomAttribute("data-zoom");
        return zoom == null ? 0 : Double.parseDouble(zoom);
    }

    // ---- helpers ----

    private void load(String path) {
        driver.get("http://localhost:" + port + path);
        waitRendered();
    }

    private void waitRendered() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty()
                        && !d.findElements(By.cssSelector("#legend .legend-row")).isEmpty());
    }

    /** The map has finished flying to {@code zoom} and drawn everything there (data-zoom is set with rendered). */
    private void waitRenderedAtZoom(int zoom) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered][data-zoom='" + zoom + "']")).isEmpty());
        waitRendered();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private List<String> legendColours() {
        return driver.findElements(By.cssSelector("#legend .legend-class")).stream()
                .map(e -> e.getDomAttribute("data-color")).toList();
    }

    private List<String> tableRows() {
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) js("""
                const grid = document.querySelector('#district-table');
                return Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                    .filter(tr => !tr.hidden && tr.style.display !== 'none')
                    .map(tr => Array.from(tr.querySelectorAll('td slot'))
                        .map(slot => slot.assignedNodes().map(n => n.textContent).join('').trim()).join(' '))
                    .filter(text => text.length > 0);""");
        return rows;
    }

    private String selectedTableRow() {
        return (String) js("""
                const grid = document.querySelector('#district-table');
                const tr = grid.shadowRoot.querySelector('tbody#items tr[selected]');
                return tr ? Array.from(tr.querySelectorAll('td slot'))
                    .map(slot => slot.assignedNodes().map(n => n.textContent).join('')).join(' ') : '';""");
    }

    /** How many features a point layer has loaded (all of them, whether clustered or not). */
    private long featureCount(String layer) {
        Object count = js("return document.querySelector('geo-map').loadedFeatureCount(arguments[0])", layer);
        return ((Number) count).longValue();
    }

    /** Pixels of the map's canvases painted exactly in each of the given colours. */
    private Map<String, Long> pixelCounts(List<String> colours) {
        @SuppressWarnings("unchecked")
        Map<String, Long> counts = (Map<String, Long>) js("""
                const wanted = arguments[0].map(c => c.toLowerCase());
                const rgb = wanted.map(c => [1, 3, 5].map(i => parseInt(c.substr(i, 2), 16)));
                const counts = Object.fromEntries(wanted.map(c => [c, 0]));
                for (const canvas of document.querySelector('geo-map').shadowRoot.querySelectorAll('canvas')) {
                    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 0; i < data.length; i += 4) {
                        if (data[i + 3] !== 255) continue;
                        for (let k = 0; k < rgb.length; k++) {
                            if (data[i] === rgb[k][0] && data[i + 1] === rgb[k][1] && data[i + 2] === rgb[k][2]) counts[wanted[k]]++;
                        }
                    }
                }
                return counts;""", colours);
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        colours.forEach(c -> result.put(c, ((Number) counts.get(c.toLowerCase())).longValue()));
        return result;
    }

    private void clickAt(double lon, double lat) {
        WebElement map = driver.findElement(By.tagName("geo-map"));
        @SuppressWarnings("unchecked")
        List<Number> pixel = (List<Number>) js("return document.querySelector('geo-map').pixelOf(arguments[0], arguments[1])",
                lon, lat);
        int x = (int) Math.round(pixel.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int y = (int) Math.round(pixel.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(map, x, y).click().perform();
    }

    private void choose(String selectCss, String itemText) {
        waitUntil(() -> driver.findElements(By.cssSelector("vaadin-select[opened]")).isEmpty());
        WebElement select = driver.findElement(By.cssSelector(selectCss));
        js("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        waitUntil(() -> select.getDomAttribute("opened") != null);
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector(selectCss + " vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().startsWith(itemText)).findFirst().orElse(null));
        // Long lists scroll: bring the item into view as a person would, then click it.
        js("arguments[0].scrollIntoView({block: 'center'})", item);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> item.isDisplayed());
        item.click();
    }

    private double fontSize(String css) {
        String size = (String) js("return getComputedStyle(document.querySelector(arguments[0])).fontSize", css);
        return Double.parseDouble(size.replace("px", ""));
    }

    /** Text a person can see: the page's, without the button that names the other language. */
    private String visibleText() {
        return (String) js("""
                // The language switch names the other language, and the user's name is data: not labels.
                const own = ['language-switch', 'signed-in-user'].map(id => document.getElementById(id));
                const saved = own.map(e => e.textContent);
                own.forEach(e => e.textContent = '');
                const text = document.body.innerText;
                own.forEach((e, i) => e.textContent = saved[i]);
                return text;""");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
