package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * The second half of a dataset load, once every row is in: the check that each organisation lies in its
 * district, and the tables derived from the rows (nearest contacts, tile cells, district counts), each
 * computed once for the whole dataset; then fresh planner statistics after the commit.
 */
final class DerivedTables {

    /**
     * District by district (each outline tested against all its organisations in a row, so PostGIS prepares
     * it once), with the outline taken out of its TOAST storage once per district: read straight from the
     * table, every test unpacked the whole outline again (a few thousand vertices: 5.5 s of 5.5 s at 230 times
     * the demo data). {@code ST_Multi} of a multipolygon is the same shape, as a value in memory; the
     * {@code OFFSET 0}s keep the planner from turning the district loop back into a join of all rows.
     */
    static final String POINTS_OUTSIDE_THEIR_DISTRICT = """
            SELECT o.id, o.name_zh FROM (SELECT code, ST_Multi(outline) AS outline FROM district OFFSET 0) d
            CROSS JOIN LATERAL (SELECT o.id, o.name_zh FROM organisation o
                                WHERE o.district_code = d.code AND NOT ST_Intersects(o.geom, d.outline) OFFSET 0) o
            ORDER BY o.id LIMIT 5""";
    /**
     * What the search of {@link DatasetLoader#NEAREST_CONTACTS} needs, in id order: each organisation's stored
     * UTM position (V77: the same {@code ST_Transform(geom, 32647)} the search orders by), whether it
     * searches (villages and grid branches) and whether it has a contact point (is a site).
     */
    static final String SEARCHERS_AND_SITES = """
            SELECT o.id, o.utm_x, o.utm_y, o.kind IN ('village', 'grid_branch') AS searches,
                   EXISTS (SELECT 1 FROM contact_point c WHERE c.organisation_id = o.id) AS site
            FROM organisation o ORDER BY o.id""";
    static final String NEAREST_PAIRS = """
            CREATE TEMPORARY TABLE nearest_contact_load (organisation_id bigint, contact_organisation_id bigint)
            ON COMMIT DROP""";
    static final String COPY_NEAREST_PAIRS = "COPY nearest_contact_load (organisation_id, contact_organisation_id) FROM STDIN";
    /** The distance as the plain search measures it (on the spheroid); 0 for an organisation's own contact point. */
    static final String INSERT_NEAREST_CONTACTS = """
            INSERT INTO nearest_contact (organisation_id, contact_organisation_id, distance_m)
            SELECT p.organisation_id, p.contact_organisation_id,
                   CASE WHEN p.organisation_id = p.contact_organisation_id THEN 0
                        ELSE ST_Distance(CAST(o.geom AS geography), CAST(c.geom AS geography)) END
            FROM nearest_contact_load p
            JOIN organisation o ON o.id = p.organisation_id
            JOIN organisation c ON c.id = p.contact_organisation_id
            ORDER BY p.organisation_id""";
    /**
     * What the held-back triggers would have kept: the tile cells (V71, V83) and the district counts (V11). The
     * cells' key is built after them unless the load runs while the app serves maps (V83).
     */
    static final String TILE_CELLS = "SELECT fill_tile_cell_counts(?)";
    static final String DISTRICT_COUNTS = "SELECT refresh_organisation_indicator_count(ARRAY(SELECT code FROM district))";

    private DerivedTables() {
    }

    /** Refuses the dataset (nothing is written: the caller rolls back) if any organisation lies outside its district. */
    static void rejectPointsOutsideTheirDistrict(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(POINTS_OUTSIDE_THEIR_DISTRICT)) {
            List<String> outside = new ArrayList<>();
            while (rs.next()) {
                outside.add(rs.getLong(1) + " " + rs.getString(2));
            }
            if (!outside.isEmpty()) {
                throw new DatasetException("组织的位置不在其所属区县内 / organisations located outside their district: "
                        + String.join(", ", outside));
            }
        }
    }

    /**
     * The nearest organisation with a contact point for every village and grid branch, as
     * {@link DatasetLoader#NEAREST_CONTACTS} defines it (smallest UTM distance), searched here in memory
     * ({@link NearestSites}) rather than by one index search per row; the distances are then measured by
     * PostGIS, as the plain search measures them. An organisation with a contact point of its own is its own
     * nearest (0 m), as the plain search finds it. Of two equally near, the one with the smaller id is named.
     */
    static void nearestContacts(Connection connection) throws SQLException, IOException {
        List<Searcher> searchers = new ArrayList<>();
        long[] ids = new long[1024];
        double[] xs = new double[1024];
        double[] ys = new double[1024];
        int sites = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(50_000);
            try (ResultSet rs = statement.executeQuery(SEARCHERS_AND_SITES)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    double x = rs.getDouble(2);
                    double y = rs.getDouble(3);
                    boolean site = rs.getBoolean(5);
                    if (site) {
                        if (sites == ids.length) {
                            ids = Arrays.copyOf(ids, sites * 2);
                            xs = Arrays.copyOf(xs, sites * 2);
                            ys = Arrays.copyOf(ys, sites * 2);
                        }
                        ids[sites] = id;
                        xs[sites] = x;
                        ys[sites] = y;
                        sites++;
                    }
                    if (rs.getBoolean(4)) {
                        searchers.add(new Searcher(id, x, y, site));
                    }
                }
            }
        }
        NearestSites nearest = new NearestSites(Arrays.copyOf(ids, sites), Arrays.copyOf(xs, sites), Arrays.copyOf(ys, sites));
        StringBuilder rows = new StringBuilder();
        for (Searcher s : searchers) {
            long contact = s.ownSite() ? s.id() : nearest.nearest(s.x(), s.y());
            if (contact >= 0) {
                CopyText.row(rows, s.id(), contact);
            }
        }
        BulkLoad.execute(connection, NEAREST_PAIRS);
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_NEAREST_PAIRS, new StringReader(rows.toString()));
        BulkLoad.execute(connection, INSERT_NEAREST_CONTACTS);
        BulkLoad.execute(connection, "DROP TABLE nearest_contact_load");
    }

    /** A village or grid branch looking for its nearest contact point, at its UTM position. */
    private record Searcher(long id, double x, double y, boolean ownSite) {
    }

    /**
     * Statistics of the tables just filled, before the tile cells and district counts are computed from them.
     * Without them the planner knows only the row counts the index builds left, not how the values spread: at
     * 230 times the demo the cells and counts took 10.7-11.1 s that way, and 7.2-7.9 s after this ANALYZE of
     * 0.65 s (StartupBenchmark "230 loads=2"). ANALYZE inside the load's transaction samples the load's own
     * rows and takes no lock that readers wait for, so a load while serving does it as well.
     */
    static void analyseLoadedTables(Connection connection) throws SQLException {
        BulkLoad.execute(connection, "ANALYZE organisation, contact_point, leader, organisation_period_status");
    }

    static void tileCellsAndDistrictCounts(Connection connection, boolean whileServing) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TILE_CELLS)) {
            statement.setBoolean(1, !whileServing);
            statement.execute();
        }
        BulkLoad.execute(connection, DISTRICT_COUNTS);
    }

    /**
     * Fresh statistics for the planner, after the commit. A load into emptied tables (TRUNCATE) leaves no dead
     * rows since every organisation is written once (BulkLoad), so ANALYZE is enough there; a load while
     * serving deletes every old row first, and VACUUM takes those away before tiles have to read past them.
     */
    static String analyse(Connection connection, boolean afterRowDeletes) throws SQLException {
        String command = afterRowDeletes ? "VACUUM (ANALYZE)" : "ANALYZE";
        try (Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
        return command;
    }
}
