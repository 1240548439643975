package org.jiuquan.grassroots.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin limits an editor to one district on the users page; that editor's next file with another
 * district's rows is refused on the data page, each row with a message naming both districts.
 */
@PostgisIntegrationTest
class EditorDistrictBrowserIT {

    private static final String EDITOR = "yumen-editor";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aCountyEditorWithTheDemoPassword() {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, role, password_hash)
                SELECT ?, '玉门市组织部', role, password_hash FROM app_user WHERE username = 'editor'
                ON CONFLICT (username) DO NOTHING""").param(EDITOR).update();
    }

    @AfterEach
    void removeTheEditor() {
        jdbc.sql("DELETE FROM api_token WHERE user_id = (SELECT id FROM app_user WHERE username = ?)").param(EDITOR)
                .update();
        jdbc.sql("DELETE FROM app_user WHERE username = ?").param(EDITOR).update();
    }

    @Test
    void anAdminSetsAnEditorsDistrictAndThatEditorIsRefusedAnotherDistrictsRows(@TempDir Path dir) throws Exception {
        WebDriver driver = browser.signIn(port, "admin");
        driver.get(url("/admin/users"));
        wait(driver).until(d -> d.findElement(By.id("accounts")).getText().contains(EDITOR));
        wait(driver).until(d -> d.findElements(By.cssSelector("#accounts vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().equals(EDITOR)).findFirst().orElse(null)).click();
        wait(driver).until(d -> d.findElement(By.id("editor-district")).getText().contains("全部区县"));
        choose(driver, "#editor-district", "玉门市");
        driver.findElement(By.id("save-district")).click();
        wait(driver).until(d -> "620981".equals(jdbc.sql("""
                SELECT s.district_code FROM editor_scope s JOIN app_user u ON u.id = s.user_id WHERE u.username = ?""")
                .param(EDITOR).query(String.class).optional().orElse(null)));
        wait(driver).until(d -> d.findElement(By.id("accounts")).getText().contains("玉门市"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor = 'admin' AND target = ? AND detail_args::text LIKE '%620981%'""")
                .param(EDITOR).query(Long.class).single()).as("audited like the API").isEqualTo(1);
        driver.findElement(By.id("sign-out")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("/login"));

        Path leaders = dir.resolve("领导名单.csv");
        try (var in = EditorDistrictBrowserIT.class.getResourceAsStream("/imports/leaders-gbk.csv")) {
            Files.write(leaders, java.util.Objects.requireNonNull(in).readAllBytes());
        }
        String before = jdbc.sql("SELECT count(*) || md5(string_agg(title_zh || phone, ',' ORDER BY id)) FROM leader")
                .query(String.class).single();
        browser.signIn(port, EDITOR);
        driver.get(url("/data"));
        wait(driver).until(d -> !d.findElements(By.id("import-upload")).isEmpty());
        driver.findElement(By.id("import-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(leaders.toString());
        wait(driver).until(d -> !d.findElements(By.id("preview-errors")).isEmpty());
        String errors = driver.findElement(By.id("preview-errors")).getText();
        assertThat(errors).contains("此行属于 肃州区；您只能维护 玉门市 的数据。").contains("不能导入市级领导");
        assertThat(errors).doesNotContain("Exception", "constraint", "SQL");
        assertThat(driver.findElement(By.id("import-apply")).getDomAttribute("disabled")).as("no apply while errors remain")
                .isNotNull();
        assertThat(jdbc.sql("SELECT count(*) || md5(string_agg(title_zh || phone, ',' ORDER BY id)) FROM leader")
                .query(String.class).single()).isEqualTo(before);
    }

    private void choose(WebDriver driver, String selectCss, String itemText) {
        WebElement select = driver.findElement(By.cssSelector(selectCss));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        wait(driver).until(d -> select.getDomAttribute("opened") != null);
        WebElement item = wait(driver).until(d ->
                d.findElements(By.cssSelector(selectCss + " vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().equals(itemText)).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
        wait(driver).until(d -> item.isDisplayed());
        item.click();
        wait(driver).until(d -> select.getText().contains(itemText));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
