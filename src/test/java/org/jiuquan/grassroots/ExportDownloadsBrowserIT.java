package org.jiuquan.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiuquan.grassroots.Downloads.Download;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every export control on every page, clicked as a person clicks it: the page stays where it is and a
 * file arrives that opens as what it claims to be (a workbook POI reads, a CSV with its byte-order mark,
 * a PNG, a PDF).
 */
@PostgisIntegrationTest
class ExportDownloadsBrowserIT {

    final Downloads downloads = new Downloads(ThrowawayPostgis.newDirectory("jiuquan-downloads-"));

    @RegisterExtension
    final Browser browser = new Browser().downloadingTo(downloads.directory());

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAnalysisTableAndMapDownloadWithoutLeavingThePage() throws Exception {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get(url("/analysis?analysis=hot-spots&distance_km=5"));
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait(driver).until(d -> d.findElement(By.id("analysis-count")).getText().matches(".*[1-9].*"));

        driver.findElement(By.id("analysis-export-excel")).click();
        Download excel = downloads.next();
        stillOnTheAnalysisPage(driver);
        assertThat(excel.name()).endsWith(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.bytes()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("名称");
            assertThat(sheet.getLastRowNum()).isPositive();
        }

        driver.findElement(By.id("analysis-export-csv")).click();
        Download csv = downloads.next();
        stillOnTheAnalysisPage(driver);
        assertThat(csv.name()).endsWith(".csv");
        assertThat(csv.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8).lines().count()).isGreaterThan(1);

        driver.findElement(By.id("analysis-export-map-png")).click();
        assertIsPng(downloads.next());
        stillOnTheAnalysisPage(driver);

