package org.jiuquan.grassroots.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Java vocabulary and the database's CHECK constraints hold the same codes, so a status or kind added
 * on one side only fails here rather than as a refused row in production.
 */
@PostgisIntegrationTest
class OrganisationVocabularyIT {

    private static final Pattern QUOTED = Pattern.compile("'([a-z_]+)'");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseAllowsExactlyTheStatusesJavaKnows() {
        for (String table : List.of("organisation", "organisation_status", "organisation_period_status")) {
            assertThat(codesChecked(table, "status")).as(table).containsExactlyInAnyOrderElementsOf(OrganisationStatus.CODES);
        }
    }

    @Test
    void theDatabaseAllowsExactlyTheKindsJavaKnows() {
        assertThat(codesChecked("organisation", "kind")).containsExactlyInAnyOrderElementsOf(OrganisationKind.CODES);
    }

    @Test
    void theWeakStatusesSelectTheRowsTheJavaCheckCallsWeak() {
        List<String> weakInSql = jdbc.sql("SELECT code FROM unnest(CAST(:codes AS text[])) AS code WHERE "
                        + OrganisationStatus.weakSql("code") + " ORDER BY code")
                .param("codes", OrganisationStatus.CODES.toArray(String[]::new)).query(String.class).list();
        assertThat(weakInSql).containsExactlyInAnyOrderElementsOf(
                OrganisationStatus.CODES.stream().filter(OrganisationStatus::isWeak).toList());
        assertThat(weakInSql).containsExactlyInAnyOrder("weak", "rectifying");
    }

    /** The codes of the CHECK constraint on a column of the form {@code column IN ('a', 'b', …)}. */
    private List<String> codesChecked(String table, String column) {
        String definition = jdbc.sql("""
                        SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                        WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'c'
                          AND pg_get_constraintdef(c.oid) LIKE '%(' || :column || ' = ANY%'
                          AND pg_get_constraintdef(c.oid) NOT LIKE '%code%'""")
                .param("table", table).param("column", column).query(String.class).single();
        Matcher matcher = QUOTED.matcher(definition);
        List<String> codes = new java.util.ArrayList<>();
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
