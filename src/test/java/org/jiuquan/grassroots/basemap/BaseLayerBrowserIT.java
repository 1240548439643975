package org.jiuquan.grassroots.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * An admin chooses the base layer in the browser; the dashboard then draws the tiles of a server this test
 * starts on localhost (the page's security policy lets them in), and a GCJ-02 server is refused with the reason.
 */
@PostgisIntegrationTest
class BaseLayerBrowserIT {

    /** Pure magenta: no district class, symbol or label uses it, so any such pixel is a tile's. */
    private static final Color TILE = new Color(0xFF, 0x00, 0xFF);

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BaseLayerService baseLayers;
    WebDriver driver;
    HttpServer tiles;
    final AtomicInteger tileRequests = new AtomicInteger();
    /** The base layer before the test, put back after it: other tests draw the map over it. */
    BaseLayer before;

    @BeforeEach
    void startTileServer() throws IOException {
        before = baseLayers.current();
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(TILE);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] body = png.toByteArray();
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/", exchange -> {
            tileRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tiles.start();
    }

    @AfterEach
    void baseLayerAsBefore() {
        tiles.stop(0);
        baseLayers.save(before.kind(), before.url(), before.wmtsLayer(), before.matrixSet(), before.apiKey(), "wgs84",
                "test");
    }

    @Test
    void anAdminChoosesAnXyzServerAndTheMapDrawsItsTiles() {
        String template = "http://127.0.0.1:" + tiles.getAddress().getPort() + "/{z}/{x}/{y}.png";
        driver = browser.signIn(port, "admin");
        driver.get("http://localhost:" + port + "/admin/basemap");
        choose("#basemap-kind", "XYZ");
        type("#basemap-url", template);
        driver.findElement(By.id("basemap-save")).click();
        waitUntil(() -> "saved".equals(driver.findElement(By.id("basemap-message")).getDomAttribute("data-outcome")));
        assertThat(jdbc.sql("SELECT url FROM base_layer").query(String.class).single()).isEqualTo(template);

        driver.get("http://localhost:" + port + "/");
        waitUntil(() -> !driver.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        // Outside the city the base layer shows; the tile server was asked for tiles.
        waitUntil(() -> tilePixels() > 1000);
        assertThat(tileRequests.get()).isPositive();
    }

    @Test
    void aGaodeServerIsRefusedWithTheReasonAndNothingChanges() {
        baseLayers.save(BaseLayer.Kind.XYZ, "http://127.0.0.1:9/{z}/{x}/{y}.png", null, null, null, "wgs84", "test");
        driver = browser.signIn(port, "admin");
        driver.get("http://localhost:" + port + "/admin/basemap");
        choose("#basemap-kind", "XYZ");
        type("#basemap-url", "https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&style=8&x={x}&y={y}&z={z}");
        driver.findElement(By.id("basemap-save")).click();
        waitUntil(() -> "refused".equals(driver.findElement(By.id("basemap-message")).getDomAttribute("data-outcome")));
        assertThat(driver.findElement(By.id("basemap-message")).getText())
                .contains("webrd01.is.autonavi.com", "GCJ-02", "未作任何更改");
        assertThat(jdbc.sql("SELECT url FROM base_layer").query(String.class).single())
                .isEqualTo("http://127.0.0.1:9/{z}/{x}/{y}.png");

        // A server on the intranet that declares GCJ-02 tiles is refused too.
        choose("#basemap-datum", "GCJ-02");
        type("#basemap-url", "http://tiles.intranet/{z}/{x}/{y}.png");
        driver.findElement(By.id("basemap-save")).click();
        waitUntil(() -> driver.findElement(By.id("basemap-message")).getText().contains("GCJ-02 坐标系的瓦片"));
        assertThat(baseLayers.current().url()).isEqualTo("http://127.0.0.1:9/{z}/{x}/{y}.png");
    }

    // ---- helpers ----

    private long tilePixels() {
        return ((Number) js("""
                let count = 0;
                for (const canvas of document.querySelector('geo-map').shadowRoot.querySelectorAll('canvas')) {
                    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    for (let i = 0; i < data.length; i += 4) {
                        if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 255 && data[i + 3] === 255) count++;
                    }
                }
                return count;""")).longValue();
    }

    private void type(String css, String text) {
        // The field shows once the chosen kind needs it (a round trip to the server).
        WebElement input = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector(css + " input")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        input.clear();
        input.sendKeys(text);
    }

    private void choose(String selectCss, String itemText) {
        waitUntil(() -> driver.findElements(By.cssSelector("vaadin-select[opened]")).isEmpty());
        WebElement select = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector(selectCss)).stream().findFirst().orElse(null));
        select.click();
        waitUntil(() -> select.getDomAttribute("opened") != null);
        WebElement item = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector(selectCss + " vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().startsWith(itemText)).findFirst().orElse(null));
        item.click();
        waitUntil(() -> select.getDomAttribute("opened") == null);
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