        driver.findElement(By.id("analysis-export-map-pdf")).click();
        assertIsPdf(downloads.next());
        stillOnTheAnalysisPage(driver);
    }

    @Test
    void theAnalysisMapExportDrawsTheTablesFiltersAndTheDrawnArea() throws Exception {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get(url("/analysis?analysis=hot-spots&distance_km=5"));
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait(driver).until(d -> d.findElement(By.id("analysis-count")).getText().contains("1,280"));

        // Given the planner keeps villages only
        WebElement kind = driver.findElement(By.id("analysis-org-kind"));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", kind);
        kind.click();
        WebElement villages = wait(driver).until(d ->
                d.findElements(By.cssSelector("#analysis-org-kind vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().equals("行政村")).findFirst().orElse(null));
        wait(driver).until(d -> villages.isDisplayed());
        villages.click();
        long allVillages = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'village'").query(Long.class).single();
        wait(driver).until(d -> d.findElement(By.id("analysis-count")).getText().replace(",", "")
                .contains(" " + allVillages + " "));

        // and draws a box around Jiuquan city and the oasis east of it
        driver.findElement(By.id("analysis-draw")).click();
        wait(driver).until(d -> d.findElement(By.tagName("geo-map")).getDomAttribute("draw-mode") != null);
        WebElement map = driver.findElement(By.tagName("geo-map"));
        int[] from = pixel(driver, map, 98.3, 39.95);
        int[] to = pixel(driver, map, 98.8, 39.6);
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(map, from[0], from[1]).clickAndHold()
                .moveByOffset((to[0] - from[0]) / 2, (to[1] - from[1]) / 2)
                .moveByOffset((to[0] - from[0]) - (to[0] - from[0]) / 2, (to[1] - from[1]) - (to[1] - from[1]) / 2)
                .release().perform();
        wait(driver).until(d -> d.findElement(By.id("analysis-area")).getText().contains(","));
        String[] box = driver.findElement(By.id("analysis-area")).getText().replaceAll("^[^:]*:\\s*", "").split(",");
        List<String> kept = jdbc.sql("SELECT name_zh FROM organisation WHERE kind = 'village' "
                        + "AND ST_X(geom) BETWEEN :x0 AND :x1 AND ST_Y(geom) BETWEEN :y0 AND :y1 "
                        + "ORDER BY COALESCE(fortress_index, 0), code")
                .param("x0", Double.parseDouble(box[0])).param("y0", Double.parseDouble(box[1]))
                .param("x1", Double.parseDouble(box[2])).param("y1", Double.parseDouble(box[3]))
                .query(String.class).list();
        assertThat(kept.size()).isBetween(1, (int) allVillages - 1);
        wait(driver).until(d -> d.findElement(By.id("analysis-count")).getText().replace(",", "")
                .contains(" " + kept.size() + " "));

        // When the map goes out as a PDF
        driver.findElement(By.id("analysis-export-map-pdf")).click();
        Download pdf = downloads.next();
        stillOnTheAnalysisPage(driver);
        assertIsPdf(pdf);

        // Then the page names both filters, lists exactly the villages the table keeps, and no grid branch
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", "").replace("\r", "");
            assertThat(text).contains("筛选：行政村, 框选范围", "筛选后的组织（" + kept.size() + " 个）");
            // (the weakest first, as the table; a long name may end in "…" to fit its row)
            String firstVillage = kept.get(0).substring(0, Math.min(4, kept.get(0).length()));
            assertThat(text).contains(firstVillage);
            List<String> gridBranches = jdbc.sql("SELECT name_zh FROM organisation WHERE kind = 'grid_branch' "
                            + "AND ST_X(geom) BETWEEN :x0 AND :x1 AND ST_Y(geom) BETWEEN :y0 AND :y1")
                    .param("x0", Double.parseDouble(box[0])).param("y0", Double.parseDouble(box[1]))
                    .param("x1", Double.parseDouble(box[2])).param("y1", Double.parseDouble(box[3]))
                    .query(String.class).list();
            assertThat(gridBranches).isNotEmpty().allSatisfy(name -> assertThat(text).doesNotContain(name));
        }
        // and the PNG's map (its left part; the legend is on the right) draws the drawn area's blue outline
        driver.findElement(By.id("analysis-export-map-png")).click();
        Download png = downloads.next();
        assertIsPng(png);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.bytes()));
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth() * 0.7; x += 2) {
                blue += (image.getRGB(x, y) & 0xFFFFFF) == 0x0072B2 ? 1 : 0;
            }
        }
        assertThat(blue).as("pixels of the drawn area's outline").isGreaterThan(50);
    }

    private static int[] pixel(WebDriver driver, WebElement map, double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) js(driver,
                "return document.querySelector('geo-map').pixelOf(arguments[0], arguments[1])", lon, lat);
        return new int[] {(int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0),
                (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0)};
    }

    private static Object js(WebDriver driver, String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Test
    void theDashboardSnapshotsSlidesAndMeetingPackDownload() throws Exception {
        jdbc.sql("DELETE FROM map_bookmark").update();
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get(url("/?indicator=villages&period=2017Q2"));
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());

        driver.findElement(By.id("export-png")).click();
        assertIsPng(downloads.next());
        driver.findElement(By.id("export-pdf")).click();
        assertIsPdf(downloads.next());

        driver.findElement(By.cssSelector("#slide-title input")).sendKeys("行政村");
        driver.findElement(By.id("slide-save")).click();
        wait(driver).until(d -> d.findElement(By.id("slide-list")).getText().contains("行政村"));
        driver.findElement(By.id("slides-pdf")).click();
        assertIsPdf(downloads.next());

        driver.findElement(By.id("meeting-pack")).click();
        wait(driver).until(d -> !d.findElements(By.id("meeting-pack-download")).isEmpty()
                && d.findElement(By.id("meeting-pack-download")).isDisplayed());
        driver.findElement(By.id("meeting-pack-download")).click();
        assertIsPdf(downloads.next());
        assertThat(driver.getCurrentUrl()).doesNotContain("/api/");
        jdbc.sql("DELETE FROM map_bookmark").update();
    }

    @Test
    void theSnapshotOfADrillDownIntoATownshipShowsThatTownship() throws Exception {
        String dingxin = jdbc.sql("SELECT code FROM township WHERE district_code = '620921' AND name_zh = '鼎新镇'")
                .query(String.class).single();
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get(url("/?district=620921&township=" + dingxin));
        wait(driver).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        wait(driver).until(d -> String.valueOf(d.findElement(By.id("export-pdf")).getAttribute("href"))
                .contains("township=" + dingxin));

        driver.findElement(By.id("export-pdf")).click();
        Download pdf = downloads.next();
        assertIsPdf(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            // The township's own page: its figures table, headed by its name and code.
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", ""))
                    .contains("鼎新镇（" + dingxin + "）");
        }

        // The district's meeting pack, with a page per township: a cover, 金塔县's page, then one per township
        // that has organisations (an area).
        long townships = jdbc.sql("SELECT count(*) FROM township t JOIN township_area a ON a.code = t.code"
                        + " WHERE t.district_code = '620921'")
                .query(Long.class).single();
        driver.findElement(By.cssSelector("#meeting-pack-townships input")).click();
        driver.findElement(By.id("meeting-pack")).click();
        wait(driver).until(d -> !d.findElements(By.id("meeting-pack-download")).isEmpty()
                && d.findElement(By.id("meeting-pack-download")).isDisplayed());
        driver.findElement(By.id("meeting-pack-download")).click();
        Download pack = downloads.next();
        assertIsPdf(pack);
        try (PDDocument document = Loader.loadPDF(pack.bytes())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2 + (int) townships);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", ""))
                    .contains("鼎新镇（" + dingxin + "）");
        }
    }

    @Test
    void everyImportTemplateOnTheDataPageIsAWorkbook() throws Exception {
        WebDriver driver = browser.signIn(port, "editor");
        driver.get(url("/data"));
        wait(driver).until(d -> !d.findElements(By.cssSelector("#import-templates a")).isEmpty());
        List<WebElement> templates = driver.findElements(By.cssSelector("#import-templates a"));
        assertThat(templates).hasSize(5);
        for (WebElement template : templates) {
            template.click();
            Download file = downloads.next();
            assertThat(file.name()).endsWith(".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getLastCellNum()).isPositive();
            }
            assertThat(driver.getCurrentUrl()).endsWith("/data");
        }
    }

    @Test
    void theAuditTrailDownloadsAsCsv() {
        WebDriver driver = browser.signIn(port, "admin");
        driver.get(url("/admin/audit"));
        wait(driver).until(d -> !d.findElements(By.id("audit-csv")).isEmpty());
        driver.findElement(By.id("audit-csv")).click();
        Download csv = downloads.next();
        assertThat(csv.name()).endsWith(".csv");
        assertThat(csv.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(driver.getCurrentUrl()).contains("/admin/audit");
    }

    private static void stillOnTheAnalysisPage(WebDriver driver) {
        assertThat(driver.getCurrentUrl()).contains("/analysis");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Could not navigate");
        assertThat(driver.findElements(By.id("analysis-table"))).isNotEmpty();
    }

    private static void assertIsPng(Download file) throws Exception {
        assertThat(file.name()).endsWith(".png");
        assertThat(file.bytes()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(file.bytes())).getWidth()).isPositive();
    }

    private static void assertIsPdf(Download file) throws Exception {
        assertThat(file.name()).endsWith(".pdf");
        assertThat(file.bytes()).startsWith('%', 'P', 'D', 'F', '-');
        try (PDDocument document = Loader.loadPDF(file.bytes())) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }
}
