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

    /** What the held-back triggers would have kept: the tile cells (V71) and the district counts (V11). */
    static final String DERIVED = """
            SELECT fill_tile_cell_counts();
            SELECT refresh_organisation_indicator_count(ARRAY(SELECT code FROM district))""";

    /**
     * As {@link DatasetLoader#NEAREST_CONTACTS}, for a whole load: the organisations with a contact point are
     * first put in a table of their own with their UTM position and an index on it, so each search looks
     * only among them and measures stored positions.
     */
    static final List<String> NEAREST_CONTACTS_AT_ONCE = List.of("""
            CREATE TEMPORARY TABLE contact_site ON COMMIT DROP AS
            SELECT co.id, co.geom, ST_Transform(co.geom, 32647) AS utm FROM organisation co
            WHERE EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = co.id)""",
            "CREATE INDEX ON contact_site USING gist (utm)",
            "ALTER TABLE contact_site ADD PRIMARY KEY (id)",
            "ANALYZE contact_site",
            // An organisation with a contact point of its own is its own nearest (0 m; another at the very same
            // place would do as well): half of the villages and grid branches need no search.
            """
            INSERT INTO nearest_contact (organisation_id, contact_organisation_id, distance_m)
            SELECT o.id, o.id, 0 FROM organisation o JOIN contact_site s ON s.id = o.id
            WHERE o.kind IN ('village', 'grid_branch')""",
            """
            INSERT INTO nearest_contact (organisation_id, contact_organisation_id, distance_m)
            SELECT o.id, n.id, ST_Distance(CAST(o.geom AS geography), CAST(n.geom AS geography))
            FROM organisation o
            CROSS JOIN LATERAL (SELECT s.id, s.geom FROM contact_site s
                                ORDER BY s.utm <-> ST_Transform(o.geom, 32647) LIMIT 1) n
            WHERE o.kind IN ('village', 'grid_branch')
              AND NOT EXISTS (SELECT 1 FROM contact_site s WHERE s.id = o.id)""",
            "DROP TABLE contact_site");

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
