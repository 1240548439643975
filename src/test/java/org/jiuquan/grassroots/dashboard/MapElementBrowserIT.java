package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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
import org.springframework.beans.factory.annotation.Value;

/**
 * The {@code <geo-map>} element's own contracts in a real browser: taken out of the page and put back (as
 * Vaadin does when it re-shows a view) it draws again and reports a click once; a wrong property value is
 * shown over the map while the last good one stays drawn.
 */
@PostgisIntegrationTest
class MapElementBrowserIT {

    /** Jinta county: a large district, easy to click clear of the legend. */
    private static final String JINTA = "620921";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    WebDriver driver;

    @BeforeEach
    void open() {
        driver = browser.signIn(port, "viewer");
        driver.get("http://localhost:" + port + "/");
        waitRendered();
    }

    @Test
    void theMapPutBackIntoThePageDrawsAgainAndReportsOneClickOnce() {
        long villages = featureCount("villages");
        long paintedBefore = paintedPixels();
        // given the map taken out of the page and put back into the same place
        js("""
                window.featureClicks = 0;
                document.addEventListener('feature-click', () => window.featureClicks++);
                const map = document.querySelector('geo-map');
                const parent = map.parentNode, next = map.nextSibling;
                map.remove();
                parent.insertBefore(map, next);""");
        // then it draws again, with its layers
        waitRendered();
        assertThat(featureCount("villages")).isEqualTo(villages);
        assertThat(paintedPixels()).isGreaterThan(paintedBefore / 2);
        // when a person clicks a district
        clickAtPixel(freePixelIn(JINTA));
        // then its card opens, and the element reported the click once, not once per attachment
        waitUntil(() -> driver.findElement(By.id("detail-card")).isDisplayed() && text("#detail-card").contains("金塔县"));
        assertThat(((Number) js("return window.featureClicks")).intValue()).isEqualTo(1);
    }

    @Test
    void aWrongPropertyIsShownOverTheMapAndTheLastGoodValueStaysDrawn() {
        String goodStyle = (String) js("return document.querySelector('geo-map').styleJson");
        long paintedBefore = paintedPixels();
        // when the map is given a style whose symbol shape it does not know
        js("""
                const map = document.querySelector('geo-map');
                const style = JSON.parse(map.styleJson);
                style.points[0].shape = 'hexagon';
                map.styleJson = JSON.stringify(style);""");
        // then it says so over the map, in Chinese, naming the property and the field
        waitUntil(() -> !errorText().isEmpty());
        assertThat(errorText()).contains("地图设置 styleJson 有误", "points[0].shape", "hexagon", "上一次有效");
        assertThat(driver.findElement(By.tagName("geo-map")).getDomAttribute("data-invalid")).isEqualTo("styleJson");
        // and keeps drawing the last good style
        waitRendered();
        assertThat(paintedPixels()).isGreaterThan(paintedBefore / 2);
        // when the good style comes again, the message goes
        js("document.querySelector('geo-map').styleJson = arguments[0]", goodStyle);
        waitUntil(() -> errorText().isEmpty());
        assertThat(driver.findElement(By.tagName("geo-map")).getDomAttribute("data-invalid")).isNull();
    }

    // ---- helpers ----

    private void waitRendered() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty()
                        && !d.findElements(By.cssSelector("#legend .legend-row")).isEmpty());
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** The message shown over the map (empty when there is none or it is hidden). */
    private String errorText() {
        return (String) js("""
                const box = document.querySelector('geo-map').shadowRoot.querySelector('.property-errors');
                return box && !box.hidden ? box.innerText.trim() : '';""");
    }

    private long featureCount(String layer) {
        return ((Number) js("return document.querySelector('geo-map').loadedFeatureCount(arguments[0])", layer)).longValue();
    }

    /** Pixels of the map's canvases painted in any of the legend's class colours. */
    private long paintedPixels() {
        List<String> colours = driver.findElements(By.cssSelector("#legend .legend-class")).stream()
                .map(e -> e.getDomAttribute("data-color")).toList();
        Object count = js("""
                const rgb = arguments[0].map(c => [1, 3, 5].map(i => parseInt(c.substr(i, 2), 16)));
                let count = 0;
                for (const canvas of document.querySelector('geo-map').shadowRoot.querySelectorAll('canvas')) {
                    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 0; i < data.length; i += 4) {
                        if (data[i + 3] === 255 && rgb.some(c => c[0] === data[i] && c[1] === data[i + 1] && c[2] === data[i + 2])) count++;
                    }
                }
                return count;""", colours);
        return ((Number) count).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Number> freePixelIn(String district) {
        List<Number> pixel = (List<Number>) js("return document.querySelector('geo-map').freePixelIn(arguments[0])", district);
        assertThat(pixel).as("a free pixel in " + district).isNotNull();
        return pixel;
    }

    /** Clicks a pixel of the map, given from its top left corner, with the mouse. */
    private void clickAtPixel(List<? extends Number> pixel) {
        WebElement map = driver.findElement(By.tagName("geo-map"));
        int x = (int) Math.round(pixel.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int y = (int) Math.round(pixel.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(map, x, y).click().perform();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
