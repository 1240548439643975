package org.jiuquan.grassroots.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-aware status (organisation_period_status) and the indicators PostGIS derives from it, against a
 * fixture of three villages with known histories, added to 肃州区 inside a transaction that is rolled back.
 */
@PostgisIntegrationTest
class DerivedIndicatorsIT {

    static final String DISTRICT = "620902";
    static final List<String> PERIODS = List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theStatusOfAQuarterIsTheLastOneRecordedByItsEnd() {
        inFixture(ids -> {
            assertThat(statusAt(ids.get("rectified"))).containsExactly(
                    "2017Q1 weak 2017-02-10 false", "2017Q2 rectifying 2017-05-01 false",
                    "2017Q3 rectified 2017-08-15 true", "2017Q4 rectified 2017-08-15 true");
            assertThat(statusAt(ids.get("alwaysWeak"))).containsExactly(
                    "2017Q1 weak 2016-12-01 false", "2017Q2 weak 2016-12-01 false",
                    "2017Q3 weak 2016-12-01 false", "2017Q4 weak 2016-12-01 false");
            assertThat(statusAt(ids.get("late"))).as("not recorded before April: no first-quarter status")
                    .containsExactly("2017Q2 normal 2017-04-20 false", "2017Q3 normal 2017-04-20 false",
                            "2017Q4 normal 2017-04-20 false");
            // The copy on the organisation's row, which tiles read, says the same.
            assertThat(copyOnRow(ids.get("rectified"))).isEqualTo(
                    "{\"2017Q1\": \"weak\", \"2017Q2\": \"rectifying\", \"2017Q3\": \"rectified\", \"2017Q4\": \"rectified\"}");
            assertThat(copyOnRow(ids.get("late"))).isEqualTo(
                    "{\"2017Q2\": \"normal\", \"2017Q3\": \"normal\", \"2017Q4\": \"normal\"}");
        });
    }

    @Test
    void aChangeToTheHistoryIsSeenInTheSameTransaction() {
        inFixture(ids -> {
            jdbc.sql("DELETE FROM organisation_status WHERE organisation_id = :id AND valid_from = '2017-08-15'")
                    .param("id", ids.get("rectified")).update();
            assertThat(statusAt(ids.get("rectified"))).containsExactly(
                    "2017Q1 weak 2017-02-10 false", "2017Q2 rectifying 2017-05-01 false",
                    "2017Q3 rectifying 2017-05-01 false", "2017Q4 rectifying 2017-05-01 false");
            jdbc.sql("UPDATE organisation_status SET status = 'normal' WHERE organisation_id = :id")
                    .param("id", ids.get("alwaysWeak")).update();
            assertThat(statusAt(ids.get("alwaysWeak"))).allMatch(row -> row.contains(" normal "));
            assertThat(copyOnRow(ids.get("rectified"))).isEqualTo(
                    "{\"2017Q1\": \"weak\", \"2017Q2\": \"rectifying\", \"2017Q3\": \"rectifying\", \"2017Q4\": \"rectifying\"}");
        });
    }

    @Test
    void theDerivedIndicatorsCountTheFixtureInTheQuartersItBelongsTo() {
        Map<String, Map<String, BigDecimal>> before = new HashMap<>();
        for (String period : PERIODS) {
            before.put(period, values(period));
        }
        inFixture(ids -> {
            Map<String, int[]> expectedChange = Map.of(
                    // Q1: the rectified one still weak, and the always-weak one; Q2: rectifying and weak; then one.
                    "weak_open", new int[] {2, 2, 1, 1},
                    "weak_rectified", new int[] {0, 0, 1, 1},
                    "villages", new int[] {3, 3, 3, 3},
                    // The late village's contact point was established on 2017-05-01.
                    "contact_points", new int[] {0, 1, 1, 1});
            for (int q = 0; q < 4; q++) {
                String period = PERIODS.get(q);
                Map<String, BigDecimal> after = values(period);
                for (var change : expectedChange.entrySet()) {
                    assertThat(after.get(change.getKey()).subtract(before.get(period).get(change.getKey())))
                            .as("%s in %s", change.getKey(), period)
                            .isEqualByComparingTo(BigDecimal.valueOf(change.getValue()[q]));
                }
                // A ratio follows its parts: the average venue area divides by the new number of villages.
                BigDecimal expectedAverage = after.get("village_venue_area")
                        .divide(after.get("villages"), 0, RoundingMode.HALF_UP);
                assertThat(after.get("village_venue_area_avg")).as("ratio in %s", period)
                        .isEqualByComparingTo(expectedAverage);
            }
        });
    }

    /** "period status since ever_rectified" rows of one organisation, in period order. */
    private List<String> statusAt(long id) {
        return jdbc.sql("""
                SELECT period || ' ' || status || ' ' || status_since || ' ' || ever_rectified
                FROM organisation_period_status WHERE organisation_id = :id ORDER BY period""")
                .param("id", id).query(String.class).list();
    }

    private String copyOnRow(long id) {
        return jdbc.sql("SELECT status_at::text FROM organisation WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    private Map<String, BigDecimal> values(String period) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("SELECT indicator_code, value FROM district_indicator_value WHERE district_code = :d AND period = :p")
                .param("d", DISTRICT).param("p", period)
                .query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return values;
    }

    private void inFixture(java.util.function.Consumer<Map<String, Long>> test) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, Long> ids = new HashMap<>();
            ids.put("rectified", village("620902999201", "normal", "2017-01-01"));
            ids.put("alwaysWeak", village("620902999202", "weak", "2016-12-01"));
            ids.put("late", village("620902999203", "normal", "2017-04-20"));
            history(ids.get("rectified"), "2017-02-10", "weak");
            history(ids.get("rectified"), "2017-05-01", "rectifying");
            history(ids.get("rectified"), "2017-08-15", "rectified");
            jdbc.sql("""
                    INSERT INTO contact_point (leader_id, organisation_id, established_on)
                    VALUES ((SELECT min(id) FROM leader), :id, '2017-05-01')""").param("id", ids.get("late")).update();
            test.accept(ids);
        });
    }

    private long village(String code, String status, String since) {
        long id = jdbc.sql("""
                INSERT INTO organisation (code, kind, name_zh, township_zh, district_code, fortress_index, status,
                                          status_since, geom)
                SELECT :code, 'village', '测试村' || right(:code, 1), '测试镇', code, 70, :status, CAST(:since AS date),
                       ST_PointOnSurface(outline)
                FROM district WHERE code = :district
                RETURNING id""").param("code", code).param("status", status).param("since", since)
                .param("district", DISTRICT).query(Long.class).single();
        history(id, since, status);
        return id;
    }

    private void history(long id, String from, String status) {
        jdbc.sql("INSERT INTO organisation_status (organisation_id, valid_from, status) VALUES (:id, CAST(:from AS date), :status)")
                .param("id", id).param("from", from).param("status", status).update();
    }
}
