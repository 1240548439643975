package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
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

/** A planner drills from the city into 金塔县, sees its townships on the map, and goes back to the city. */
@PostgisIntegrationTest
class DrillDownBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void choosingADistrictDrawsItsTownshipsAndTheBreadcrumbGoesBackToTheCity() {
        // given Jinta's townships that hold organisations (those have an area)
        long jintaTownships = jdbc.sql("""
                SELECT count(DISTINCT t.code) FROM township t JOIN organisation o
                  ON o.district_code = t.district_code AND o.township_zh = t.name_zh
                WHERE t.district_code = '620921'""").query(Long.class).single();
        assertThat(jintaTownships).isGreaterThan(5);
        WebDriver driver = browser.signIn(port, "analyst");
        driver.get("http://localhost:" + port + "/?indicator=weak_open&period=2017Q4");
        waitFor(driver, "0");
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).contains("酒泉市").doesNotContain("金塔县");

        // when the planner chooses 金塔县 as the district
        WebElement select = driver.findElement(By.id("filter-district"));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        WebElement jinta = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#filter-district vaadin-select-list-box vaadin-select-item")).stream()
                        .filter(e -> e.getDomProperty("textContent").trim().startsWith("金塔县")).findFirst().orElse(null));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", jinta);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> jinta.isDisplayed());
        jinta.click();

        // then the map draws Jinta's townships, the breadcrumb names the district and the URL holds it
        waitFor(driver, String.valueOf(jintaTownships));
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).contains("酒泉市", "金塔县");
        assertThat(driver.getCurrentUrl()).contains("district=620921");
        assertThat(driver.findElement(By.id("legend-townships")).getText()).contains("乡镇", "近似");

        // and the breadcrumb's city goes back up: no townships, no district in the URL
        WebElement city = driver.findElement(By.id("breadcrumb-city"));
        js(driver, "arguments[0].scrollIntoView({block: 'center'})", city);
        city.click();
        waitFor(driver, "0");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("district="));
        assertThat(driver.findElement(By.id("breadcrumb")).getText()).doesNotContain("金塔县");
        assertThat(driver.findElements(By.id("legend-townships"))).isEmpty();
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the map has rendered with this many townships drawn. */
    private static void waitFor(WebDriver driver, String townships) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                !d.findElements(By.cssSelector("geo-map[rendered][data-townships='" + townships + "']")).isEmpty());
    }
}
