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
 * <li>each organisation's status at every period's end is computed from the history (V11's rule, in
 * {@link PeriodStatuses});</li>
 * <li>the organisations are copied in once, with their statuses on their row ({@link OrganisationCopy});</li>
 * <li>the history and the period statuses are copied in as they are;</li>
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
