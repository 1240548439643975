package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export and slides from the dashboard in headless Chromium: what a member of staff clicks, and gets. */
@PostgisIntegrationTest
class SnapshotBrowserIT {

    static final Path DOWNLOADS = org.jiuquan.grassroots.ThrowawayPostgis.newDirectory("jiuquan-downloads-");

    @RegisterExtension
    final Browser browser = new Browser().downloadingTo(DOWNLOADS);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void clickingExportDownloadsAPngAndAPdfOfTheCurrentView() throws Exception {
        WebDriver driver = browser.signIn(port, "viewer");
        driver.get("http://localhost:" + port + "/?indicator=weak_rectified&period=2017Q3");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        assertThat(driver.findElement(By.id("export-png")).getDomAttribute("href"))
                .contains("indicator=weak_rectified", "period=2017Q3", "format=png");

        driver.findElement(By.id("export-png")).click();
        Path png = waitForDownload(".png");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1920);

        driver.findElement(By.id("export-pdf")).click();
        Path pdf = waitForDownload(".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("2017年第3季度");
        }
    }

    @Test
    void theMeetingPackShowsProgressAndThenOffersTheWholeFile() throws Exception {
        WebDriver driver = browser.signIn(port, "viewer");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        driver.findElement(By.id("meeting-pack")).click();
        wait(driver).until(d -> d.findElement(By.id("meeting-pack-download")).isDisplayed());
        driver.findElement(By.id("meeting-pack-download")).click();
        Path pack = waitForDownload("meeting-pack");
        try (PDDocument document = Loader.loadPDF(pack.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(8);
        }
    }

    @Test
    void savedViewsBecomeSlidesThatTheArrowKeysStepThrough() {
        jdbc.sql("DELETE FROM map_bookmark").update();
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/?indicator=villages&period=2017Q1");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        saveSlide(driver, "第一张：行政村");
        driver.get("http://localhost:" + port + "/?indicator=enterprise_coverage&period=2017Q4&district=620982");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        saveSlide(driver, "第二张：敦煌");
        assertThat(jdbc.sql("SELECT count(*) FROM map_bookmark").query(Long.class).single()).isEqualTo(2);

        driver.findElement(By.id("slides-start")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("slide=0") && d.getCurrentUrl().contains("present=1"));
        wait(driver).until(d -> d.findElement(By.id("slide-caption")).getText().contains("第一张：行政村"));
        assertThat(driver.getCurrentUrl()).contains("indicator=villages", "period=2017Q1");

        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        wait(driver).until(d -> d.getCurrentUrl().contains("slide=1"));
        wait(driver).until(d -> d.findElement(By.id("slide-caption")).getText().contains("2 / 2 · 第二张：敦煌"));
        assertThat(driver.getCurrentUrl()).contains("indicator=enterprise_coverage", "district=620982");

        new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        wait(driver).until(d -> d.getCurrentUrl().contains("slide=0"));
        jdbc.sql("DELETE FROM map_bookmark").update();
    }

    @Test
    void aSlideBelongsToItsAuthorWhoDeletesItAfterAConfirmationWithAnUndoAndEveryChangeIsAudited() {
        jdbc.sql("DELETE FROM map_bookmark").update();
        WebDriver driver = browser.signIn(port, "analyst");
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        saveSlide(driver, "全市概览");
        // A private one: only its author sees it.
        driver.findElement(By.cssSelector("#slide-share-new input")).click();
        saveSlide(driver, "我的草稿");
        assertThat(driver.findElement(By.id("slide-list")).getText()).contains("仅自己可见");

        // Reordered by its author.
        driver.findElement(By.cssSelector("#slide-list .slide-row:nth-child(2) .slide-up")).click();
        wait(driver).until(d -> d.findElement(By.cssSelector("#slide-list .slide-row:first-child")).getText()
                .contains("我的草稿"));

        // Deleted only after a confirmation, and back with an undo.
        driver.findElement(By.cssSelector("#slide-list .slide-row:first-child .slide-delete")).click();
        wait(driver).until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog[opened]")).isEmpty());
        assertThat(driver.findElement(By.id("slide-list")).getText()).contains("我的草稿");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelector('vaadin-confirm-dialog[opened] [slot=\"confirm-button\"]').click()");
        wait(driver).until(d -> !d.findElement(By.id("slide-list")).getText().contains("我的草稿"));
        // The undo sits in a notification that slides in: clicked once it takes clicks.
        wait(driver).until(d -> {
            try {
                d.findElement(By.id("slide-undo")).click();
                return true;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.ElementNotInteractableException
                     | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        wait(driver).until(d -> d.findElement(By.id("slide-list")).getText().contains("我的草稿"));
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE action LIKE 'slide.%'"
                + " AND actor = 'analyst'").query(String.class).single())
                .endsWith("slide.add,slide.add,slide.move,slide.delete,slide.restore");
        browser.close();

        // Another user sees the shared slide only, and may not delete or move it.
        WebDriver viewer = browser.signIn(port, "viewer");
        wait(viewer).until(d -> d.findElement(By.id("slide-list")).getText().contains("全市概览"));
        assertThat(viewer.findElement(By.id("slide-list")).getText()).doesNotContain("我的草稿");
        assertThat(viewer.findElements(By.cssSelector("#slide-list .slide-delete"))).isEmpty();
        assertThat(viewer.findElements(By.cssSelector("#slide-list .slide-up"))).isEmpty();
        jdbc.sql("DELETE FROM map_bookmark").update();
    }

    private static void saveSlide(WebDriver driver, String title) {
        driver.findElement(By.cssSelector("#slide-title input")).sendKeys(title);
        driver.findElement(By.id("slide-save")).click();
        wait(driver).until(d -> d.findElement(By.id("slide-list")).getText().contains(title));
    }

    private static Path waitForDownload(String nameContains) {
        return await("a finished download containing " + nameContains + " in " + DOWNLOADS)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> finishedDownload(nameContains), Optional::isPresent).orElseThrow();
    }

    private static Optional<Path> finishedDownload(String nameContains) throws IOException {
        try (Stream<Path> files = Files.list(DOWNLOADS)) {
            var done = files.filter(f -> f.getFileName().toString().contains(nameContains)
                    && !f.getFileName().toString().endsWith(".crdownload")).findFirst();
            return done.isPresent() && Files.size(done.get()) > 0 ? done : Optional.empty();
        }
    }

    /** Waits for a condition; the slide list is redrawn after every change, so an element read mid-redraw is read again. */
    private static WebDriverWait wait(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
