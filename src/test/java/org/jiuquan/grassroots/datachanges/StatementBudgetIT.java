package org.jiuquan.grassroots.datachanges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.StatementCounter;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.snapshot.PageSize;
import org.jiuquan.grassroots.snapshot.SnapshotRequest;
import org.jiuquan.grassroots.snapshot.SnapshotService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many SQL statements an action costs once reference data is cached, counted around the app's
 * JdbcClient (StatementCounter): a PDF snapshot at most 8 (the request's sign-in by token and its audit
 * row come on top over HTTP, and are reported), the dashboard's chart one. And a change to the data
 * retires what was cached.
 */
@PostgisIntegrationTest
class StatementBudgetIT extends ApiClientTest {

    static final String PDF = "/api/snapshot?format=pdf&size=a4-landscape&indicator=weak_open&period=2017Q3"
            + "&method=quantile&classes=5";

    @Autowired
    IndicatorService indicators;
    @Autowired
    SnapshotService snapshots;
    @Autowired
    DataVersionListener changes;

    @Override
    protected String user() {
        return "viewer";
    }

    @BeforeEach
    void signInAndWaitForTheListener() {
        await().atMost(Duration.ofSeconds(20)).until(() -> changes.generation() != DataVersionListener.UNKNOWN);
    }

    @Test
    void aPdfSnapshotRunsAtMostEightStatementsOnceReferenceDataIsCached() throws Exception {
        SnapshotRequest request = new SnapshotRequest(DashboardState.defaults("2017Q4").withIndicator("weak_open")
                .withPeriod("2017Q3"), null, PageSize.A4_LANDSCAPE, 150, SnapshotRequest.Format.PDF, null, null);
        long first = StatementCounter.count(() -> snapshots.render(request, null));
        long again = StatementCounter.count(() -> assertThat(snapshots.render(request, null)).startsWith(
                "%PDF-".getBytes(StandardCharsets.US_ASCII)));
        System.out.printf("Statements per PDF snapshot: first %d, then %d: %s%n", first, again,
                StatementCounter.lastStatements());
        assertThat(again).isLessThanOrEqualTo(8);

        http.get(PDF);
        long overHttp = StatementCounter.count(() -> {
            HttpResponse<byte[]> response = http.get(PDF);
            assertThat(response.statusCode()).isEqualTo(200);
        });
        System.out.printf("Statements per PDF snapshot over HTTP (token sign-in and audit row included): %d: %s%n",
                overHttp, StatementCounter.lastStatements());
    }

    @Test
    void theDashboardChartRunsOneStatement() throws Exception {
        indicators.districtHistory("weak_open");
        long statements = StatementCounter.count(() ->
                assertThat(indicators.districtHistory("party_lectures")).isNotEmpty());
        System.out.printf("Statements per chart: %d%n", statements);
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void aChangeToTheDataIsSeenByTheNextRead() {
        String name = indicators.indicators().get(0).nameZh();
        long generation = changes.generation();
        try {
            jdbc.sql("UPDATE indicator SET name_zh = name_zh || '（改）' WHERE sort_order = "
                    + "(SELECT min(sort_order) FROM indicator)").update();
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.generation() > generation);
            assertThat(indicators.indicators().get(0).nameZh()).isEqualTo(name + "（改）");
        } finally {
            jdbc.sql("UPDATE indicator SET name_zh = :name WHERE sort_order = (SELECT min(sort_order) FROM indicator)")
                    .param("name", name).update();
        }
    }
}
