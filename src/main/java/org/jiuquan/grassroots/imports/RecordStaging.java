package org.jiuquan.grassroots.imports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jiuquan.grassroots.demodata.CopyText;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Staging for leader, contact point, indicator value and status change files: rows go into import_record,
 * the live leader or organisation each names is looked up once, the checks that need the live data run
 * as SQL, and the preview counts what would be added, changed and removed per district. Plain reads only.
 */
@Repository
class RecordStaging {

    static final String COPY = "COPY import_record (batch_id, row_no, sheet, district_code, name_zh, level, title_zh, "
            + "phone, org_code, indicator_code, period, value, status, on_date) FROM STDIN";
    /**
     * A leader row updates the live leader with its phone number, else the only one of its name in its
     * district; otherwise it is a new leader.
     */
    static final String MATCH_LEADERS = """
            UPDATE import_record r SET leader_id = coalesce(
                (SELECT min(l.id) FROM leader l WHERE l.phone = r.phone AND l.name_zh = r.name_zh),
                (SELECT min(l.id) FROM leader l WHERE l.phone = r.phone),
                (SELECT CASE WHEN count(*) = 1 THEN min(l.id) END FROM leader l
                 WHERE l.name_zh = r.name_zh AND l.district_code IS NOT DISTINCT FROM r.district_code))
            WHERE r.batch_id = :id""";
    /** A contact point names its leader: the only one of that name (and phone, if given), else the one in its district. */
    static final String MATCH_CONTACTS = """
            UPDATE import_record r SET
                organisation_id = (SELECT o.id FROM organisation o WHERE o.code = r.org_code),
                leader_id = coalesce(
                    (SELECT CASE WHEN count(*) = 1 THEN min(l.id) END FROM leader l
                     WHERE l.name_zh = r.name_zh AND (r.phone IS NULL OR l.phone = r.phone)),
                    (SELECT CASE WHEN count(*) = 1 THEN min(l.id) END FROM leader l
                     WHERE l.name_zh = r.name_zh AND (r.phone IS NULL OR l.phone = r.phone)
                       AND l.district_code = r.district_code))
            WHERE r.batch_id = :id""";
    static final String MATCH_ORGANISATIONS = """
            UPDATE import_record r SET organisation_id = (SELECT o.id FROM organisation o WHERE o.code = r.org_code)
            WHERE r.batch_id = :id""";
    static final String UNKNOWN_ORGANISATIONS = """
            SELECT row_no, sheet, org_code FROM import_record
            WHERE batch_id = :id AND org_code IS NOT NULL AND organisation_id IS NULL ORDER BY row_no""";
    static final String UNMATCHED_CONTACT_LEADERS = """
            SELECT r.row_no, r.sheet, r.name_zh,
                   (SELECT count(*) FROM leader l WHERE l.name_zh = r.name_zh AND (r.phone IS NULL OR l.phone = r.phone))
            FROM import_record r WHERE r.batch_id = :id AND r.leader_id IS NULL ORDER BY r.row_no""";
    /** Two rows that end up at the same live leader, or at the same leader and organisation. */
    static final String SAME_LIVE_ROW_TWICE = """
            SELECT r.row_no, r.sheet, (SELECT min(f.row_no) FROM import_record f WHERE f.batch_id = r.batch_id
                AND f.leader_id = r.leader_id AND f.organisation_id IS NOT DISTINCT FROM r.organisation_id) AS first
            FROM import_record r WHERE r.batch_id = :id AND r.leader_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM import_record f WHERE f.batch_id = r.batch_id AND f.leader_id = r.leader_id
                  AND f.organisation_id IS NOT DISTINCT FROM r.organisation_id AND f.row_no < r.row_no)
            ORDER BY r.row_no""";
    /** A scoped editor's leader row must not move a leader of another district (matched by phone). */
    static final String LEADERS_OF_OTHER_DISTRICTS = """
            SELECT r.row_no, r.sheet, coalesce(d.name_zh, '酒泉市') FROM import_record r JOIN leader l ON l.id = r.leader_id
            LEFT JOIN district d ON d.code = l.district_code
            WHERE r.batch_id = :id AND l.district_code IS DISTINCT FROM CAST(:scope AS char(6)) ORDER BY r.row_no""";
    static final String FUTURE_DATES = """
            SELECT row_no, sheet, on_date FROM import_record
            WHERE batch_id = :id AND on_date > least(CAST(:today AS date), CASE WHEN :periods
                THEN (SELECT max(ends_on) FROM period) ELSE CAST(:today AS date) END)
            ORDER BY row_no""";
    /**
     * As on an organisation's card: a status may not start before the organisation's current one did
     * (a row repeating a recorded change is fine).
     */
    static final String STATUS_BEFORE_CURRENT = """
            SELECT r.row_no, r.sheet, r.on_date, o.status_since FROM import_record r
            JOIN organisation o ON o.id = r.organisation_id
            WHERE r.batch_id = :id AND r.on_date < o.status_since
              AND NOT EXISTS (SELECT 1 FROM organisation_status s WHERE s.organisation_id = r.organisation_id
                              AND s.valid_from = r.on_date AND s.status = r.status)
            ORDER BY r.row_no""";
    /** Values the dashboard computes from the organisation tables (or from other values) cannot be imported. */
    static final String IMPORTABLE_INDICATOR = """
            (SELECT i.code FROM indicator i WHERE i.aggregation <> 'ratio'
             AND NOT EXISTS (SELECT 1 FROM computed_indicator c WHERE c.code = i.code))""";
    static final String BAD_INDICATORS = """
            SELECT r.row_no, r.sheet, r.indicator_code, EXISTS (SELECT 1 FROM indicator i WHERE i.code = r.indicator_code)
            FROM import_record r
            WHERE r.batch_id = :id AND r.indicator_code NOT IN """ + IMPORTABLE_INDICATOR + " ORDER BY r.row_no";
    static final String UNKNOWN_PERIODS = """
            SELECT row_no, sheet, period FROM import_record r
            WHERE batch_id = :id AND NOT EXISTS (SELECT 1 FROM period p WHERE p.code = r.period) ORDER BY row_no""";
    static final String REMOVED_LEADERS_WITH_CONTACTS = """
            SELECT l.name_zh, count(*) FROM leader l JOIN contact_point c ON c.leader_id = l.id
            WHERE (CAST(:scope AS text) IS NULL OR l.district_code = :scope)
              AND NOT EXISTS (SELECT 1 FROM import_record r WHERE r.batch_id = :id AND r.leader_id = l.id)
            GROUP BY l.id, l.name_zh ORDER BY l.id""";
    static final String DROP = "DELETE FROM import_record WHERE batch_id = :id";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RecordStaging(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void stage(UUID id, List<StagedRecord> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            StringBuilder text = new StringBuilder(rows.size() * 64);
            for (StagedRecord r : rows) {
                CopyText.row(text, id, r.rowNo(), r.sheet(), r.districtCode(), r.name(), r.level(), r.title(), r.phone(),
                        r.orgCode(), r.indicator(), r.period(), r.value() == null ? null : r.value().toPlainString(),
                        r.status(), r.onDate());
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("staging rows failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Looks up the live rows the staged rows name, then adds every problem that needs the live data. */
    void check(ImportEntity entity, UUID id, String file, @Nullable String scope, boolean replace, LocalDate today,
               List<Issue> issues) {
        switch (entity) {
            case LEADERS -> {
                jdbc.sql(MATCH_LEADERS).param("id", id).update();
                sameLiveRowTwice(id, file, "姓名", "import.same-leader-twice", issues);
                if (scope != null) {
                    jdbc.sql(LEADERS_OF_OTHER_DISTRICTS).param("id", id).param("scope", scope).query((rs, n) -> issues.add(
                            Issue.error(place(file, rs), "手机", "import.leader-of-other-district", rs.getString(3))))
                            .list();
                }
                if (replace) {
                    jdbc.sql(REMOVED_LEADERS_WITH_CONTACTS).param("id", id).param("scope", scope).query((rs, n) ->
                            issues.add(new Issue(true, file, null, null, null, "import.removed-leader-has-contacts",
                                    Issue.texts(rs.getString(1), rs.getLong(2))))).list();
                }
            }
            case CONTACT_POINTS -> {
                jdbc.sql(MATCH_CONTACTS).param("id", id).update();
                unknownOrganisations(id, file, issues);
                jdbc.sql(UNMATCHED_CONTACT_LEADERS).param("id", id).query((rs, n) -> issues.add(Issue.error(
                        place(file, rs), "领导姓名", rs.getLong(4) == 0 ? "import.unknown-leader" : "import.ambiguous-leader",
                        rs.getString(3), rs.getLong(4)))).list();
                sameLiveRowTwice(id, file, "领导姓名", "import.duplicate-row", issues);
                futureDates(id, file, "建立日期", today, false, issues);
            }
            case INDICATOR_VALUES -> {
                jdbc.sql(BAD_INDICATORS).param("id", id).query((rs, n) -> issues.add(Issue.error(place(file, rs), "指标",
                        rs.getBoolean(4) ? "import.computed-indicator" : "import.unknown-indicator", rs.getString(3))))
                        .list();
                jdbc.sql(UNKNOWN_PERIODS).param("id", id).query((rs, n) -> issues.add(Issue.error(place(file, rs), "季度",
                        "import.unknown-period", rs.getString(3)))).list();
            }
            case STATUS_CHANGES -> {
                jdbc.sql(MATCH_ORGANISATIONS).param("id", id).update();
                unknownOrganisations(id, file, issues);
                futureDates(id, file, "起始日期", today, true, issues);
                jdbc.sql(STATUS_BEFORE_CURRENT).param("id", id).query((rs, n) -> issues.add(Issue.error(place(file, rs),
                        "起始日期", "import.bad-status-date", rs.getString(3), rs.getString(4)))).list();
            }
            case ORGANISATIONS -> throw new IllegalArgumentException("organisations are checked by StagingRepository");
        }
    }

    private void unknownOrganisations(UUID id, String file, List<Issue> issues) {
        jdbc.sql(UNKNOWN_ORGANISATIONS).param("id", id).query((rs, n) -> issues.add(Issue.error(place(file, rs),
                "组织代码", "import.unknown-organisation", rs.getString(3)))).list();
    }

    private void sameLiveRowTwice(UUID id, String file, String column, String key, List<Issue> issues) {
        jdbc.sql(SAME_LIVE_ROW_TWICE).param("id", id).query((rs, n) -> issues.add(Issue.error(place(file, rs), column,
                key, rs.getInt(3)))).list();
    }

    private void futureDates(UUID id, String file, String column, LocalDate today, boolean withinPeriods,
                             List<Issue> issues) {
        jdbc.sql(FUTURE_DATES).param("id", id).param("today", today).param("periods", withinPeriods)
                .query((rs, n) -> issues.add(Issue.error(place(file, rs), column, "import.future-date",
                        rs.getString(3)))).list();
    }

    /** Added, changed and removed rows per district (and a line for the city's own leaders). */
    List<DistrictChanges> diff(ImportEntity entity, UUID id, boolean replace, @Nullable String scope) {
        return jdbc.sql(RecordSql.diff(entity)).param("id", id).param("replace", replace).param("scope", scope)
                .param("city", entity == ImportEntity.LEADERS)
                .query((rs, n) -> new DistrictChanges(rs.getString(1).strip(), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
    }

    void drop(UUID id) {
        jdbc.sql(DROP).param("id", id).update();
    }


    private static SourceTable.Place place(String file, java.sql.ResultSet rs) throws SQLException {
        return new SourceTable.Place(file, rs.getString("sheet"), rs.getInt("row_no"));
    }
}
