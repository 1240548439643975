package org.jiuquan.grassroots.ogc;

import java.util.Map;

import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mapbox vector tiles made by PostGIS (ST_AsMVT) in WebMercatorQuad. A point tile whose bounds hold more
 * than {@code maxRawPoints} points (JIUQUAN_TILE_MAX_POINTS, 3000) is aggregated on a 64 x 64 grid (each feature a count), so that no
 * tile grows to megabytes at large data or low zoom; below that, every point is its own feature. Up to zoom 9
 * the counts come from cells kept by PostGIS (TileCells, V70), above it from the points.
 */
@Repository
class TileRepository {

    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    /** Side of a tile at zoom 0, in Web Mercator metres. */
    static final double WORLD_METRES = 40_075_016.685_578_5;

    /**
     * The tile's envelope in 3857 and, with a buffer margin, in the table's SRID so the index is used. The
     * margin is cut at the world's edge: at low zoom it would cross the antimeridian, and its longitudes would
     * wrap into an envelope that holds nothing.
     */
    static final String BOUNDS = """
            WITH bounds AS (
                SELECT ST_TileEnvelope(:z, :x, :y) AS env,
                       ST_Transform(ST_Intersection(ST_TileEnvelope(:z, :x, :y, margin => (64.0 / 4096)),
                                                    ST_TileEnvelope(0, 0, 0)), 4326) AS env4326)
            """;

    static final String DISTRICTS = BOUNDS + """
            SELECT ST_AsMVT(t, 'districts', 4096, 'geom') FROM (
                SELECT d.code, d.name_zh, d.name_en,
                       ST_AsMVTGeom(ST_Simplify(ST_Transform(d.outline, 3857), :pixel), b.env, 4096, 64, true) AS geom
                FROM district d, bounds b
                WHERE d.outline && b.env4326 %s) t
            WHERE t.geom IS NOT NULL""";

    /** Township areas, dashed on the map while approximate (V55). */
    static final String TOWNSHIPS = BOUNDS + """
            SELECT ST_AsMVT(t, 'townships', 4096, 'geom') FROM (
                SELECT tw.code, tw.name_zh, tw.district_code, a.approximate,
                       ST_AsMVTGeom(ST_Simplify(ST_Transform(a.area, 3857), :pixel), b.env, 4096, 64, true) AS geom
                FROM township tw JOIN township_area a ON a.code = tw.code, bounds b
                WHERE a.area && b.env4326 %s) t
            WHERE t.geom IS NOT NULL""";

    /**
     * An organisation's status at the end of the period, from the copy on its own row (V11): a tile of a
     * hundred thousand points joins no other table. Null: not recorded by then, so not on the map.
     */
    static final String STATUS = "(o.status_at ->> :period)";
    /** The organisations of one kind in a tile that have a status at the end of the period. */
    static final String ORGANISATIONS_IN_TILE = """
            FROM organisation o, bounds b
            WHERE o.kind = :kind AND o.geom && b.env4326 AND\s""" + STATUS + " IS NOT NULL";
    /** The contact points in a tile that exist by the end of the period. */
    static final String CONTACT_POINTS_IN_TILE = """
            FROM contact_point c JOIN organisation o ON o.id = c.organisation_id, bounds b
            WHERE o.geom && b.env4326 AND c.established_on <= (SELECT ends_on FROM period WHERE code = :period)
              AND\s""" + STATUS + " IS NOT NULL";

