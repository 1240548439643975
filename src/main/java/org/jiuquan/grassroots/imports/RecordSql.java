package org.jiuquan.grassroots.imports;

import java.util.List;

/**
 * The SQL that compares staged leader, contact point, indicator value and status change rows with the live
 * tables, and applies them. Each entity says, as a district column {@code d}: which live rows it has,
 * which staged rows are new, which differ, and which a replace would remove (in the import's scope).
 */
final class RecordSql {

    /** City leaders belong to no district: the preview counts them on a line of their own. */
    static final String CITY = "620900";
    static final String IN_SCOPE = "(CAST(:scope AS text) IS NULL OR %s = :scope)";
    static final String LEADER_DIFFERS = """
            (r.name_zh, r.level, r.title_zh, r.district_code, r.phone)
            IS DISTINCT FROM (l.name_zh, l.level, l.title_zh, l.district_code, l.phone)""";
    static final String CONTACT_MATCHES = "c.leader_id = r.leader_id AND c.organisation_id = r.organisation_id";
    static final String VALUE_MATCHES = """
            v.indicator_code = r.indicator_code AND v.district_code = r.district_code AND v.period = r.period""";
    static final String STATUS_MATCHES = "s.organisation_id = r.organisation_id AND s.valid_from = r.on_date";
    private static final String NOTHING = "SELECT CAST(NULL AS char(6)) AS d WHERE false";

    /** live, added, changed, removed for one entity, each a query of district codes {@code d}. */
    private record Parts(String live, String added, String changed, String removed) {
    }

    private RecordSql() {
    }

    private static Parts parts(ImportEntity entity) {
        return switch (entity) {
            case LEADERS -> new Parts(
                    "SELECT coalesce(l.district_code, '" + CITY + "') AS d FROM leader l",
                    "SELECT coalesce(r.district_code, '" + CITY + "') AS d FROM r WHERE r.leader_id IS NULL",
                    "SELECT coalesce(r.district_code, '" + CITY + "') AS d FROM r JOIN leader l ON l.id = r.leader_id WHERE "
                            + LEADER_DIFFERS,
                    "SELECT coalesce(l.district_code, '" + CITY + "') AS d FROM leader l WHERE :replace AND "
                            + IN_SCOPE.formatted("l.district_code")
                            + " AND NOT EXISTS (SELECT 1 FROM r WHERE r.leader_id = l.id)");
            case CONTACT_POINTS -> new Parts(
                    "SELECT o.district_code AS d FROM contact_point c JOIN organisation o ON o.id = c.organisation_id "
                            + "WHERE o.code IS NOT NULL",
                    "SELECT r.district_code AS d FROM r WHERE NOT EXISTS (SELECT 1 FROM contact_point c WHERE "
                            + CONTACT_MATCHES + ")",
                    "SELECT r.district_code AS d FROM r JOIN contact_point c ON " + CONTACT_MATCHES
                            + " WHERE c.established_on <> r.on_date",
                    "SELECT o.district_code AS d FROM contact_point c JOIN organisation o ON o.id = c.organisation_id "
                            + "WHERE :replace AND o.code IS NOT NULL AND " + IN_SCOPE.formatted("o.district_code")
                            + " AND NOT EXISTS (SELECT 1 FROM r WHERE " + CONTACT_MATCHES + ")");
            case INDICATOR_VALUES -> new Parts(
                    "SELECT v.district_code AS d FROM indicator_value v WHERE v.indicator_code IN "
                            + RecordStaging.IMPORTABLE_INDICATOR,
                    "SELECT r.district_code AS d FROM r WHERE NOT EXISTS (SELECT 1 FROM indicator_value v WHERE "
                            + VALUE_MATCHES + ")",
                    "SELECT r.district_code AS d FROM r JOIN indicator_value v ON " + VALUE_MATCHES
                            + " WHERE v.value <> r.value",
                    "SELECT v.district_code AS d FROM indicator_value v WHERE :replace AND v.indicator_code IN "
                            + RecordStaging.IMPORTABLE_INDICATOR + " AND " + IN_SCOPE.formatted("v.district_code")
                            + " AND NOT EXISTS (SELECT 1 FROM r WHERE " + VALUE_MATCHES + ")");
            // A status change changes its organisation: the preview counts organisations, as for an organisation list.
            case STATUS_CHANGES -> new Parts(
                    "SELECT o.district_code AS d FROM organisation o WHERE o.code IS NOT NULL",
                    NOTHING,
                    "SELECT DISTINCT ON (r.organisation_id) r.district_code AS d FROM r WHERE NOT EXISTS ("
                            + "SELECT 1 FROM organisation_status s WHERE " + STATUS_MATCHES + " AND s.status = r.status)",
                    // A history is added to, never replaced by a file: nothing is removed.
                    NOTHING);
            case ORGANISATIONS -> throw new IllegalArgumentException("organisations have their own diff");
        };
    }

