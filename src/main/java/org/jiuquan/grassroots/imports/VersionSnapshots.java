package org.jiuquan.grassroots.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Everything besides the organisations that an import can change (leaders, contact points, stored
 * indicator values, status histories), kept with each version so that a restore brings it back too.
 * Runs inside the caller's transaction, like {@link VersionRepository}.
 */
@Repository
class VersionSnapshots {

    static final java.util.List<String> KEEP = java.util.List.of("""
            INSERT INTO dataset_version_leader (version, id, name_zh, level, title_zh, district_code, phone, synthetic)
            SELECT :n, id, name_zh, level, title_zh, district_code, phone, synthetic FROM leader""", """
            INSERT INTO dataset_version_contact_point (version, leader_id, organisation_id, organisation_code, established_on)
            SELECT :n, c.leader_id, c.organisation_id, o.code, c.established_on
            FROM contact_point c JOIN organisation o ON o.id = c.organisation_id""", """
            INSERT INTO dataset_version_indicator_value (version, indicator_code, district_code, period, value)
            SELECT :n, indicator_code, district_code, period, value FROM indicator_value""", """
            INSERT INTO dataset_version_status (version, organisation_code, valid_from, status)
            SELECT :n, o.code, s.valid_from, s.status FROM organisation_status s JOIN organisation o ON o.id = s.organisation_id
            WHERE o.code IS NOT NULL""",
            "UPDATE dataset_version SET complete = true, entity = :entity WHERE n = :n");
    static final String COMPLETE = "SELECT complete FROM dataset_version WHERE n = :n";
    /** A version's contact points, their organisations found again by code where they have one. */
    private static final String CONTACTS_OF_VERSION = """
            WITH s AS (SELECT s.leader_id, coalesce(o.id, s.organisation_id) AS organisation_id, s.established_on
                       FROM dataset_version_contact_point s LEFT JOIN organisation o ON o.code = s.organisation_code
                       WHERE s.version = :n)
            """;
    private static final String STATUS_OF_VERSION = """
            WITH s AS (SELECT o.id AS organisation_id, s.valid_from, s.status
                       FROM dataset_version_status s JOIN organisation o ON o.code = s.organisation_code
                       WHERE s.version = :n)
            """;
    static final String LIVE_DIFFERS = """
            SELECT EXISTS (SELECT id, name_zh, level, title_zh, district_code, phone FROM leader
                           EXCEPT SELECT id, name_zh, level, title_zh, district_code, phone
                           FROM dataset_version_leader WHERE version = :n)
                OR EXISTS (SELECT id FROM dataset_version_leader WHERE version = :n EXCEPT SELECT id FROM leader)
                OR EXISTS (SELECT leader_id, organisation_id, established_on FROM contact_point
                           EXCEPT SELECT leader_id, organisation_id, established_on
                           FROM dataset_version_contact_point WHERE version = :n)
                OR EXISTS (SELECT leader_id, organisation_id FROM dataset_version_contact_point WHERE version = :n
                           EXCEPT SELECT leader_id, organisation_id FROM contact_point)
                OR EXISTS (SELECT indicator_code, district_code, period, value FROM indicator_value
                           EXCEPT SELECT indicator_code, district_code, period, value
                           FROM dataset_version_indicator_value WHERE version = :n)
                OR EXISTS (SELECT indicator_code, district_code, period FROM dataset_version_indicator_value
                           WHERE version = :n EXCEPT SELECT indicator_code, district_code, period FROM indicator_value)
                OR EXISTS (SELECT o.code, s.valid_from, s.status FROM organisation_status s
                           JOIN organisation o ON o.id = s.organisation_id WHERE o.code IS NOT NULL
                           EXCEPT SELECT organisation_code, valid_from, status FROM dataset_version_status WHERE version = :n)
                OR EXISTS (SELECT organisation_code, valid_from FROM dataset_version_status WHERE version = :n
                           EXCEPT SELECT o.code, s.valid_from FROM organisation_status s
                           JOIN organisation o ON o.id = s.organisation_id WHERE o.code IS NOT NULL)""";
    /** Before the organisations are restored: contact points the version does not have go first (they hold leaders and organisations). */
    static final String RESTORE_REMOVED_CONTACTS = CONTACTS_OF_VERSION + """
            DELETE FROM contact_point c WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.leader_id = c.leader_id
                                                          AND s.organisation_id = c.organisation_id)""";
    static final String RESTORE_CHANGED_LEADERS = """
            UPDATE leader l SET name_zh = s.name_zh, level = s.level, title_zh = s.title_zh,
                                district_code = s.district_code, phone = s.phone, synthetic = s.synthetic
            FROM dataset_version_leader s
            WHERE s.version = :n AND s.id = l.id
              AND (s.name_zh, s.level, s.title_zh, s.district_code, s.phone, s.synthetic)
                  IS DISTINCT FROM (l.name_zh, l.level, l.title_zh, l.district_code, l.phone, l.synthetic)""";
    static final String RESTORE_ADDED_LEADERS = """
            INSERT INTO leader (id, name_zh, level, title_zh, district_code, phone, synthetic)
            SELECT s.id, s.name_zh, s.level, s.title_zh, s.district_code, s.phone, s.synthetic
            FROM dataset_version_leader s
            WHERE s.version = :n AND NOT EXISTS (SELECT 1 FROM leader l WHERE l.id = s.id)""";
    static final String RESTORE_REMOVED_LEADERS = """
            DELETE FROM leader l WHERE NOT EXISTS (SELECT 1 FROM dataset_version_leader s WHERE s.version = :n AND s.id = l.id)""";
    static final String RESTORE_CHANGED_CONTACTS = CONTACTS_OF_VERSION + """
            UPDATE contact_point c SET established_on = s.established_on FROM s
            WHERE s.leader_id = c.leader_id AND s.organisation_id = c.organisation_id AND s.established_on <> c.established_on""";
    static final String RESTORE_ADDED_CONTACTS = CONTACTS_OF_VERSION + """
            INSERT INTO contact_point (leader_id, organisation_id, established_on)
            SELECT s.leader_id, s.organisation_id, s.established_on FROM s
            WHERE EXISTS (SELECT 1 FROM organisation o WHERE o.id = s.organisation_id)
              AND EXISTS (SELECT 1 FROM leader l WHERE l.id = s.leader_id)
              AND NOT EXISTS (SELECT 1 FROM contact_point c WHERE c.leader_id = s.leader_id
                              AND c.organisation_id = s.organisation_id)""";
    static final String RESTORE_REMOVED_VALUES = """
            DELETE FROM indicator_value v WHERE NOT EXISTS (SELECT 1 FROM dataset_version_indicator_value s
                WHERE s.version = :n AND s.indicator_code = v.indicator_code AND s.district_code = v.district_code
                  AND s.period = v.period)""";
    static final String RESTORE_VALUES = """
            INSERT INTO indicator_value (indicator_code, district_code, period, value)
            SELECT s.indicator_code, s.district_code, s.period, s.value FROM dataset_version_indicator_value s
            WHERE s.version = :n AND EXISTS (SELECT 1 FROM indicator i WHERE i.code = s.indicator_code)
            ON CONFLICT (indicator_code, period, district_code) DO UPDATE SET value = EXCLUDED.value
            WHERE indicator_value.value <> EXCLUDED.value""";
    static final String RESTORE_REMOVED_STATUSES = STATUS_OF_VERSION + """
            DELETE FROM organisation_status h USING organisation o
            WHERE o.id = h.organisation_id AND o.code IS NOT NULL
              AND EXISTS (SELECT 1 FROM dataset_version_status x WHERE x.version = :n AND x.organisation_code = o.code)
              AND NOT EXISTS (SELECT 1 FROM s WHERE s.organisation_id = h.organisation_id AND s.valid_from = h.valid_from)""";
    static final String RESTORE_STATUSES = STATUS_OF_VERSION + """
            INSERT INTO organisation_status (organisation_id, valid_from, status)
            SELECT organisation_id, valid_from, status FROM s
            ON CONFLICT (organisation_id, valid_from) DO UPDATE SET status = EXCLUDED.status
            WHERE organisation_status.status <> EXCLUDED.status""";

