package org.jiuquan.grassroots.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jiuquan.grassroots.demodata.DatasetLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The live side: apply a staged import, restore a version, list versions. Each runs inside the caller's
 * one transaction and touches only the rows that change (row locks, never a table lock), so readers keep
 * reading the previous state until the commit.
 */
@Repository
class VersionRepository {

    static final String LOCK_DATA_VERSION = "SELECT version FROM data_version FOR UPDATE";
    static final String BUMP_DATA_VERSION = "UPDATE data_version SET version = version + 1 RETURNING version";
    static final String NOTIFY = "SELECT pg_notify('data_version', CAST(:version AS text))";
    static final String LAST_VERSION = "SELECT n FROM dataset_version ORDER BY n DESC LIMIT 1";
    /** Whether the live coded organisations differ from a version's (status edits since, an old dataset load). */
    static final String LIVE_DIFFERS_FROM_VERSION = """
            SELECT EXISTS (
                SELECT code, name_zh, township_zh, fortress_index, status, status_since, ST_AsBinary(geom)
                FROM organisation WHERE code IS NOT NULL
                EXCEPT SELECT code, name_zh, township_zh, fortress_index, status, status_since, ST_AsBinary(geom)
                FROM dataset_version_organisation WHERE version = :n)
            OR EXISTS (
                SELECT code FROM dataset_version_organisation WHERE version = :n
                EXCEPT SELECT code FROM organisation WHERE code IS NOT NULL)""";
    static final String INSERT_VERSION = """
            INSERT INTO dataset_version (n, kind, applied_by, applied_at, file_name, added, changed, removed, organisations)
            VALUES (:n, :kind, :by, :at, :file, :added, :changed, :removed,
                    (SELECT count(*) FROM organisation WHERE code IS NOT NULL))""";
    static final String SNAPSHOT = """
            INSERT INTO dataset_version_organisation (version, id, code, kind, name_zh, township_zh, district_code,
                fortress_index, status, status_since, geom, fortress_life, fortress_secretary, fortress_members,
                fortress_venue, fortress_funding, fortress_problems)
            SELECT :n, id, code, kind, name_zh, township_zh, district_code, fortress_index, status, status_since, geom,
                   fortress_life, fortress_secretary, fortress_members, fortress_venue, fortress_funding, fortress_problems
            FROM organisation WHERE code IS NOT NULL""";
    // ---- apply a staged import ----
    static final String RECORD_STATUS_CHANGES = """
            INSERT INTO organisation_status (organisation_id, valid_from, status)
            SELECT o.id, coalesce(r.status_since, :today), r.status
            FROM import_row r JOIN organisation o ON o.code = r.code
            WHERE r.batch_id = :id AND r.status IS NOT NULL AND r.status <> o.status
            ON CONFLICT (organisation_id, valid_from) DO UPDATE SET status = EXCLUDED.status""";
    static final String UPDATE_CHANGED = """
            UPDATE organisation o SET
                name_zh = coalesce(r.name_zh, o.name_zh),
                township_zh = coalesce(r.township_zh, o.township_zh),
                fortress_index = coalesce(r.fortress_index, o.fortress_index),
                -- A new index without its components leaves the components unknown (they must add up to it).
                fortress_life = CASE WHEN r.fortress_index IS NULL OR r.fortress_index = o.fortress_index THEN o.fortress_life END,
                fortress_secretary = CASE WHEN r.fortress_index IS NULL OR r.fortress_index = o.fortress_index THEN o.fortress_secretary END,
                fortress_members = CASE WHEN r.fortress_index IS NULL OR r.fortress_index = o.fortress_index THEN o.fortress_members END,
                fortress_venue = CASE WHEN r.fortress_index IS NULL OR r.fortress_index = o.fortress_index THEN o.fortress_venue END,
                fortress_funding = CASE WHEN r.fortress_index IS NULL OR r.fortress_index = o.fortress_index THEN o.fortress_funding END,
                fortress_problems = CASE WHEN r.fortress_index IS NULL OR r.fortress_index = o.fortress_index THEN o.fortress_problems END,
                status = coalesce(r.status, o.status),
                status_since = CASE WHEN r.status IS NOT NULL AND r.status <> o.status THEN coalesce(r.status_since, :today)
                                    ELSE coalesce(r.status_since, o.status_since) END,
                geom = coalesce(r.geom, o.geom)
            FROM import_row r
            WHERE r.batch_id = :id AND r.code = o.code AND """ + StagingRepository.CHANGED;
    static final String DELETE_REMOVED = """
            DELETE FROM organisation o
            WHERE :replace AND o.code IS NOT NULL AND (CAST(:scope AS text) IS NULL OR o.district_code = :scope)
              AND NOT EXISTS (SELECT 1 FROM import_row r WHERE r.batch_id = :id AND r.code = o.code)""";
    static final String INSERT_ADDED = """
            INSERT INTO organisation (code, kind, name_zh, township_zh, district_code, fortress_index, status,
                                      status_since, geom, synthetic)
            SELECT r.code, r.kind, r.name_zh, r.township_zh, r.district_code, r.fortress_index,
                   coalesce(r.status, 'normal'), coalesce(r.status_since, :today), r.geom, false
            FROM import_row r
            WHERE r.batch_id = :id AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = r.code)""";
    static final String HISTORY_OF_NEW = """
            INSERT INTO organisation_status (organisation_id, valid_from, status)
            SELECT o.id, o.status_since, o.status FROM organisation o
            WHERE NOT EXISTS (SELECT 1 FROM organisation_status s WHERE s.organisation_id = o.id)""";
    /** Whether any staged point moves its organisation (only then is the nearest-contact table redone). */
    static final String ANY_MOVED = """
            SELECT EXISTS (SELECT 1 FROM import_row r JOIN organisation o ON o.code = r.code
                           WHERE r.batch_id = :id AND r.geom IS NOT NULL AND NOT ST_DWithin(r.geom, o.geom, 0.000001))""";
    static final String MARK_APPLIED = "UPDATE import_batch SET state = 'applied' WHERE id = :id";
    /** An applied import's rows are in the version now: the staged copy goes. */
    static final String DROP_STAGED_ROWS = "DELETE FROM import_row WHERE batch_id = :id";
    // ---- restore a version ----
    static final String RESTORE_REMOVES_CONTACTS = """
            SELECT o.code, o.name_zh, count(*) FROM organisation o JOIN contact_point c ON c.organisation_id = o.id
            WHERE o.code IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM dataset_version_organisation s WHERE s.version = :n AND s.code = o.code)
            GROUP BY o.code, o.name_zh ORDER BY o.code""";
    static final String RESTORE_STATUS_CHANGES = """
            INSERT INTO organisation_status (organisation_id, valid_from, status)
            SELECT o.id, s.status_since, s.status
            FROM dataset_version_organisation s JOIN organisation o ON o.code = s.code
            WHERE s.version = :n AND s.status <> o.status
            ON CONFLICT (organisation_id, valid_from) DO UPDATE SET status = EXCLUDED.status""";
    static final String RESTORE_CHANGED = """
            UPDATE organisation o SET name_zh = s.name_zh, township_zh = s.township_zh, fortress_index = s.fortress_index,
                fortress_life = s.fortress_life, fortress_secretary = s.fortress_secretary,
                fortress_members = s.fortress_members, fortress_venue = s.fortress_venue,
                fortress_funding = s.fortress_funding, fortress_problems = s.fortress_problems,
                status = s.status, status_since = s.status_since, geom = s.geom
            FROM dataset_version_organisation s
            WHERE s.version = :n AND s.code = o.code
              AND (s.name_zh, s.township_zh, s.fortress_index, s.status, s.status_since, ST_AsBinary(s.geom),
                   s.fortress_life)
                  IS DISTINCT FROM (o.name_zh, o.township_zh, o.fortress_index, o.status, o.status_since,
                   ST_AsBinary(o.geom), o.fortress_life)""";
    static final String RESTORE_REMOVED = """
            DELETE FROM organisation o WHERE o.code IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM dataset_version_organisation s WHERE s.version = :n AND s.code = o.code)""";
    /** Brought back under its old number where that is free, so links by number still hold. */
    static final String RESTORE_ADDED = """
            INSERT INTO organisation (id, code, kind, name_zh, township_zh, district_code, fortress_index, status,
                status_since, geom, fortress_life, fortress_secretary, fortress_members, fortress_venue,
                fortress_funding, fortress_problems)
            SELECT CASE WHEN EXISTS (SELECT 1 FROM organisation x WHERE x.id = s.id)
                        THEN nextval(pg_get_serial_sequence('organisation', 'id')) ELSE s.id END,
                   s.code, s.kind, s.name_zh, s.township_zh, s.district_code, s.fortress_index, s.status,
                   s.status_since, s.geom, s.fortress_life, s.fortress_secretary, s.fortress_members, s.fortress_venue,
                   s.fortress_funding, s.fortress_problems
            FROM dataset_version_organisation s
            WHERE s.version = :n AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = s.code)""";
    static final String REFRESH_NEAREST = "DELETE FROM nearest_contact";
    static final String VERSIONS = """
            SELECT n, kind, applied_by, applied_at, file_name, added, changed, removed, organisations, entity
            FROM dataset_version ORDER BY n DESC""";
    static final String VERSION_EXISTS = "SELECT count(*) FROM dataset_version WHERE n = :n";

