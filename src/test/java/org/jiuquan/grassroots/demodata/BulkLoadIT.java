package org.jiuquan.grassroots.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
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
