package org.jiuquan.grassroots.ogc;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Low-zoom point tiles from the grid-cell counts kept in PostGIS (V70, {@code tile_cell_count}) instead of
 * the points: a zoom-6 tile at 230 times the demo data counted up to 600,000 points per request, and sums a
 * few thousand kept rows here. The cells, their counts, weak counts and mean positions are those the live
 * aggregation (TileRepository) computes, so a tile looks the same either way.
 *
 * <p>A tile at zoom z is cut into 64 x 64 cells of a 64th of its side; the live query also counts the points
 * within the tile's buffer (64 of 4096 units), which is exactly one more cell on each side. In cell numbers
 * (floor(metres / cell), Web Mercator's origin in the middle of the world) tile column x spans cells
 * 64x - 32 * 2^z to 64x - 32 * 2^z + 63, and tile row y (counted from the top) cells 32 * 2^z - 64y - 64 to
 * 32 * 2^z - 64y - 1.
 */
final class TileCells {

    /** The highest zoom whose cells are kept (V70). */
    static final int MAX_ZOOM = 9;

    private static final String IN_TILE = """
            FROM tile_cell_count
            WHERE layer = :cells AND period = :period AND z = :z
              AND cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1""";
    static final String COUNT = "SELECT coalesce(sum(points), 0) " + IN_TILE + " %s";
    static final String AGGREGATED = """
            SELECT ST_AsMVT(t, :layer, 4096, 'geom') FROM (
                SELECT a.count, a.weak, true AS aggregated,
                       ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(a.x, a.y), 3857), ST_TileEnvelope(:z, :tx, :ty),
                                    4096, 64, true) AS geom
                FROM (SELECT sum(points) AS count,
                             coalesce(sum(points) FILTER (WHERE status IN ('weak', 'rectifying')), 0) AS weak,
                             sum(sum_x) / sum(points) AS x, sum(sum_y) / sum(points) AS y
                      """ + IN_TILE + """
                       %s
                      GROUP BY cx, cy) a) t""";

    /** The tile filters as conditions on the kept splits. */
    private static final Map<String, String> CONDITIONS = Map.of(
            "district", " AND district_code = :district",
            "status", " AND status = :status",
            "level", " AND leader_level = :level",
            "kind", " AND org_kind = :kind");

    private TileCells() {
    }

    static boolean kept(int z) {
        return z <= MAX_ZOOM;
    }

    /** How many points the tile and its buffer hold, as the live count would say (uncapped). */
    static long count(JdbcClient jdbc, Collection collection, int z, int x, int y, Map<String, String> filters,
                      String period) {
        return bind(jdbc.sql(COUNT.formatted(where(filters))), collection, z, x, y, filters, period)
                .query(Long.class).single();
    }

    /**
     * For a tile above zoom 9: at most how many points it and its buffer hold, from the zoom-9 cells that
     * cover them (which reach a little further). When that is few, the tile is made from its points at once,
     * without counting them first.
     */
    static long atMost(JdbcClient jdbc, Collection collection, int z, int x, int y, Map<String, String> filters,
                       String period) {
        // Side of a tile at zoom z in zoom-9 cells, and the world's half side (exact: powers of two).
        double side = 64 * Math.pow(2, MAX_ZOOM - z);
        double half = 32 << MAX_ZOOM;
        double margin = side / 64;
        return range(jdbc.sql(COUNT.formatted(where(filters))), collection, MAX_ZOOM,
                (long) Math.floor(x * side - half - margin), (long) Math.floor((x + 1) * side - half + margin),
                (long) Math.floor(half - (y + 1) * side - margin), (long) Math.floor(half - y * side + margin),
                filters, period)
                .query(Long.class).single();
    }

    /**
     * The statement of {@link #atMost}, with its zoom named {@code :cellZoom} so that it can stand inside a tile's
     * statement, whose {@code :z} is the tile's (TileRepository: one round trip for a tile above zoom 9).
     */
    static String atMostSql(Map<String, String> filters) {
        return COUNT.formatted(where(filters)).replace("z = :z", "z = :cellZoom");
    }

    /** Binds the parameters of {@link #atMostSql} (the filters are bound by the tile's statement). */
    static JdbcClient.StatementSpec bindAtMost(JdbcClient.StatementSpec statement, Collection collection, int z,
                                               int x, int y, String period) {
        double side = 64 * Math.pow(2, MAX_ZOOM - z);
        double half = 32 << MAX_ZOOM;
        double margin = side / 64;
        return statement.param("cells", cellsOf(collection)).param("period", period).param("cellZoom", MAX_ZOOM)
                .param("x0", (long) Math.floor(x * side - half - margin))
                .param("x1", (long) Math.floor((x + 1) * side - half + margin))
                .param("y0", (long) Math.floor(half - (y + 1) * side - margin))
                .param("y1", (long) Math.floor(half - y * side + margin));
    }

    private static String cellsOf(Collection collection) {
        return collection == Collection.CONTACT_POINTS ? "contact_point" : collection.organisationKind();
    }

    /** The aggregated tile, made from the kept cells. */
    static byte[] aggregated(JdbcClient jdbc, Collection collection, int z, int x, int y, Map<String, String> filters,
                             String period) {
        byte[] tile = bind(jdbc.sql(AGGREGATED.formatted(where(filters))), collection, z, x, y, filters, period)
                .param("layer", collection.id()).param("tx", x).param("ty", y)
                .query((rs, row) -> rs.getBytes(1)).optional().orElse(null);
        return tile == null ? new byte[0] : tile;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Collection collection, int z,
                                                 int x, int y, Map<String, String> filters, String period) {
        long half = 32L << z;
        return range(statement, collection, z, 64L * x - half - 1, 64L * x - half + 64, half - 64L * y - 65,
                half - 64L * y, filters, period);
    }

    /** Binds the cells from x0 to x1 and y0 to y1 (inclusive) of one zoom. */
    private static JdbcClient.StatementSpec range(JdbcClient.StatementSpec statement, Collection collection, int z,
                                                  long x0, long x1, long y0, long y1, Map<String, String> filters,
                                                  String period) {
        statement = statement.param("cells", collection == Collection.CONTACT_POINTS ? "contact_point"
                        : collection.organisationKind())
                .param("period", period).param("z", z)
                .param("x0", x0).param("x1", x1).param("y0", y0).param("y1", y1);
        for (var filter : filters.entrySet()) {
            statement = statement.param(filter.getKey(), filter.getValue());
        }
        return statement;
    }

    private static String where(Map<String, String> filters) {
        StringBuilder where = new StringBuilder();
        filters.keySet().forEach(name -> where.append(CONDITIONS.get(name)));
        return where.toString();
    }
}
