package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A load computes at once what the triggers keep for single changes (BulkLoad): the result must be what
 * the triggers' own functions give. Each test recomputes with those functions inside a transaction that is
 * rolled back, and compares.
 */
@PostgisIntegrationTest
class BulkLoadIT {

    /** The tables a load fills in bulk (written out here, not taken from the code under test). */
    static final String LOADED_TABLES =
            "CAST('{organisation,organisation_status,organisation_period_status,leader,contact_point}' AS regclass[])";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void theLoadedStatusesPerPeriodAndDistrictCountsAreThoseOfTheHistorysOwnRefresh() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Given what the load wrote
            jdbc.sql("CREATE TEMPORARY TABLE loaded_period_status AS SELECT * FROM organisation_period_status").update();
            jdbc.sql("CREATE TEMPORARY TABLE loaded_status_at AS SELECT id, status_at FROM organisation").update();
            jdbc.sql("CREATE TEMPORARY TABLE loaded_counts AS SELECT * FROM organisation_indicator_count").update();
            // When V11's functions recompute every organisation and district
            jdbc.sql("SELECT refresh_organisation_period_status(ARRAY(SELECT id FROM organisation))")
                    .query((rs, row) -> 0).list();
            jdbc.sql("SELECT refresh_organisation_indicator_count(ARRAY(SELECT code FROM district))")
                    .query((rs, row) -> 0).list();
            // Then nothing differs, either way
            assertThat(count("SELECT * FROM loaded_period_status EXCEPT SELECT * FROM organisation_period_status"))
                    .isZero();
            assertThat(count("SELECT * FROM organisation_period_status EXCEPT SELECT * FROM loaded_period_status"))
                    .isZero();
            assertThat(count("SELECT * FROM organisation_period_status")).isGreaterThan(1_000);
            assertThat(count("""
                    SELECT 1 FROM organisation o JOIN loaded_status_at l USING (id)
                    WHERE o.status_at IS DISTINCT FROM l.status_at""")).isZero();
            assertThat(count("SELECT 1 FROM organisation WHERE status_at <> '{}'")).isGreaterThan(1_000);
            assertThat(count("SELECT * FROM loaded_counts EXCEPT SELECT * FROM organisation_indicator_count")).isZero();
            assertThat(count("SELECT * FROM organisation_indicator_count EXCEPT SELECT * FROM loaded_counts")).isZero();
        });
    }

    @Test
    void theLoadedNearestContactsAreAsFarAsTheSearchOverAllOrganisationsFinds() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("CREATE TEMPORARY TABLE loaded_nearest AS SELECT * FROM nearest_contact").update();
            jdbc.sql("DELETE FROM nearest_contact").update();
            jdbc.sql(DatasetLoader.NEAREST_CONTACTS).update();
            // The same distance for every organisation (which of two equally near ones is named may differ).
            assertThat(count("SELECT 1 FROM nearest_contact")).isEqualTo(count("SELECT 1 FROM loaded_nearest"))
                    .isGreaterThan(1_000);
            assertThat(count("""
                    SELECT 1 FROM nearest_contact n JOIN loaded_nearest l USING (organisation_id)
                    WHERE abs(n.distance_m - l.distance_m) > 1e-6""")).isZero();
        });
    }

    @Test
    void theTriggersHeldBackDuringTheLoadAreOnAgain() {
        assertThat(count("""
                SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.relname IN ('organisation', 'organisation_status', 'contact_point') AND NOT t.tgisinternal
                  AND t.tgenabled = 'D'""")).isZero();
    }

    @Test
    void theIndexesAndForeignKeysSetAsideForALoadAreBuiltAgainAsTheCatalogueDefinedThem() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Given every index and foreign key of the tables a load fills, and of those pointing at them
            List<String> before = indexesAndForeignKeys();
            assertThat(before).anyMatch(d -> d.contains("organisation_utm_idx"))
                    .anyMatch(d -> d.contains("nearest_contact_organisation_id_fkey"))
                    .anyMatch(d -> d.contains("organisation_period_status_pkey"));
            IndexesSetAside setAside = connection(IndexesSetAside::setAside);
            // When they are set aside, none is left
            assertThat(count("SELECT 1 FROM pg_index WHERE indrelid = ANY (" + LOADED_TABLES + ")")).isZero();
            // Then built again, they are what they were
            connection(c -> {
                setAside.buildAgain(c);
                return setAside;
            });
            assertThat(indexesAndForeignKeys()).containsExactlyInAnyOrderElementsOf(before);
        });
    }

    @Test
    void theLoadersStatusesPerPeriodAreThoseOfTheHistorysOwnRefreshAtEveryEdge() {
        // Given organisations whose histories begin after a period's end, change on a period's last day, come
        // back from rectified, or begin after every period
        LocalDate d2016 = LocalDate.of(2016, 1, 1);
        List<Dataset.StatusChange> changes = List.of(
                new Dataset.StatusChange(900_000_001L, LocalDate.of(2017, 5, 1), "weak"),
                new Dataset.StatusChange(900_000_002L, d2016, "weak"),
                new Dataset.StatusChange(900_000_002L, LocalDate.of(2017, 3, 31), "rectifying"),
                new Dataset.StatusChange(900_000_002L, LocalDate.of(2017, 6, 1), "rectified"),
                new Dataset.StatusChange(900_000_002L, LocalDate.of(2017, 8, 1), "weak"),
                new Dataset.StatusChange(900_000_003L, LocalDate.of(2018, 2, 1), "normal"),
                new Dataset.StatusChange(900_000_004L, d2016, "rectified"),
                new Dataset.StatusChange(900_000_004L, LocalDate.of(2017, 1, 1), "normal"));
        List<Dataset.Organisation> organisations = new ArrayList<>();
        for (long id = 900_000_001L; id <= 900_000_005L; id++) {
            organisations.add(new Dataset.Organisation(id, null, "enterprise", "企业" + id, null, "620902",
                    new java.math.BigDecimal("50.0"), "normal", LocalDate.of(2015, 7, 1), 98.5, 39.7, List.of()));
        }
        Dataset dataset = new Dataset("edges", 1, "edges", List.of(), organisations, changes, List.of(), List.of(),
                List.of(), List.of());
        List<Dataset.StatusChange> history = PeriodStatuses.historyWithCurrentStatuses(dataset);
        assertThat(history).contains(new Dataset.StatusChange(900_000_005L, LocalDate.of(2015, 7, 1), "normal"));
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // When V11's triggers compute their statuses per period from the same history
            for (Dataset.Organisation o : organisations) {
                jdbc.sql("""
                        INSERT INTO organisation (id, kind, name_zh, district_code, fortress_index, status, status_since, geom)
                        VALUES (:id, 'enterprise', :name, '620902', 50, 'normal', DATE '2015-07-01',
                                ST_SetSRID(ST_MakePoint(98.5, 39.7), 4326))""")
                        .param("id", o.id()).param("name", o.nameZh()).update();
            }
            for (Dataset.StatusChange change : history) {
                jdbc.sql("INSERT INTO organisation_status (organisation_id, valid_from, status) VALUES (:id, :from, :status)")
                        .param("id", change.organisationId()).param("from", change.validFrom())
                        .param("status", change.status()).update();
            }
            List<PeriodStatuses.Period> periods = jdbc.sql(PeriodStatuses.PERIODS)
                    .query((rs, n) -> new PeriodStatuses.Period(rs.getString(1), rs.getObject(2, LocalDate.class)))
                    .list();
            PeriodStatuses statuses = new PeriodStatuses(periods, history);
            // Then the loader's rule gives the same rows and the same status_at
            List<PeriodStatuses.Row> expected = jdbc.sql("""
                    SELECT period, organisation_id, status, status_since, ever_rectified FROM organisation_period_status
                    WHERE organisation_id BETWEEN 900000001 AND 900000005""")
                    .query((rs, n) -> new PeriodStatuses.Row(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getBoolean(5))).list();
            List<PeriodStatuses.Row> computed = new ArrayList<>();
            for (Dataset.Organisation o : organisations) {
                computed.addAll(statuses.of(o.id()));
                assertThat(jdbc.sql("SELECT status_at = CAST(:json AS jsonb) FROM organisation WHERE id = :id")
                        .param("json", PeriodStatuses.statusAt(statuses.of(o.id()))).param("id", o.id())
                        .query(Boolean.class).single()).as("status_at of %d", o.id()).isTrue();
            }
            assertThat(computed).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(expected).hasSizeGreaterThan(10);
            assertThat(computed).noneMatch(r -> r.organisationId() == 900_000_003L);
        });
    }

    private List<String> indexesAndForeignKeys() {
        return jdbc.sql("SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ANY (" + LOADED_TABLES + ")"
                        + " UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE contype IN ('f', 'p', 'u') AND (conrelid = ANY (" + LOADED_TABLES
                        + ") OR confrelid = ANY (" + LOADED_TABLES + "))")
                .query(String.class).list();
    }

    /** Runs on the connection of the test's transaction (the one JdbcClient uses inside it). */
    private <T> T connection(SqlFunction<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    private long count(String sql) {
        return jdbc.sql("SELECT count(*) FROM (" + sql + ") q").query(Long.class).single();
    }
}