    static final String ORGANISATIONS_COUNT = BOUNDS + """
            SELECT count(*) FROM (
                SELECT 1
            """ + ORGANISATIONS_IN_TILE + " %s LIMIT :cap) s";
    /** Each organisation of a tile as a feature with its properties; {@code %s} takes the filters. */
    static final String ORGANISATION_POINTS = """
            SELECT o.id AS fid, o.code, o.kind, o.name_zh, o.district_code,
                   (o.status_at ->> :period) AS status,
                   (SELECT s.status_since FROM organisation_period_status s
                    WHERE s.organisation_id = o.id AND s.period = :period) AS status_since,
                   CAST(o.fortress_index AS float8) AS fortress_index,
                   (SELECT count(*) FROM contact_point c WHERE c.organisation_id = o.id) AS contact_points,
                   ST_AsMVTGeom(o.geom_3857, b.env, 4096, 64, true) AS geom
            """ + ORGANISATIONS_IN_TILE + " %s";
    static final String ORGANISATIONS_RAW = BOUNDS + "SELECT ST_AsMVT(t, :layer, 4096, 'geom', 'fid') FROM ("
            + ORGANISATION_POINTS + ") t";
    static final String ORGANISATIONS_AGGREGATED = aggregated(":layer", ORGANISATIONS_IN_TILE);

    static final String CONTACT_POINTS_COUNT = BOUNDS + """
            SELECT count(*) FROM (
                SELECT 1
            """ + CONTACT_POINTS_IN_TILE + " %s LIMIT :cap) s";
    /** Each contact point of a tile as a feature with its properties; {@code %s} takes the filters. */
    static final String CONTACT_POINT_POINTS = """
            SELECT c.id AS fid, l.name_zh AS leader_name_zh, l.level AS leader_level,
                   o.name_zh AS organisation_name_zh, o.kind AS organisation_kind,
                   (o.status_at ->> :period) AS organisation_status, o.district_code,
                   ST_AsMVTGeom(o.geom_3857, b.env, 4096, 64, true) AS geom
            """ + CONTACT_POINTS_IN_TILE.replace("FROM contact_point c", "FROM contact_point c JOIN leader l ON l.id = c.leader_id")
            + " %s";
    static final String CONTACT_POINTS_RAW = BOUNDS + "SELECT ST_AsMVT(t, 'contact-points', 4096, 'geom', 'fid') FROM ("
            + CONTACT_POINT_POINTS + ") t";
    static final String CONTACT_POINTS_AGGREGATED = aggregated("'contact-points'", CONTACT_POINTS_IN_TILE);

    private static final Map<String, String> ORGANISATION_CONDITIONS = Map.of(
            ItemsQuery.TOWNSHIP, FeatureRepository.IN_TOWNSHIP,
            "district", " AND o.district_code = :district",
            "status", " AND " + STATUS + " = :status");
    private static final Map<String, String> CONTACT_POINT_CONDITIONS = Map.of(
            ItemsQuery.TOWNSHIP, FeatureRepository.IN_TOWNSHIP,
            "district", " AND o.district_code = :district",
            "status", " AND " + STATUS + " = :status",
            // A subquery, so the leader table is read only when this filter is asked for.
            "level", " AND c.leader_id IN (SELECT l.id FROM leader l WHERE l.level = :level)",
            "kind", " AND o.kind = :kind");
    private static final Map<String, String> DISTRICT_CONDITIONS = Map.of("district", " AND d.code = :district");
    private static final Map<String, String> TOWNSHIP_CONDITIONS = Map.of("district", " AND tw.district_code = :district");

    /**
     * One feature per occupied cell of a 64 x 64 grid over the tile, at the mean position of its points,
     * with how many points it stands for and how many of them are weak. {@code %s} takes the filters.
     */
    private static String aggregated(String layer, String pointsInTile) {
        return BOUNDS + """
                SELECT ST_AsMVT(t, %s, 4096, 'geom') FROM (
                    SELECT a.count, a.weak, true AS aggregated,
                           ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(a.x, a.y), 3857), b.env, 4096, 64, true) AS geom
                    FROM bounds b, (
                        SELECT count(*) AS count,
                               count(*) FILTER (WHERE %s) AS weak,
                               avg(ST_X(o.geom_3857)) AS x, avg(ST_Y(o.geom_3857)) AS y
                        %s %%s
                        GROUP BY floor(ST_X(o.geom_3857) / :cell), floor(ST_Y(o.geom_3857) / :cell)) a) t"""
                .formatted(layer, OrganisationStatus.weakSql("(o.status_at ->> :period)"), pointsInTile);
    }

