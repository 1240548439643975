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
    void anAnalystCannotOpenTheDataPage() {
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/data");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !((String) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.body.innerText")).isBlank());
        assertThat(driver.findElements(By.id("import-upload"))).isEmpty();
    }
}
