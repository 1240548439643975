package org.jiuquan.grassroots.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An editor uploads a dataset on the data page; a broken one is refused with the reason and changes nothing. */
@PostgisIntegrationTest
class DataImportBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokenService tokens;

    @Test
    void aBrokenDatasetIsRefusedWithTheReasonAndNothingChanges(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("broken.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("organisations.csv"));
            entries.write("id,code\n1,x\n".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        long organisations = jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();

        WebDriver driver = browser.signIn(port, "editor");
        driver.get("http://localhost:" + port + "/data");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.id("import-upload")).isEmpty());
        driver.findElement(By.id("import-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(zip.toString());
        wait.until(d -> d.findElement(By.id("import-result")).getText().contains("未导入"));
        assertThat(driver.findElement(By.id("import-result")).getText()).contains("districts.geojson");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single()).isEqualTo(organisations);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'data.import' AND target = 'broken.zip' "
                + "AND actor = 'editor'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEditorChoosesAListSeesThePreviewOnTheMapAndAppliesIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("村名单.csv");
        try (var in = DataImportBrowserIT.class.getResourceAsStream("/imports/organisations-gbk.csv")) {
            Files.write(csv, java.util.Objects.requireNonNull(in).readAllBytes());
        }
        WebDriver driver = browser.signIn(port, "editor");
        driver.get("http://localhost:" + port + "/data");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("import-upload")).isEmpty());
        driver.findElement(By.id("import-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(csv.toString());
        wait.until(d -> d.findElement(By.id("preview-summary")).getText().contains("新增 1，修改 1，删除 0"));
        assertThat(driver.findElement(By.id("import-result")).getText()).contains("尚未应用");
        assertThat(driver.findElement(By.id("preview-map")).getAttribute("overlay-url")).endsWith("/changes");
        assertThat(jdbc.sql("SELECT name_zh FROM organisation WHERE code = '620902100201'").query(String.class).single())
                .as("nothing applied yet").isEqualTo("新西村");

        driver.findElement(By.id("import-apply")).click();
        wait.until(d -> d.findElement(By.id("import-result")).getText().contains("已应用"));
        assertThat(jdbc.sql("SELECT name_zh FROM organisation WHERE code = '620902100201'").query(String.class).single())
                .isEqualTo("新西村（更名）");
        // Undo it, as the data page offers, so the other tests find the demo data.
        int version = jdbc.sql("SELECT max(n) FROM dataset_version").query(Integer.class).single();
        Http editor = Http.as(port, tokens, "editor");
        assertThat(editor.post("/api/data/versions/" + (version - 1) + "/restore", "", new byte[0]).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT name_zh FROM organisation WHERE code = '620902100201'").query(String.class).single())
                .isEqualTo("新西村");
    }

    @Test
    void aFileOfTheWrongTypeOrSizeGetsAVisibleMessage(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.4");
        Path huge = dir.resolve("huge.csv");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(60L * 1024 * 1024);
        }
        WebDriver driver = browser.signIn(port, "editor");
        driver.get("http://localhost:" + port + "/data");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.id("import-upload")).isEmpty());
        driver.findElement(By.id("import-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(pdf.toString());
        wait.until(d -> d.findElement(By.id("import-result")).getText().contains("不支持此文件类型"));
        driver.findElement(By.id("import-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(huge.toString());
        wait.until(d -> d.findElement(By.id("import-result")).getText().contains("文件过大"));
    }

    @Test
    void anAnalystCannotOpenTheDataPage() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/data");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !((String) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.body.innerText")).isBlank());
        assertThat(driver.findElements(By.id("import-upload"))).isEmpty();
    }
}
