package org.jiuquan.grassroots.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.StatementCounter;
import org.jiuquan.grassroots.datachanges.DataVersionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One analysis run per action: the analysis page's table, its map overlay, its hint and its exports ask for
 * the same run, which PostGIS computes once per parameter set and data version. Each test uses its own
 * distance, so no test sees another's kept results.
 */
@PostgisIntegrationTest
class AnalysisRunsIT {

    @Autowired
    AnalysisService analysis;
    @Autowired
    DataVersionListener changes;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void changesAreHeard() {
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.generation() != DataVersionListener.UNKNOWN);
    }

    @Test
    void theSameAnalysisAskedAgainOnTheSameDataRunsNoQuery() throws Exception {
        // given a hot-spot run, as the table shows it
        List<AnalysisRow> table = analysis.rows(AnalysisKind.HOT_SPOTS, "2017Q4", 4.25, 3, AnalysisFilter.NONE);

        // when the map overlay and the export ask for the same run
        long statements = StatementCounter.count(() -> {
            assertThat(analysis.hotSpots(4.25).spots()).isNotEmpty();
            assertThat(analysis.rows(AnalysisKind.HOT_SPOTS, "2017Q4", 4.25, 3, AnalysisFilter.NONE)).isEqualTo(table);
        });

        // then PostGIS is not asked again
        assertThat(statements).as("%s", StatementCounter.lastStatements()).isZero();
    }

    @Test
    void aChangeToTheDataRunsTheAnalysisAgain() throws Exception {
        // given a kept coverage-gap run
        CoverageGaps before = analysis.coverageGaps(3.75);
        long generation = changes.generation();

        // when the data changes (announced as every change is; no row is touched here)
        jdbc.sql("SELECT pg_notify('data_version', CAST((SELECT version FROM data_version) AS text))")
                .query((rs, n) -> 1).list();
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.generation() != generation);

        // then the next request runs the analysis again, with the same answer on the same rows
        long statements = StatementCounter.count(() -> assertThat(analysis.coverageGaps(3.75)).isEqualTo(before));
        assertThat(statements).isPositive();
    }

    @Test
    void aDrawnAreaKeepsTheOrganisationsPostgisFindsInsideIt() {
        // given an area around the middle of the city, drawn as the analysis page sends it
        String ring = "97.0 39.0;100.0 39.0;100.0 41.0;97.0 41.0;97.0 39.0";
        AnalysisFilter inArea = AnalysisFilter.of(null, null, null, null, null, null, ring);

        // when the table keeps only the area
        List<AnalysisRow> all = analysis.rows(AnalysisKind.HOT_SPOTS, "2017Q4", 5.5, 3, AnalysisFilter.NONE);
        List<AnalysisRow> kept = analysis.rows(AnalysisKind.HOT_SPOTS, "2017Q4", 5.5, 3, inArea);

        // then exactly the rows whose point lies within it remain
        assertThat(kept).isNotEmpty().isEqualTo(all.stream()
                .filter(r -> r.lon() >= 97 && r.lon() <= 100 && r.lat() >= 39 && r.lat() <= 41).toList());
    }
}
