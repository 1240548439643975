package org.jiuquan.grassroots.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.jiuquan.grassroots.security.SignInClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The database goes away (stopped as by a crash, {@code pg_ctl stop -m immediate}) and comes back while the
 * app runs: API clients get 503 problems with Retry-After, never a redirect or a 500; the open dashboard
 * shows a banner and is whole again by itself. Runs on a cluster of its own, since it stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OutageIT.OwnCluster.class)
@DirtiesContext
class OutageIT {

    static class OwnCluster implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("outage-postgis",
                    Map.of("jiuquan.localdb.dir", ThrowawayPostgis.newDirectory("jiuquan-outage-").toString())));
        }
    }

    private static final String ITEMS = "/ogc/collections/villages/items?limit=1";

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;
    @Autowired
    LocalPostgis postgis;
    @Autowired
    ApiTokenService tokens;

    @AfterEach
    void databaseIsBack() {
        postgis.start();
    }

    @Test
    void apiClientsGet503ProblemsWithRetryAfterAndRecoverWithoutARestart() throws Exception {
        Http qgis = new Http(port).withToken(tokens.issue("viewer", "QGIS"));
        SignInClient session = new SignInClient(port, "127.0.0.1");
        assertThat(session.signIn("viewer", Browser.DEMO_PASSWORD)).doesNotContain("/login");
        assertThat(qgis.get(ITEMS).statusCode()).isEqualTo(200);
        assertThat(session.get(ITEMS).statusCode()).isEqualTo(200);

        // Four GIS clients keep asking throughout the outage and the recovery: they may be refused, never misled.
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicBoolean asking = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (asking.get()) {
                    statuses.merge(qgis.get(ITEMS).statusCode(), 1, Integer::sum);
                }
            });
        }
        postgis.stopImmediately();

        HttpResponse<byte[]> token = qgis.get(ITEMS);
        assertThat(token.statusCode()).isEqualTo(503);
        assertThat(token.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(token.headers().firstValue("Retry-After")).contains("5");
        assertThat(token.headers().firstValue("Location")).isEmpty();
        assertThat(Http.parse(token).path("detail").asString()).contains("数据库");
        assertThat(Http.parse(token).path("status").asInt()).isEqualTo(503);
        assertThat(Http.parse(token).has("properties")).isFalse();
        HttpResponse<byte[]> english = qgis.get(ITEMS, "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(Http.parse(english).path("detail").asString()).contains("database");
        HttpResponse<String> signedIn = session.get(ITEMS);
        assertThat(signedIn.statusCode()).isEqualTo(503);
        assertThat(signedIn.headers().firstValue("Retry-After")).contains("5");
        assertThat(signedIn.body()).contains("数据库").doesNotContain("Exception", "SQL");
        // Signing in cannot work, and is not taken for a wrong password (no delay is counted against it).
        SignInClient newcomer = new SignInClient(port, "127.0.0.20");
        for (int i = 0; i < 5; i++) {
            assertThat(newcomer.signIn("analyst", Browser.DEMO_PASSWORD)).endsWith("/login?error");
        }

        postgis.start();
        long restarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> qgis.get(ITEMS).statusCode() == 200);
        long recoveredMillis = (System.nanoTime() - restarted) / 1_000_000;
        System.out.println("OutageIT: the API answered again " + recoveredMillis + " ms after the database was started");
        asking.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        System.out.println("OutageIT: statuses of the four clients' requests during outage and recovery: " + statuses);
        assertThat(statuses.keySet()).containsOnly(200, 503);
        assertThat(statuses).containsKey(503);
        assertThat(session.get(ITEMS).statusCode()).isEqualTo(200);
        assertThat(newcomer.signIn("analyst", Browser.DEMO_PASSWORD)).doesNotContain("/login");
    }

    @Test
    void signingInWhileTheDatabaseIsDownSaysTheServiceIsUnavailable() {
        WebDriver driver = browser.driver();
        driver.get("http://localhost:" + port + "/login?lang=en");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        postgis.stopImmediately();
        driver.findElement(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("viewer");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(Browser.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login?error"));
        // Still in English, the language the form was shown in.
        wait.until(d -> d.findElement(By.tagName("vaadin-login-form")).getText().contains("Service unavailable"));
        assertThat(driver.findElement(By.tagName("vaadin-login-form")).getText()).doesNotContain("Wrong username");
    }

    @Test
    void theOpenDashboardShowsABannerAndIsWholeAgainByItselfWhenTheDatabaseReturns() {
        WebDriver driver = browser.signIn(port, "viewer");
        driver.get("http://localhost:" + port + "/?lang=en");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());

        postgis.stopImmediately();
        // A click that needs the database: the period of the indicator.
        driver.findElement(By.id("period")).click();
        wait.until(d -> d.findElements(By.cssSelector("#period vaadin-select-item")).size() > 1);
        driver.findElements(By.cssSelector("#period vaadin-select-item")).stream()
                .filter(item -> item.getDomAttribute("selected") == null).findFirst().orElseThrow().click();
        wait.until(d -> !d.findElements(By.id(OutageBanner.ID)).isEmpty());
        assertThat(driver.findElement(By.id(OutageBanner.ID)).getText()).contains("database cannot be reached");
        assertThat(driver.getPageSource()).doesNotContain("Internal error");

        postgis.start();
        long restarted = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.id(OutageBanner.ID)).isEmpty()
                && !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty()
                && !d.findElements(By.cssSelector("#legend .legend-row")).isEmpty());
        System.out.println("OutageIT: the dashboard was whole again " + (System.nanoTime() - restarted) / 1_000_000
                + " ms after the database was started");
        assertThat(driver.getCurrentUrl()).contains("lang=en");
        assertThat(driver.findElement(By.id("period")).getText()).isNotEmpty();
    }
}
