package org.jiuquan.grassroots.demodata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The set-based half of a dataset load. The triggers that keep derived tables in step with single changes
 * (statuses per quarter and on the organisation's row, V11; district counts, V11; tile cells, V70) cost far
 * more than the rows themselves when every row arrives at once: the organisations were written twice (first
 * without their statuses, then again by the history's trigger, with every index), and the cells were merged
 * from arrays of every row's deltas. A load holds those triggers back inside its transaction (no one else
 * sees that: the ALTERs are part of it) and does their work once, in this order:
 * <ol>
 * <li>organisations and their history are copied into temporary tables;</li>
 * <li>each organisation's status at every period's end is computed from the history (V11's rule);</li>
 * <li>the organisations go in once, with their statuses on their row;</li>
 * <li>the history and the period statuses go in as they are;</li>
 * <li>after the contact points: the tile cells (V71) and the district counts (V11), once.</li>
 * </ol>
 * Triggers not named here (the data version, township area changes, the typical fortress index) stay on:
 * they run once per statement.
 */
final class BulkLoad {

    /** table, trigger: the per-change work a load does once itself. */
    static final List<String[]> TRIGGERS_HELD_BACK = List.of(
            new String[] {"organisation", "organisations_inserted"},
            new String[] {"organisation", "organisations_deleted"},
            new String[] {"organisation", "organisations_move_tile_cells"},
            new String[] {"organisation", "organisations_leave_tile_cells"},
            new String[] {"organisation", "organisations_update_tile_cells"},
            new String[] {"organisation_status", "organisation_status_inserted"},
            new String[] {"organisation_status", "organisation_status_deleted"},
            new String[] {"contact_point", "contact_points_changed"},
            new String[] {"contact_point", "contact_points_enter_tile_cells"},
            new String[] {"contact_point", "contact_points_leave_tile_cells"});

    /** Same columns and types as the tables, no constraints: the constraints are checked when the rows go in. */
    static final String ORGANISATION_STAGE = """
            CREATE TEMPORARY TABLE organisation_load ON COMMIT DROP AS
            SELECT id, code, kind, name_zh, township_zh, district_code, fortress_index, status, status_since, geom,
                   fortress_life, fortress_secretary, fortress_members, fortress_venue, fortress_funding,
                   fortress_problems
            FROM organisation WITH NO DATA""";
    static final String COPY_ORGANISATIONS = "COPY organisation_load (id, code, kind, name_zh, township_zh, "
            + "district_code, fortress_index, status, status_since, geom, fortress_life, fortress_secretary, "
            + "fortress_members, fortress_venue, fortress_funding, fortress_problems) FROM STDIN";
    static final String STATUS_STAGE = """
            CREATE TEMPORARY TABLE organisation_status_load ON COMMIT DROP AS
            SELECT organisation_id, valid_from, status FROM organisation_status WITH NO DATA""";
    static final String COPY_STATUS = "COPY organisation_status_load (organisation_id, valid_from, status) FROM STDIN";
    /**
     * An organisation listed without a history is taken to have been in its current status since its
     * status_since: every period's status is read from the history (V11).
     */
    static final String HISTORY_FROM_CURRENT_STATUS = """
            INSERT INTO organisation_status_load (organisation_id, valid_from, status)
            SELECT o.id, o.status_since, o.status FROM organisation_load o
            WHERE NOT EXISTS (SELECT 1 FROM organisation_status_load h WHERE h.organisation_id = o.id)""";
    /**
     * V11's rule (refresh_organisation_period_status) for every organisation at once: at each period's end,
     * the latest status that had begun by then and the day it began, and whether it had ever been rectified;
     * no row before its first status.
     */
    static final String PERIOD_STATUS_STAGE = """
            CREATE TEMPORARY TABLE organisation_period_status_load ON COMMIT DROP AS
            SELECT p.code AS period, h.organisation_id, (array_agg(h.status ORDER BY h.valid_from DESC))[1] AS status,
                   max(h.valid_from) AS status_since, bool_or(h.status = 'rectified') AS ever_rectified
            FROM organisation_status_load h JOIN period p ON h.valid_from <= p.ends_on
            GROUP BY p.code, h.organisation_id""";
    /** The organisations, each once, with its statuses per period on its row (V11's status_at). */
    static final String INSERT_ORGANISATIONS = """
            INSERT INTO organisation (id, code, kind, name_zh, township_zh, district_code, fortress_index, status,
                                      status_since, geom, fortress_life, fortress_secretary, fortress_members,
                                      fortress_venue, fortress_funding, fortress_problems, status_at)
            SELECT o.id, o.code, o.kind, o.name_zh, o.township_zh, o.district_code, o.fortress_index, o.status,
                   o.status_since, o.geom, o.fortress_life, o.fortress_secretary, o.fortress_members, o.fortress_venue,
                   o.fortress_funding, o.fortress_problems, coalesce(s.status_at, '{}')
            FROM organisation_load o
            LEFT JOIN (SELECT organisation_id, jsonb_object_agg(period, status) AS status_at
                       FROM organisation_period_status_load GROUP BY organisation_id) s ON s.organisation_id = o.id
            ORDER BY o.id""";
    static final String INSERT_STATUS = """
            INSERT INTO organisation_status (organisation_id, valid_from, status)
            SELECT organisation_id, valid_from, status FROM organisation_status_load""";
    static final String INSERT_PERIOD_STATUS = """
            INSERT INTO organisation_period_status (period, organisation_id, status, status_since, ever_rectified)
            SELECT period, organisation_id, status, status_since, ever_rectified FROM organisation_period_status_load""";
    static final String DROP_STAGES = "DROP TABLE organisation_load, organisation_status_load, organisation_period_status_load";
    private BulkLoad() {
    }

    static void holdBackTriggers(Connection connection) throws SQLException {
        alterTriggers(connection, "DISABLE");
    }

    static void restoreTriggers(Connection connection) throws SQLException {
        alterTriggers(connection, "ENABLE");
    }

    private static void alterTriggers(Connection connection, String action) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String[] trigger : TRIGGERS_HELD_BACK) {
                statement.execute("ALTER TABLE " + trigger[0] + " " + action + " TRIGGER " + trigger[1]);
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
