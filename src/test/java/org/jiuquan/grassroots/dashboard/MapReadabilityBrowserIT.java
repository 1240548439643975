package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing on the map hides the data, on a phone, a laptop and a projector: the map stays large, the legend
 * and the cards leave it readable, a contact point does not hide its organisation, features at one place
 * can each be chosen, and presentation mode comes and goes from anywhere.
 */
@PostgisIntegrationTest
class MapReadabilityBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver driver;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390, 844", "1366, 768", "1920, 1080"})
    void theMapIsLargeAndTheLegendLeavesItReadable(int width, int height) {
        open(width, height, "/");
        Rect map = rect("geo-map");
        Rect legend = rect("[data-role=legend]");
        if (width < 700) {
            assertThat(map.width()).isGreaterThanOrEqualTo(360);
            assertThat(map.height()).isGreaterThanOrEqualTo(480);
        } else {
            // The map keeps most of the screen: on a projector or laptop at least 60 % of its width, more below.
            assertThat(map.width()).isGreaterThanOrEqualTo(width * (width >= 1900 ? 0.6 : 0.75));
        }
        double covered = legend.intersection(map) / map.area();
        assertThat(covered).as("share of the map under the legend").isLessThanOrEqualTo(0.10);
        if (width >= 1920) {
            assertThat(districtsUnder(legend.relativeTo(map))).as("districts under the legend").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"390, 844", "1366, 768", "1920, 1080"})
    void aDistrictsCardDoesNotCoverTheDistrict(int width, int height) {
        open(width, height, "/");
        // Jinta lies along the map's right edge, where the card opens on a large screen.
        String jinta = "620921";
        clickAtPixel(freePixelIn(jinta));
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed()
                && text("#detail-card").contains("金塔县"));
        waitRendered();
        Rect map = rect("geo-map");
        Rect card = rect("#detail-card");
        assertThat(districtsUnder(card.relativeTo(map))).as("districts under the card").doesNotContain(jinta);
        assertThat(districtsUnder(new Rect(0, 0, map.width(), map.height()))).contains(jinta);
    }

    @Test
    void clickingAVillageWithAContactPointOpensTheVillage() {
        // A village with a leader's contact point, far from any other organisation.
        Map<String, Object> village = jdbc.sql("""
                SELECT o.code, o.name_zh, ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat FROM organisation o
                WHERE o.kind = 'village' AND EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = o.id)
                ORDER BY (SELECT min(ST_Distance(o.geom, p.geom)) FROM organisation p WHERE p.id <> o.id) DESC
                LIMIT 1""").query().singleRow();
        open(1366, 768, "/");
        zoomTo((double) village.get("lon"), (double) village.get("lat"), 14);
        clickAtPixel(pixelOf((double) village.get("lon"), (double) village.get("lat")));
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed()
                && text("#detail-card").contains((String) village.get("name_zh")));
        assertThat(driver.findElement(By.cssSelector("#detail-card [data-kind]")).getDomAttribute("data-kind"))
                .isEqualTo("village");
        assertThat(text("#detail-card")).contains("行政村", "联系领导");
    }

    @Test
    void severalLeadersAtOneOrganisationOpenAListToChooseFrom() {
        // An organisation that several leaders contact: their contact points share its position.
        Map<String, Object> organisation = jdbc.sql("""
                SELECT o.name_zh, ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat,
                       (SELECT count(*) FROM contact_point c WHERE c.organisation_id = o.id) AS leaders
                FROM organisation o WHERE o.kind IN ('village', 'grid_branch')
                  AND (SELECT count(*) FROM contact_point c WHERE c.organisation_id = o.id) >= 2
                ORDER BY (SELECT min(ST_Distance(o.geom, p.geom)) FROM organisation p WHERE p.id <> o.id) DESC
                LIMIT 1""").query().singleRow();
        open(1366, 768, "/");
        zoomTo((double) organisation.get("lon"), (double) organisation.get("lat"), 14);
        // The badge with the number of leaders stands up and to the right of the organisation's symbol.
        List<Number> at = pixelOf((double) organisation.get("lon"), (double) organisation.get("lat"));
        clickAtPixel(List.of(at.get(0).doubleValue() + 13, at.get(1).doubleValue() - 13));
        waitUntil(() -> pickListEntries().size() == ((Number) organisation.get("leaders")).intValue());
        assertThat(pickListEntries()).allSatisfy(entry ->
                assertThat(entry).contains("→ " + organisation.get("name_zh")));
        js("document.querySelector('geo-map').shadowRoot.querySelector('#pick-list button').click()");
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed()
                && "contact-point".equals(driver.findElement(By.cssSelector("#detail-card [data-kind]")).getDomAttribute("data-kind")));
        assertThat(text("#detail-card")).contains((String) organisation.get("name_zh"));
    }

    @Test
    void altPFromTheMapTogglesPresentationAndEscLeavesIt() {
        open(1920, 1080, "/");
        WebElement map = driver.findElement(By.tagName("geo-map"));
        // A click on the map (in the sea of the districts, not on a point) gives it the focus a person expects.
        clickAtPixel(freePixelIn("620923"));
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed());
        new Actions(driver).keyDown(Keys.ALT).sendKeys("p").keyUp(Keys.ALT).perform();
        waitUntil(() -> map.getDomAttribute("presentation") != null);
        assertThat(driver.getCurrentUrl()).contains("present=1");
        // Every text of the card, its title first, is at least 20 px.
        assertThat(fontSize("#detail-card h3")).isGreaterThanOrEqualTo(20);
        assertThat(smallestFontSize("#detail-card")).isGreaterThanOrEqualTo(20);
        assertThat(smallestFontSize("[data-role=legend]")).isGreaterThanOrEqualTo(20);

        new Actions(driver).keyDown(Keys.ALT).sendKeys("p").keyUp(Keys.ALT).perform();
        waitUntil(() -> map.getDomAttribute("presentation") == null);

        new Actions(driver).keyDown(Keys.ALT).sendKeys("p").keyUp(Keys.ALT).perform();
        waitUntil(() -> map.getDomAttribute("presentation") != null);
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitUntil(() -> map.getDomAttribute("presentation") == null);
        assertThat(driver.getCurrentUrl()).doesNotContain("present=1");
    }

    @Test
    void theMapRingsAsManyOrganisationsAsAreWeakOrBeingRectified() {
        open(1366, 768, "/");
        long weak = jdbc.sql("""
                SELECT count(*) FROM organisation WHERE kind IN ('village', 'grid_branch')
                AND status IN ('weak', 'rectifying')""").query(Long.class).single();
        String ringed = driver.findElement(By.tagName("geo-map")).getDomAttribute("data-ringed");
        assertThat(Long.parseLong(ringed)).isEqualTo(weak);
    }

    @Test
    void thePlayButtonStepsThroughTheQuartersInPresentationModeAndACompareViewLivesInTheUrl() {
        open(1920, 1080, "/?present=1&period=2017Q3");
        driver.findElement(By.id("play-quarters")).click();
        waitUntil(() -> text("#legend").contains("2017Q1"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> text("#legend").contains("2017Q4")
                && "false".equals(d.findElement(By.id("quarter-bar")).getDomAttribute("data-playing")));
        assertThat(driver.getCurrentUrl()).contains("period=2017Q4").contains("present=1");

        choose("#compare-period", "对比 2017Q1");
        WebElement map = driver.findElement(By.tagName("geo-map"));
        waitUntil(() -> "2017Q1".equals(map.getDomAttribute("compare-period")));
        waitUntil(() -> driver.getCurrentUrl().contains("compare=2017Q1"));
        waitRendered();
        String swipe = (String) js("const s = document.querySelector('geo-map').shadowRoot.querySelector('#swipe');"
                + " return s.hidden ? '' : s.textContent;");
        assertThat(swipe).contains("2017Q1", "2017Q4");

        driver.get("http://localhost:" + port + "/?period=2017Q4&compare=2017Q2");
        waitRendered();
        assertThat(driver.findElement(By.tagName("geo-map")).getDomAttribute("compare-period")).isEqualTo("2017Q2");
    }

    // ---- helpers ----

    private void choose(String selectCss, String itemText) {
        waitUntil(() -> driver.findElements(By.cssSelector("vaadin-select[opened]")).isEmpty());
        WebElement select = driver.findElement(By.cssSelector(selectCss));
        select.click();
        waitUntil(() -> select.getDomAttribute("opened") != null);
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector(selectCss + " vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().startsWith(itemText)).findFirst().orElse(null));
        item.click();
    }

    /** A viewport of exactly this size (the window is larger by the browser's own frame). */
    private void open(int width, int height, String path) {
        driver = browser.signIn(port, "viewer");
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) js("return [window.innerWidth, window.innerHeight]");
        driver.manage().window().setSize(new Dimension(2 * width - inner.get(0).intValue(),
                2 * height - inner.get(1).intValue()));
        driver.get("http://localhost:" + port + path);
        waitRendered();
    }

    private void waitRendered() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty()
                        && !d.findElements(By.cssSelector("#legend .legend-row")).isEmpty());
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    /** Zooms as a search would, and waits until the map has drawn the place. */
    private void zoomTo(double lon, double lat, int zoom) {
        js("document.querySelector('geo-map').flyTo(arguments[0], arguments[1], arguments[2])", lon, lat, zoom);
        waitUntil(() -> Math.abs(((Number) js("""
                const v = document.querySelector('geo-map');
                return v.hasAttribute('rendered') ? JSON.parse(v.dataset.zoom ?? '0') : 0;""")).doubleValue() - zoom) < 0.01);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private List<String> pickListEntries() {
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) js("""
                const list = document.querySelector('geo-map').shadowRoot.querySelector('#pick-list');
                return list.hidden ? [] : Array.from(list.querySelectorAll('button')).map(b => b.textContent);""");
        return entries;
    }

    @SuppressWarnings("unchecked")
    private List<Number> pixelOf(double lon, double lat) {
        return (List<Number>) js("return document.querySelector('geo-map').pixelOf(arguments[0], arguments[1])", lon, lat);
    }

    @SuppressWarnings("unchecked")
    private List<Number> freePixelIn(String district) {
        List<Number> pixel = (List<Number>) js("return document.querySelector('geo-map').freePixelIn(arguments[0])", district);
        assertThat(pixel).as("a free pixel in " + district).isNotNull();
        return pixel;
    }

    @SuppressWarnings("unchecked")
    private List<String> districtsUnder(Rect r) {
        return (List<String>) js("return document.querySelector('geo-map').districtsIn(arguments[0], arguments[1], arguments[2], arguments[3])",
                r.left(), r.top(), r.left() + r.width(), r.top() + r.height());
    }

    /** Clicks a pixel of the map, given from its top left corner, with the mouse. */
    private void clickAtPixel(List<? extends Number> pixel) {
        WebElement map = driver.findElement(By.tagName("geo-map"));
        int x = (int) Math.round(pixel.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int y = (int) Math.round(pixel.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(map, x, y).click().perform();
    }

    private Rect rect(String css) {
        @SuppressWarnings("unchecked")
        Map<String, Number> r = (Map<String, Number>) js("""
                const r = document.querySelector(arguments[0]).getBoundingClientRect();
                return {left: r.left, top: r.top, width: r.width, height: r.height};""", css);
        return new Rect(r.get("left").doubleValue(), r.get("top").doubleValue(), r.get("width").doubleValue(),
                r.get("height").doubleValue());
    }

    private double fontSize(String css) {
        String size = (String) js("return getComputedStyle(document.querySelector(arguments[0])).fontSize", css);
        return Double.parseDouble(size.replace("px", ""));
    }

    /** The smallest font size of any visible text inside an element. */
    private double smallestFontSize(String css) {
        return ((Number) js("""
                const root = document.querySelector(arguments[0]);
                let smallest = 1000;
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    const element = node.parentElement;
                    if (!node.textContent.trim() || !element || element.getClientRects().length === 0) continue;
                    smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
                }
                return smallest;""", css)).doubleValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    record Rect(double left, double top, double width, double height) {
        double area() {
            return width * height;
        }

        double intersection(Rect o) {
            double w = Math.min(left + width, o.left + o.width) - Math.max(left, o.left);
            double h = Math.min(top + height, o.top + o.height) - Math.max(top, o.top);
            return w > 0 && h > 0 ? w * h : 0;
        }

        Rect relativeTo(Rect o) {
            return new Rect(left - o.left, top - o.top, width, height);
        }
    }
}