    static String diff(ImportEntity entity) {
        Parts p = parts(entity);
        return """
                WITH r AS MATERIALIZED (SELECT * FROM import_record WHERE batch_id = :id),
                live AS (SELECT d, count(*) AS n FROM (%s) x GROUP BY d),
                added AS (SELECT d, count(*) AS n FROM (%s) x GROUP BY d),
                changed AS (SELECT d, count(*) AS n FROM (%s) x GROUP BY d),
                removed AS (SELECT d, count(*) AS n FROM (%s) x GROUP BY d)
                SELECT d.code, d.name_zh, coalesce(live.n, 0), coalesce(added.n, 0), coalesce(changed.n, 0),
                       coalesce(removed.n, 0)
                FROM (SELECT code, name_zh FROM district UNION ALL SELECT '%s', '酒泉市（市级）' WHERE :city) d
                LEFT JOIN live ON live.d = d.code LEFT JOIN added ON added.d = d.code
                LEFT JOIN changed ON changed.d = d.code LEFT JOIN removed ON removed.d = d.code
                ORDER BY d.code""".formatted(p.live(), p.added(), p.changed(), p.removed(), CITY);
    }

    /** The statements that apply a staged file, in order (removals before additions; params :id, :replace, :scope). */
    static List<String> apply(ImportEntity entity) {
        String r = "import_record r";
        return switch (entity) {
            case LEADERS -> List.of(
                    "UPDATE leader l SET name_zh = r.name_zh, level = r.level, title_zh = r.title_zh, "
                            + "district_code = r.district_code, phone = r.phone, synthetic = false FROM " + r
                            + " WHERE r.batch_id = :id AND r.leader_id = l.id AND " + LEADER_DIFFERS,
                    "DELETE FROM leader l WHERE :replace AND " + IN_SCOPE.formatted("l.district_code")
                            + " AND NOT EXISTS (SELECT 1 FROM " + r + " WHERE r.batch_id = :id AND r.leader_id = l.id)",
                    "INSERT INTO leader (name_zh, level, title_zh, district_code, phone, synthetic) "
                            + "SELECT r.name_zh, r.level, r.title_zh, r.district_code, r.phone, false FROM " + r
                            + " WHERE r.batch_id = :id AND r.leader_id IS NULL ORDER BY r.row_no");
            case CONTACT_POINTS -> List.of(
                    "UPDATE contact_point c SET established_on = r.on_date FROM " + r + " WHERE r.batch_id = :id AND "
                            + CONTACT_MATCHES + " AND c.established_on <> r.on_date",
                    "DELETE FROM contact_point c USING organisation o WHERE o.id = c.organisation_id AND :replace "
                            + "AND o.code IS NOT NULL AND " + IN_SCOPE.formatted("o.district_code")
                            + " AND NOT EXISTS (SELECT 1 FROM " + r + " WHERE r.batch_id = :id AND " + CONTACT_MATCHES + ")",
                    "INSERT INTO contact_point (leader_id, organisation_id, established_on) "
                            + "SELECT r.leader_id, r.organisation_id, r.on_date FROM " + r + " WHERE r.batch_id = :id "
                            + "AND NOT EXISTS (SELECT 1 FROM contact_point c WHERE " + CONTACT_MATCHES + ")");
            case INDICATOR_VALUES -> List.of(
                    "DELETE FROM indicator_value v WHERE :replace AND v.indicator_code IN "
                            + RecordStaging.IMPORTABLE_INDICATOR + " AND " + IN_SCOPE.formatted("v.district_code")
                            + " AND NOT EXISTS (SELECT 1 FROM " + r + " WHERE r.batch_id = :id AND " + VALUE_MATCHES + ")",
                    "INSERT INTO indicator_value (indicator_code, district_code, period, value) "
                            + "SELECT r.indicator_code, r.district_code, r.period, r.value FROM " + r
                            + " WHERE r.batch_id = :id ON CONFLICT (indicator_code, period, district_code) "
                            + "DO UPDATE SET value = EXCLUDED.value WHERE indicator_value.value <> EXCLUDED.value");
            case STATUS_CHANGES -> List.of(
                    "INSERT INTO organisation_status (organisation_id, valid_from, status) "
                            + "SELECT r.organisation_id, r.on_date, r.status FROM " + r + " WHERE r.batch_id = :id "
                            + "ON CONFLICT (organisation_id, valid_from) DO UPDATE SET status = EXCLUDED.status "
                            + "WHERE organisation_status.status <> EXCLUDED.status",
                    // The organisation's own status is the last of its history, as when a status is set on its card.
                    """
                    UPDATE organisation o SET status = h.status, status_since = h.valid_from
                    FROM (SELECT DISTINCT ON (s.organisation_id) s.organisation_id, s.valid_from, s.status
                          FROM organisation_status s
                          WHERE s.organisation_id IN (SELECT organisation_id FROM import_record WHERE batch_id = :id)
                          ORDER BY s.organisation_id, s.valid_from DESC) h
                    WHERE o.id = h.organisation_id AND (o.status, o.status_since) IS DISTINCT FROM (h.status, h.valid_from)""");
            case ORGANISATIONS -> throw new IllegalArgumentException("organisations have their own apply");
        };
    }
}