    private final int maxRawPoints;

    TileRepository(@Value("${jiuquan.tiles.max-raw-points}") int maxRawPoints) {
        this.maxRawPoints = maxRawPoints;
    }

    /**
     * A tile made in {@code jdbc}: the primary, or a replica (cluster.ReadDatabase). Dense point tiles up to
     * zoom 9 are summed from the kept grid-cell counts (TileCells), others counted from the points.
     */
    byte[] tile(JdbcClient jdbc, Collection collection, int z, int x, int y, Map<String, String> filters, String period) {
        return tile(jdbc, collection, z, x, y, filters, period, true);
    }

    /** The tile with every count made from the points themselves, as at high zoom (tests compare both ways). */
    byte[] tileCountedLive(JdbcClient jdbc, Collection collection, int z, int x, int y, Map<String, String> filters,
                           String period) {
        return tile(jdbc, collection, z, x, y, filters, period, false);
    }

    private byte[] tile(JdbcClient jdbc, Collection collection, int z, int x, int y, Map<String, String> filters,
                        String period, boolean fromCells) {
        double tileMetres = WORLD_METRES / Math.pow(2, z);
        // The kept cells are not split by township; a township is small, so its tiles are made from its points.
        fromCells = fromCells && !filters.containsKey(ItemsQuery.TOWNSHIP);
        return switch (collection) {
            case DISTRICTS -> {
                String sql = DISTRICTS.formatted(where(DISTRICT_CONDITIONS, filters));
                yield run(bind(jdbc.sql(sql), z, x, y, filters).param("pixel", tileMetres / EXTENT));
            }
            case TOWNSHIPS -> {
                // township_area as it is: rebuilt in the background when the data moves it (TownshipAreas, V60).
                String sql = TOWNSHIPS.formatted(where(TOWNSHIP_CONDITIONS, filters));
                yield run(bind(jdbc.sql(sql), z, x, y, filters).param("pixel", tileMetres / EXTENT));
            }
            case CONTACT_POINTS -> fromCells
                    ? fromCells(jdbc, CONTACT_POINTS_RAW, CONTACT_POINTS_AGGREGATED,
                    CONTACT_POINT_CONDITIONS, null, collection, z, x, y, filters, period)
                    : points(jdbc, CONTACT_POINTS_COUNT, CONTACT_POINTS_RAW, CONTACT_POINTS_AGGREGATED,
                    CONTACT_POINT_CONDITIONS, null, collection, z, x, y, filters, period);
            default -> fromCells
                    ? fromCells(jdbc, ORGANISATIONS_RAW, ORGANISATIONS_AGGREGATED,
                    ORGANISATION_CONDITIONS, collection.organisationKind(), collection, z, x, y, filters, period)
                    : points(jdbc, ORGANISATIONS_COUNT, ORGANISATIONS_RAW, ORGANISATIONS_AGGREGATED,
                    ORGANISATION_CONDITIONS, collection.organisationKind(), collection, z, x, y, filters, period);
        };
    }

    /**
     * A point tile that asks the kept cells how many points it holds. Up to zoom 9 their count is exact: the
     * tile is aggregated from them, or made of every point when few. Above, the zoom-9 cells around the tile
     * bound the count: when that bound is few, the tile is made of its points at once, as the raw floor, else
     * the points are counted; either way in one statement (highZoom).
     */
    private byte[] fromCells(JdbcClient jdbc, String rawSql, String aggregatedSql,
                             Map<String, String> conditions, @Nullable String kind, Collection collection, int z,
                             int x, int y, Map<String, String> filters, String period) {
        if (!TileCells.kept(z)) {
            return collection == Collection.CONTACT_POINTS
                    ? highZoom(jdbc, CONTACT_POINT_POINTS, "'contact-points'", aggregatedSql, conditions, kind,
                    collection, z, x, y, filters, period)
                    : highZoom(jdbc, ORGANISATION_POINTS, ":layer", aggregatedSql, conditions, kind, collection, z, x,
                    y, filters, period);
        }
        if (TileCells.count(jdbc, collection, z, x, y, filters, period) > maxRawPoints) {
            return TileCells.aggregated(jdbc, collection, z, x, y, filters, period);
        }
        return pointTile(jdbc, rawSql, where(conditions, filters), kind, collection, z, x, y, filters, period, false);
    }

