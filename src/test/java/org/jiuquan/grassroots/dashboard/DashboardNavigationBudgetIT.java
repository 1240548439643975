package org.jiuquan.grassroots.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.StatementCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Value;

/**
 * What a signed-in person's fresh navigation to the dashboard costs, counted rather than timed (wall times on
 * a shared machine say little): the SQL statements the server runs (StatementCounter), the HTTP requests the
 * browser makes and the bytes they bring, and Vaadin's server round trips, from navigation until the map has
 * rendered and the page has gone quiet. Each has a budget, so a change that adds work shows here at once.
 */
@PostgisIntegrationTest
class DashboardNavigationBudgetIT {

    /**
     * Budgets, from the counts measured when they were set (the test prints them with the statements and
     * requests). 24 statements, 34 requests, 3 round trips at first; the view read its figures, table and chart
     * twice per navigation (4 statements). Then 20, 34 and 3, until the map stopped fetching every point layer
     * twice (once when built, once more in its first update: 3 requests) and a revalidated page of features was
     * answered from the data version alone (one statement instead of two, page and count): 10 statements,
     * 31 requests, 3 round trips. Two statements to spare for work of the app's own that may fall in the same
     * moment.
     */
    static final long MAX_STATEMENTS = 12;
    static final long MAX_REQUESTS = 31;
    static final long MAX_ROUND_TRIPS = 3;

    @RegisterExtension
    final Browser browser = new Browser();

    @Value("${local.server.port}")
    int port;

    @Test
    void aFreshNavigationToTheDashboardStaysWithinItsBudgetOfStatementsRequestsAndRoundTrips() throws Exception {
        // given a signed-in browser that has seen the dashboard once (bundle and reference data warm)
        ChromeDriver driver = browser.signIn(port, "viewer");
        String url = "http://localhost:" + port + "/";
        driver.get(url);
        waitUntilRenderedAndQuiet(driver);

        // when the person navigates to it again
        long statements = StatementCounter.count(() -> {
            driver.get(url);
            waitUntilRenderedAndQuiet(driver);
        });
        List<String> sql = StatementCounter.lastStatements();

        // then statements, requests and round trips stay within budget
        @SuppressWarnings("unchecked")
        Map<String, Object> traffic = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const entries = performance.getEntriesByType('resource');
                const rpc = entries.filter((e) => e.name.includes('v-r=uidl'));
                return {requests: entries.length + 1, roundTrips: rpc.length,
                        bytes: entries.reduce((sum, e) => sum + e.transferSize, 0)
                             + performance.getEntriesByType('navigation')[0].transferSize,
                        names: entries.map((e) => e.name.replace(location.origin, '') + ' ' + e.transferSize)};""");
        long requests = ((Number) traffic.get("requests")).longValue();
        long roundTrips = ((Number) traffic.get("roundTrips")).longValue();
        System.out.printf("Dashboard navigation: %d SQL statements, %d HTTP requests (%s bytes), %d Vaadin round trips%n"
                + "statements: %s%nrequests: %s%n", statements, requests, traffic.get("bytes"), roundTrips,
                String.join("\n  ", sql), traffic.get("names"));
        assertThat(statements).as("SQL statements per navigation").isLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(requests).as("HTTP requests per navigation").isLessThanOrEqualTo(MAX_REQUESTS);
        assertThat(roundTrips).as("Vaadin round trips per navigation").isLessThanOrEqualTo(MAX_ROUND_TRIPS);
    }

    /** The map has rendered, and no request has started for a while (the count of resources held still). */
    private static void waitUntilRenderedAndQuiet(ChromeDriver driver) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !driver.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long now = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).length"
                    + " + (document.querySelector('geo-map')?.hasAttribute('rendered') ? 0 : 100000)")).longValue();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
    }
}