    private final JdbcClient jdbc;

    VersionSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(int n, String entity) {
        for (String statement : KEEP) {
            jdbc.sql(statement).param("n", n).param("entity", entity).update();
        }
    }

    boolean complete(int n) {
        return jdbc.sql(COMPLETE).param("n", n).query(Boolean.class).optional().orElse(false);
    }

    /** Whether leaders, contact points, values or status histories moved since version n kept them. */
    boolean liveDiffers(int n) {
        return !complete(n) || jdbc.sql(LIVE_DIFFERS).param("n", n).query(Boolean.class).single();
    }

    /** The first part of a restore, before the organisations: contact points the version lacks. Returns rows removed. */
    int removeContactsNotIn(int n) {
        return jdbc.sql(RESTORE_REMOVED_CONTACTS).param("n", n).update();
    }

    /** The rest, once the organisations are as version n had them. Returns the rows added or changed and removed. */
    VersionRepository.Counts restoreAfterOrganisations(int n) {
        int changed = jdbc.sql(RESTORE_CHANGED_LEADERS).param("n", n).update();
        int added = jdbc.sql(RESTORE_ADDED_LEADERS).param("n", n).update();
        int removed = jdbc.sql(RESTORE_REMOVED_LEADERS).param("n", n).update();
        changed += jdbc.sql(RESTORE_CHANGED_CONTACTS).param("n", n).update();
        added += jdbc.sql(RESTORE_ADDED_CONTACTS).param("n", n).update();
        removed += jdbc.sql(RESTORE_REMOVED_VALUES).param("n", n).update();
        changed += jdbc.sql(RESTORE_VALUES).param("n", n).update();
        removed += jdbc.sql(RESTORE_REMOVED_STATUSES).param("n", n).update();
        changed += jdbc.sql(RESTORE_STATUSES).param("n", n).update();
        return new VersionRepository.Counts(added, changed, removed);
    }
}