    /**
     * A tile above zoom 9 in one statement, one round trip, its points read once: they are taken (at most one
     * over the threshold) into {@code points}, and the tile is made of them when the zoom-9 cells bound them to
     * few, or when there prove to be few; else it is aggregated. PostgreSQL evaluates the uncorrelated
     * subqueries and the CTE only when first needed and the OR from the left, so when the bound is few this
     * reads what the raw floor reads, and the branch not taken costs nothing.
     */
    private byte[] highZoom(JdbcClient jdbc, String pointsSql, String layer, String aggregatedSql,
                            Map<String, String> conditions, @Nullable String kind, Collection collection, int z, int x,
                            int y, Map<String, String> filters, String period) {
        String where = where(conditions, filters);
        String sql = BOUNDS + ", points AS MATERIALIZED (" + pointsSql.formatted(where) + " LIMIT :cap)\n"
                + "SELECT CASE WHEN (" + TileCells.atMostSql(filters) + ") <= :max"
                + " OR (SELECT count(*) FROM points) <= :max"
                + " THEN (SELECT ST_AsMVT(t, " + layer + ", 4096, 'geom', 'fid') FROM points t)"
                + " ELSE (" + aggregatedSql.formatted(where) + ") END";
        var tile = bind(jdbc.sql(sql), z, x, y, filters).param("layer", collection.id()).param("period", period)
                .param("max", maxRawPoints).param("cap", maxRawPoints + 1)
                .param("cell", WORLD_METRES / Math.pow(2, z) / 64);
        if (kind != null) {
            tile = tile.param("kind", kind);
        }
        return run(TileCells.bindAtMost(tile, collection, z, x, y, period));
    }

    private byte[] points(JdbcClient jdbc, String countSql, String rawSql, String aggregatedSql,
                          Map<String, String> conditions, @Nullable String kind, Collection collection, int z, int x,
                          int y, Map<String, String> filters,
                          String period) {
        String where = where(conditions, filters);
        var count = bind(jdbc.sql(countSql.formatted(where)), z, x, y, filters).param("cap", maxRawPoints + 1)
                .param("period", period);
        if (kind != null) {
            count = count.param("kind", kind);
        }
        boolean aggregate = count.query(Long.class).single() > maxRawPoints;
        return pointTile(jdbc, aggregate ? aggregatedSql : rawSql, where, kind, collection, z, x, y, filters, period,
                aggregate);
    }

    private static byte[] pointTile(JdbcClient jdbc, String sql, String where, @Nullable String kind,
                                    Collection collection, int z, int x, int y, Map<String, String> filters,
                                    String period, boolean aggregate) {
        var tile = bind(jdbc.sql(sql.formatted(where)), z, x, y, filters)
                .param("layer", collection.id()).param("period", period);
        if (kind != null) {
            tile = tile.param("kind", kind);
        }
        if (aggregate) {
            tile = tile.param("cell", WORLD_METRES / Math.pow(2, z) / 64);
        }
        return run(tile);
    }

    private static String where(Map<String, String> conditions, Map<String, String> filters) {
        StringBuilder where = new StringBuilder();
        filters.keySet().forEach(name -> where.append(conditions.get(name)));
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, int z, int x, int y,
                                                 Map<String, String> filters) {
        statement = statement.param("z", z).param("x", x).param("y", y);
        for (var filter : filters.entrySet()) {
            statement = statement.param(filter.getKey(), filter.getValue());
        }
        return statement;
    }

    private static byte[] run(JdbcClient.StatementSpec statement) {
        byte[] tile = statement.query((rs, row) -> rs.getBytes(1)).optional().orElse(null);
        return tile == null ? new byte[0] : tile;
    }
}
