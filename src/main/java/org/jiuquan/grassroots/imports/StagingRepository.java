package org.jiuquan.grassroots.imports;

import org.jiuquan.grassroots.demodata.CopyText;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staging side of an import: its rows go into import_row (never the live tables), the checks that
 * need the live data run as SQL over them, and the preview is a diff by 12-digit code. Nothing here
 * locks a live table beyond a plain read, so map reads never wait on a staging import.
 */
@Repository
class StagingRepository {

    static final String INSERT_BATCH = """
            INSERT INTO import_batch (id, created_by, created_at, file_name, mode, district_scope, crs, data_version,
                                      state, row_count, issues, entity)
            VALUES (:id, :by, :at, :file, :mode, :scope, :crs, (SELECT version FROM data_version), 'staged', :rows,
                    CAST(:issues AS jsonb), :entity)""";
    static final String COPY_ROWS = "COPY import_row (batch_id, row_no, sheet, code, kind, district_code, name_zh, "
            + "township_zh, fortress_index, status, status_since, geom) FROM STDIN";
    static final String SAVE_ISSUES = "UPDATE import_batch SET issues = CAST(:issues AS jsonb) WHERE id = :id";
    static final String BATCH = """
            SELECT id, created_by, created_at, file_name, mode, district_scope, crs, data_version, state, row_count,
                   CAST(issues AS text) AS issues, entity
            FROM import_batch WHERE id = :id""";
    static final String DISTRICT_NAMES = "SELECT code, name_zh FROM district ORDER BY code";
    /** Points to WGS 84 in one statement (Gauss-Krüger, Web Mercator, CGCS2000), in the order given. */
    static final String TRANSFORM = """
            SELECT ST_X(p), ST_Y(p) FROM (
                SELECT i, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), :srid), 4326) AS p
                FROM unnest(CAST(:xs AS float8[]), CAST(:ys AS float8[])) WITH ORDINALITY AS t (x, y, i)) s
            ORDER BY i""";
    /** New organisations (codes not live) must bring what the table needs. */
    static final String NEW_ROWS_LACKING = """
            SELECT r.row_no, r.sheet, r.name_zh IS NULL AS no_name, r.geom IS NULL AS no_point,
                   r.fortress_index IS NULL AS no_index
            FROM import_row r
            WHERE r.batch_id = :id AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = r.code)
              AND (r.name_zh IS NULL OR r.geom IS NULL OR r.fortress_index IS NULL)
            ORDER BY r.row_no""";
    static final String OUTSIDE_THEIR_DISTRICT = """
            SELECT r.row_no, r.sheet, d.name_zh,
                   coalesce((SELECT min(o.name_zh) FROM district o WHERE ST_Intersects(o.outline, r.geom)), '-') AS inside
            FROM import_row r JOIN district d ON d.code = r.district_code
            WHERE r.batch_id = :id AND r.geom IS NOT NULL AND NOT ST_Intersects(r.geom, d.outline)
            ORDER BY r.row_no""";
    static final String UNKNOWN_TOWNSHIPS = """
            WITH known AS (SELECT DISTINCT district_code, township_zh FROM organisation WHERE township_zh IS NOT NULL)
            SELECT r.row_no, r.sheet, r.township_zh, d.name_zh
            FROM import_row r JOIN district d ON d.code = r.district_code
            WHERE r.batch_id = :id AND r.township_zh IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM known k WHERE k.district_code = r.district_code AND k.township_zh = r.township_zh)
            ORDER BY r.row_no""";
    /** A new status must start after the current one did, and not in the future (as on the card's form). */
    static final String BAD_STATUS_DATES = """
            SELECT r.row_no, r.sheet, r.status_since, o.status_since AS current_since
            FROM import_row r JOIN organisation o ON o.code = r.code
            WHERE r.batch_id = :id AND r.status IS NOT NULL AND r.status <> o.status AND r.status_since IS NOT NULL
              -- Not after the dataset's last quarter either: the map would show such a change in no quarter.
              AND (r.status_since < o.status_since
                   OR r.status_since > least(CAST(:today AS date), (SELECT max(ends_on) FROM period)))
            ORDER BY r.row_no""";
    /** Replace mode: organisations that would go but still have leaders' contact points. */
    static final String REMOVED_WITH_CONTACT_POINTS = """
            SELECT o.code, o.name_zh, count(*) AS contact_points
            FROM organisation o JOIN contact_point c ON c.organisation_id = o.id
            WHERE o.code IS NOT NULL AND (CAST(:scope AS text) IS NULL OR o.district_code = :scope)
              AND NOT EXISTS (SELECT 1 FROM import_row r WHERE r.batch_id = :id AND r.code = o.code)
            GROUP BY o.code, o.name_zh ORDER BY o.code""";
    /** A staged row that differs from its live organisation (null fields keep the live value). */
    static final String CHANGED = """
            ((r.name_zh IS NOT NULL AND r.name_zh <> o.name_zh)
             OR (r.township_zh IS NOT NULL AND r.township_zh IS DISTINCT FROM o.township_zh)
             OR (r.fortress_index IS NOT NULL AND r.fortress_index <> o.fortress_index)
             OR (r.status IS NOT NULL AND r.status <> o.status)
             OR (r.status_since IS NOT NULL AND r.status_since <> o.status_since)
             OR (r.geom IS NOT NULL AND NOT ST_DWithin(r.geom, o.geom, 0.000001)))""";
    static final String DIFF_PER_DISTRICT = """
            WITH r AS MATERIALIZED (SELECT * FROM import_row WHERE batch_id = :id)
            SELECT d.code, d.name_zh,
                   (SELECT count(*) FROM organisation o WHERE o.code IS NOT NULL AND o.district_code = d.code) AS live,
                   (SELECT count(*) FROM r WHERE r.district_code = d.code
                       AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = r.code)) AS added,
                   (SELECT count(*) FROM r JOIN organisation o ON o.code = r.code WHERE r.district_code = d.code
                       AND """ + CHANGED + """
            ) AS changed,
                   CASE WHEN :replace AND (CAST(:scope AS text) IS NULL OR d.code = :scope) THEN
                       (SELECT count(*) FROM organisation o WHERE o.code IS NOT NULL AND o.district_code = d.code
                           AND NOT EXISTS (SELECT 1 FROM r WHERE r.code = o.code)) ELSE 0 END AS removed
            FROM district d ORDER BY d.code""";
    /** The preview on the map: every added, changed and removed organisation with its point. */
    static final String CHANGES_AS_GEOJSON = """
            WITH r AS MATERIALIZED (SELECT * FROM import_row WHERE batch_id = :id),
            changes AS (
                SELECT 'added' AS change, r.code, r.name_zh, r.geom FROM r
                WHERE r.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = r.code)
                UNION ALL
                SELECT 'changed', r.code, coalesce(r.name_zh, o.name_zh), coalesce(r.geom, o.geom)
                FROM r JOIN organisation o ON o.code = r.code WHERE """ + CHANGED + """

                UNION ALL
                SELECT 'removed', o.code, o.name_zh, o.geom FROM organisation o
                WHERE :replace AND o.code IS NOT NULL AND (CAST(:scope AS text) IS NULL OR o.district_code = :scope)
                  AND NOT EXISTS (SELECT 1 FROM r WHERE r.code = o.code))
            SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                'type', 'Feature', 'id', code, 'geometry', ST_AsGeoJSON(geom, 6)::json,
                'properties', json_build_object('change', change, 'code', code, 'name_zh', name_zh))), '[]'::json))::text
            FROM (SELECT * FROM changes LIMIT 20000) c""";
    static final String LIVE_POINTS = "SELECT code, ST_X(geom), ST_Y(geom) FROM organisation WHERE code = ANY(CAST(:codes AS text[]))";
    /** The extent of the staged points and of the organisations a replace removes, to zoom the preview map. */
    static final String CHANGES_EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (
                SELECT ST_Extent(geom) AS e FROM (
                    SELECT r.geom FROM import_row r WHERE r.batch_id = :id AND r.geom IS NOT NULL
                    UNION ALL
                    SELECT o.geom FROM organisation o JOIN import_row r ON r.code = o.code AND r.batch_id = :id
                    UNION ALL
                    SELECT o.geom FROM organisation o
                    WHERE :replace AND o.code IS NOT NULL AND (CAST(:scope AS text) IS NULL OR o.district_code = :scope)
                      AND NOT EXISTS (SELECT 1 FROM import_row r WHERE r.batch_id = :id AND r.code = o.code)) g) x
            WHERE e IS NOT NULL""";
    static final String CANCEL = "UPDATE import_batch SET state = 'cancelled' WHERE id = :id AND state = 'staged'";
    static final String DROP_ROWS = "DELETE FROM import_row WHERE batch_id = :id";
    static final String DROP_RECORDS = "DELETE FROM import_record WHERE batch_id = :id";
    /** Staged imports nobody applied or cancelled within a day are cancelled, so staged rows do not pile up. */
    static final String DROP_ABANDONED = """
            WITH old AS (UPDATE import_batch SET state = 'cancelled' WHERE state = 'staged' AND created_at < :before
                         RETURNING id)
            DELETE FROM import_row WHERE batch_id IN (SELECT id FROM old)""";
    static final String DROP_ABANDONED_RECORDS = """
            DELETE FROM import_record r USING import_batch b WHERE b.id = r.batch_id AND b.state <> 'staged'""";

    record Batch(UUID id, String createdBy, Instant createdAt, String fileName, String mode, @Nullable String scope,
                 String crs, long dataVersion, String state, int rowCount, List<Issue> issues, ImportEntity entity) {

        boolean replace() {
            return mode.equals("replace");
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StagingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Map<String, String> districtNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql(DISTRICT_NAMES).query((rs, n) -> names.put(rs.getString(1).strip(), rs.getString(2))).list();
        return names;
    }

    /** Each point in WGS 84, or null where the transformation gives no finite answer. */
    List<double @Nullable []> toWgs84(int srid, double[] xs, double[] ys) {
        try {
            // A row mapper may not answer null, so a missing point comes back as NaN and becomes null here.
            List<double[]> answers = jdbc.sql(TRANSFORM).param("srid", srid).param("xs", xs).param("ys", ys)
                    .query((rs, n) -> {
                        double lon = rs.getDouble(1);
                        double lat = rs.getDouble(2);
                        return new double[] {lon, rs.wasNull() ? Double.NaN : lat};
                    }).list();
            List<double @Nullable []> points = new ArrayList<>(answers.size());
            for (double[] p : answers) {
                points.add(Double.isFinite(p[0]) && Double.isFinite(p[1]) ? p : null);
            }
            return points;
        } catch (RuntimeException e) {
            List<double @Nullable []> none = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                none.add(null);
            }
            return none;
        }
    }

    void insertBatch(UUID id, String by, Instant at, String file, String mode, @Nullable String scope, String crs,
                     int rows, List<Issue> issues, ImportEntity entity) {
        jdbc.sql(INSERT_BATCH).param("id", id).param("by", by).param("at", Timestamp.from(at)).param("file", file)
                .param("mode", mode).param("scope", scope).param("crs", crs).param("rows", rows)
                .param("issues", json(issues)).param("entity", entity.id).update();
    }

    /** COPY: 150,000 rows stage in a second or two, in their own table. */
    void stageRows(UUID id, List<StagedRow> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            StringBuilder text = new StringBuilder(rows.size() * 96);
            for (StagedRow r : rows) {
                CopyText.row(text, id, r.rowNo(), r.sheet(), r.code(), r.kind(), r.districtCode(), r.name(),
                        r.township(), r.fortressIndex() == null ? null : r.fortressIndex().toPlainString(), r.status(),
                        r.statusSince(), r.lon() == null || r.lat() == null ? null
                                : "SRID=4326;POINT(" + r.lon() + " " + r.lat() + ")");
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_ROWS, new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("staging rows failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    void saveIssues(UUID id, List<Issue> issues) {
        jdbc.sql(SAVE_ISSUES).param("id", id).param("issues", json(issues)).update();
    }

    java.util.Optional<Batch> batch(UUID id) {
        return jdbc.sql(BATCH).param("id", id).query((rs, n) -> new Batch(rs.getObject("id", UUID.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("file_name"),
                rs.getString("mode"), rs.getString("district_scope") == null ? null : rs.getString("district_scope").strip(),
                rs.getString("crs"), rs.getLong("data_version"), rs.getString("state"), rs.getInt("row_count"),
                issues(rs.getString("issues")), ImportEntity.of(rs.getString("entity")))).optional();
    }

    /** The row-level checks that need the live data, as issues. */
    void sqlChecks(UUID id, String file, @Nullable String scope, boolean replace, java.time.LocalDate today,
                   List<Issue> issues) {
        jdbc.sql(NEW_ROWS_LACKING).param("id", id).query((rs, n) -> {
            SourceTable.Place place = new SourceTable.Place(file, rs.getString("sheet"), rs.getInt("row_no"));
            if (rs.getBoolean("no_name")) {
                issues.add(Issue.error(place, "名称", "import.new-needs-name"));
            }
            if (rs.getBoolean("no_point")) {
                issues.add(Issue.error(place, "经度/纬度", "import.new-needs-point"));
            }
            if (rs.getBoolean("no_index")) {
                issues.add(Issue.error(place, "堡垒指数", "import.new-needs-index"));
            }
            return 0;
        }).list();
        jdbc.sql(OUTSIDE_THEIR_DISTRICT).param("id", id).query((rs, n) -> issues.add(Issue.error(
                new SourceTable.Place(file, rs.getString("sheet"), rs.getInt("row_no")), "经度/纬度",
                "import.outside-district", rs.getString(3), rs.getString(4)))).list();
        jdbc.sql(UNKNOWN_TOWNSHIPS).param("id", id).query((rs, n) -> issues.add(Issue.error(
                new SourceTable.Place(file, rs.getString("sheet"), rs.getInt("row_no")), "乡镇",
                "import.unknown-township", rs.getString(3), rs.getString(4)))).list();
        jdbc.sql(BAD_STATUS_DATES).param("id", id).param("today", today).query((rs, n) -> issues.add(Issue.error(
                new SourceTable.Place(file, rs.getString("sheet"), rs.getInt("row_no")), "状态起始日期",
                "import.bad-status-date", rs.getString(3), rs.getString(4)))).list();
        if (replace) {
            jdbc.sql(REMOVED_WITH_CONTACT_POINTS).param("id", id).param("scope", scope).query((rs, n) -> issues.add(
                    new Issue(true, file, null, null, null, "import.removed-has-contacts",
                            Issue.texts(rs.getString(1).strip(), rs.getString(2), rs.getLong(3))))).list();
        }
    }

    List<DistrictChanges> diff(UUID id, boolean replace, @Nullable String scope) {
        return jdbc.sql(DIFF_PER_DISTRICT).param("id", id).param("replace", replace).param("scope", scope)
                .query((rs, n) -> new DistrictChanges(rs.getString(1).strip(), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
    }

    String changesGeoJson(UUID id, boolean replace, @Nullable String scope) {
        return jdbc.sql(CHANGES_AS_GEOJSON).param("id", id).param("replace", replace).param("scope", scope)
                .query(String.class).single();
    }

    List<String> townships() {
        return jdbc.sql("SELECT DISTINCT township_zh FROM organisation WHERE township_zh IS NOT NULL ORDER BY 1")
                .query(String.class).list();
    }

    List<String> indicatorCodes() {
        return jdbc.sql("SELECT code FROM indicator ORDER BY sort_order").query(String.class).list();
    }

    List<String> periods() {
        return jdbc.sql("SELECT code FROM period ORDER BY code").query(String.class).list();
    }

    /** The live points of the organisations with these codes (for the shifted-datum warning). */
    Map<String, double[]> livePoints(List<StagedRow> rows) {
        String[] codes = rows.stream().filter(r -> r.lon() != null).map(StagedRow::code).limit(5000).toArray(String[]::new);
        Map<String, double[]> points = new java.util.HashMap<>();
        if (codes.length > 0) {
            jdbc.sql(LIVE_POINTS).param("codes", codes).query((rs, n) -> points.put(rs.getString(1).strip(),
                    new double[] {rs.getDouble(2), rs.getDouble(3)})).list();
        }
        return points;
    }

    java.util.Optional<double[]> changesExtent(UUID id, boolean replace, @Nullable String scope) {
        return jdbc.sql(CHANGES_EXTENT).param("id", id).param("replace", replace).param("scope", scope)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                .optional();
    }

    void dropAbandoned(Instant before) {
        jdbc.sql(DROP_ABANDONED).param("before", Timestamp.from(before)).update();
        jdbc.sql(DROP_ABANDONED_RECORDS).update();
    }

    void cancel(UUID id) {
        jdbc.sql(CANCEL).param("id", id).update();
        jdbc.sql(DROP_ROWS).param("id", id).update();
        jdbc.sql(DROP_RECORDS).param("id", id).update();
    }

    static String json(List<Issue> issues) {
        return JsonMapper.shared().writeValueAsString(issues);
    }

    static List<Issue> issues(String json) {
        return JsonMapper.shared().readValue(json, new TypeReference<List<Issue>>() { });
    }
}
