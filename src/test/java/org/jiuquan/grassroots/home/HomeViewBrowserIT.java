package org.jiuquan.grassroots.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;

@PostgisIntegrationTest
class HomeViewBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theFirstScreenShowsTheCityTotalsFromTheDatabaseInChinese() {
        WebDriver driver = browser.driver();
        driver.get("http://localhost:" + port + "/");

        assertThat(figure(driver, "villages")).isEqualTo("434");
        assertThat(figure(driver, "grid_branches")).isEqualTo("846");
        assertThat(figure(driver, "contact_points")).isEqualTo("1,346");
        assertThat(figure(driver, "weak_rectified")).isEqualTo("103");
        assertThat(driver.findElement(By.cssSelector("[data-indicator='villages']")).getText()).contains("行政村");
        assertThat(driver.findElement(By.className("synthetic-notice")).getText()).contains("虚构");
        assertThat(driver.getTitle()).isEqualTo("酒泉市基层党组织覆盖");
    }

    private static String figure(WebDriver driver, String indicator) {
        By value = By.cssSelector("[data-indicator='" + indicator + "'] .figure-value");
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(value).stream().findFirst().orElse(null));
        return element.getText();
    }
}