    record Counts(int added, int changed, int removed) {
    }

    private final JdbcClient jdbc;
    private final VersionSnapshots snapshots;

    VersionRepository(JdbcClient jdbc, VersionSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    long lockDataVersion() {
        return jdbc.sql(LOCK_DATA_VERSION).query(Long.class).single();
    }

    /** Keeps the live state as a version when no version holds it yet (before the first import, after edits). */
    void keepLiveStateIfUnversioned(String by, Instant at, String what) {
        Integer last = jdbc.sql(LAST_VERSION).query(Integer.class).optional().orElse(null);
        if (last != null && !jdbc.sql(LIVE_DIFFERS_FROM_VERSION).param("n", last).query(Boolean.class).single()
                && !snapshots.liveDiffers(last)) {
            return;
        }
        recordVersion("baseline", by, at, what, new Counts(0, 0, 0), ImportEntity.ORGANISATIONS);
    }

    Counts applyStaged(UUID id, boolean replace, @Nullable String scope, LocalDate today) {
        boolean moved = jdbc.sql(ANY_MOVED).param("id", id).query(Boolean.class).single();
        jdbc.sql(RECORD_STATUS_CHANGES).param("id", id).param("today", today).update();
        int changed = jdbc.sql(UPDATE_CHANGED).param("id", id).param("today", today).update();
        int removed = jdbc.sql(DELETE_REMOVED).param("id", id).param("replace", replace).param("scope", scope).update();
        int added = jdbc.sql(INSERT_ADDED).param("id", id).param("today", today).update();
        if (added > 0) {
            jdbc.sql(HISTORY_OF_NEW).update();
        }
        if (moved || added + removed > 0) {
            refreshNearestContacts();
        }
        jdbc.sql(MARK_APPLIED).param("id", id).update();
        jdbc.sql(DROP_STAGED_ROWS).param("id", id).update();
        return new Counts(added, changed, removed);
    }

    /**
     * Applies a staged leader, contact point, indicator value or status change file. The counts are the
     * preview's, taken in the same transaction (the data version is locked, so they still hold).
     */
    void applyRecords(ImportEntity entity, UUID id, boolean replace, @Nullable String scope) {
        for (String statement : RecordSql.apply(entity)) {
            jdbc.sql(statement).param("id", id).param("replace", replace).param("scope", scope).update();
        }
        if (entity == ImportEntity.CONTACT_POINTS) {
            refreshNearestContacts();
        }
        jdbc.sql(MARK_APPLIED).param("id", id).update();
        jdbc.sql(RecordStaging.DROP).param("id", id).update();
    }

    /**
     * Organisations a restore would remove that still have contact points: code, name, count. A complete
     * version brings its own contact points back, so nothing stands in its way.
     */
    List<List<String>> restoreWouldRemoveContacts(int n) {
        if (snapshots.complete(n)) {
            return List.of();
        }
        return jdbc.sql(RESTORE_REMOVES_CONTACTS).param("n", n)
                .query((rs, i) -> List.of(rs.getString(1).strip(), rs.getString(2), rs.getString(3))).list();
    }

    Counts restore(int n) {
        boolean complete = snapshots.complete(n);
        int contactsRemoved = complete ? snapshots.removeContactsNotIn(n) : 0;
        jdbc.sql(RESTORE_STATUS_CHANGES).param("n", n).update();
        int changed = jdbc.sql(RESTORE_CHANGED).param("n", n).update();
        int removed = jdbc.sql(RESTORE_REMOVED).param("n", n).update();
        int added = jdbc.sql(RESTORE_ADDED).param("n", n).update();
        if (added > 0) {
            jdbc.sql(HISTORY_OF_NEW).update();
        }
        Counts others = complete ? snapshots.restoreAfterOrganisations(n) : new Counts(0, 0, 0);
        if (added + changed + removed + contactsRemoved + others.added() + others.removed() > 0) {
            refreshNearestContacts();
        }
        return new Counts(added + others.added(), changed + others.changed(),
                removed + contactsRemoved + others.removed());
    }

    private void refreshNearestContacts() {
        jdbc.sql(REFRESH_NEAREST).update();
        jdbc.sql(DatasetLoader.NEAREST_CONTACTS).update();
    }

    int recordVersion(String kind, String by, Instant at, String file, Counts counts, ImportEntity entity) {
        Integer last = jdbc.sql(LAST_VERSION).query(Integer.class).optional().orElse(null);
        int n = last == null ? 1 : last + 1;
        jdbc.sql(INSERT_VERSION).param("n", n).param("kind", kind).param("by", by).param("at", Timestamp.from(at))
                .param("file", file).param("added", counts.added()).param("changed", counts.changed())
                .param("removed", counts.removed()).update();
        jdbc.sql(SNAPSHOT).param("n", n).update();
        snapshots.keep(n, entity.id);
        return n;
    }

    long bumpDataVersion() {
        long version = jdbc.sql(BUMP_DATA_VERSION).query(Long.class).single();
        jdbc.sql(NOTIFY).param("version", version).query((rs, i) -> 0).list();
        return version;
    }

    List<DatasetVersion> versions() {
        return jdbc.sql(VERSIONS).query((rs, i) -> new DatasetVersion(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), rs.getString(10))).list();
    }

    boolean exists(int n) {
        return jdbc.sql(VERSION_EXISTS).param("n", n).query(Long.class).single() > 0;
    }

    Optional<Integer> lastVersion() {
        return jdbc.sql(LAST_VERSION).query(Integer.class).optional();
    }
}
