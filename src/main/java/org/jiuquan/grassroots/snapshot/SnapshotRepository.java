package org.jiuquan.grassroots.snapshot;

import java.util.List;

import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a snapshot draws, read from PostGIS in Web Mercator (EPSG:3857, as the browser map shows it):
 * district outlines simplified to the page's resolution, label points, and the points of each layer inside
 * the extent with the dashboard's filters.
 */
@Repository
public class SnapshotRepository {

    record DistrictShape(String code, String nameZh, String nameEn, Geometry outline, double labelX, double labelY) {
    }

    /**
     * A point; or, aggregated, a cell of points (count: how many; weak: any of them weak); or, for contact
     * points, one organisation's badge (count: how many leaders contact it).
     */
    record MapPoint(double x, double y, boolean weak, @Nullable String code, int count, boolean aggregated) {
    }

    /** A weak or rectifying organisation at a quarter's end, for a district's page of the meeting pack. */
    record WeakOrganisation(String nameZh, @Nullable String townshipZh, java.math.@Nullable BigDecimal fortressIndex,
                            String status, java.time.LocalDate since, double x, double y) {
    }

    /** Weak and rectifying organisations of a district at the period's end, from the status history, weakest first. */
    static final String WEAK_ORGANISATIONS = """
            SELECT o.name_zh, o.township_zh, o.fortress_index, s.status, s.status_since,
                   ST_X(o.geom_3857) AS x, ST_Y(o.geom_3857) AS y
            FROM organisation o
            JOIN organisation_period_status s ON s.organisation_id = o.id AND s.period = :period
            WHERE o.district_code = :district AND\s""" + OrganisationStatus.weakSql("s.status") + """

            ORDER BY o.fortress_index NULLS LAST, o.code""";

    /** An organisation's status at the end of the view's period. */
    private static final String STATUS = "(o.status_at ->> :period)";

    private final JdbcClient jdbc;

    SnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WeakOrganisation> weakOrganisations(String districtCode, String period) {
        return jdbc.sql(WEAK_ORGANISATIONS).param("district", districtCode).param("period", period)
                .query((rs, n) -> new WeakOrganisation(rs.getString("name_zh"), rs.getString("township_zh"),
                        rs.getBigDecimal("fortress_index"), rs.getString("status"),
                        rs.getObject("status_since", java.time.LocalDate.class), rs.getDouble("x"), rs.getDouble("y")))
                .list();
    }

    /** @param tolerance metres of simplification: about a quarter of what one device pixel covers */
    List<DistrictShape> districts(double tolerance) {
        return jdbc.sql("""
                SELECT code, name_zh, name_en,
                       ST_AsBinary(ST_SimplifyPreserveTopology(ST_Transform(outline, 3857), :tolerance)) AS outline,
                       ST_X(ST_Transform(coalesce(label_point, seat), 3857)) AS lx,
                       ST_Y(ST_Transform(coalesce(label_point, seat), 3857)) AS ly
                FROM district ORDER BY code""")
                .param("tolerance", tolerance)
                .query((rs, n) -> new DistrictShape(rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"), read(rs.getBytes("outline")), rs.getDouble("lx"), rs.getDouble("ly")))
                .list();
    }

    /**
     * The points of a layer inside the extent (3857), with the view's district, kind and status filters;
     * above {@code maxPoints} of them, one count per cell (square, of the given side in metres; x and y are
     * the cell's lower left corner) instead, as the browser's aggregated tiles show a dense layer (tens of
     * thousands of overlapping symbols say nothing, and would make a PDF of tens of MB). The cells are read
     * first: their counts say whether the points are few enough, so a dense layer costs one pass, not two.
     */
    List<MapPoint> points(String layer, DashboardState view, double[] extent3857, int maxPoints, double cell) {
        String from = from(layer);
        List<MapPoint> cells = bind(jdbc.sql("""
                SELECT floor(ST_X(o.geom_3857) / :cell) * :cell, floor(ST_Y(o.geom_3857) / :cell) * :cell, count(*),
                       bool_or(""" + OrganisationStatus.weakSql(STATUS) + """
                       )
                """ + from + """
                 GROUP BY 1, 2
                 ORDER BY count(*)"""), layer, view, extent3857)
                .param("cell", cell)
                .query((rs, n) -> new MapPoint(rs.getDouble(1), rs.getDouble(2), rs.getBoolean(4), null, rs.getInt(3),
                        true))
                .list();
        if (cells.stream().mapToLong(MapPoint::count).sum() > maxPoints) {
            return cells;
        }
        // One row per organisation: a contact point is a relation, drawn as a badge on its organisation
        // with the number of its leaders, never as a symbol of its own on top of the organisation.
        return bind(jdbc.sql("SELECT ST_X(o.geom_3857), ST_Y(o.geom_3857), " + STATUS + ", o.code, count(*) "
                        + from + " GROUP BY o.id"
                        // Weak ones last, so their rings are never hidden under a neighbour.
                        + " ORDER BY " + OrganisationStatus.weakSql(STATUS) + ", o.id"), layer, view, extent3857)
                .query((rs, n) -> new MapPoint(rs.getDouble(1), rs.getDouble(2),
                        OrganisationStatus.isWeak(rs.getString(3)), rs.getString(4),
                        rs.getInt(5), false))
                .list();
    }

    /**
     * The layer's points as of the view's period: statuses at its end (the copy on the organisation's row,
     * see V11), contact points established by then.
     */
    private static String from(String layer) {
        return (layer.equals("contact-points")
                ? "FROM contact_point c JOIN organisation o ON o.id = c.organisation_id"
                        + " WHERE c.established_on <= (SELECT ends_on FROM period WHERE code = :period)"
                : "FROM organisation o WHERE true")
                + " AND " + STATUS + " IS NOT NULL"
                + " AND o.geom_3857 && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 3857)"
                + " AND (CAST(:kind AS text) IS NULL OR o.kind = :kind)"
                + " AND (CAST(:district AS text) IS NULL OR o.district_code = :district)"
                + " AND (CAST(:status AS text) IS NULL OR " + STATUS + " = :status)";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String layer, DashboardState view,
                                                 double[] extent3857) {
        String kind = switch (layer) {
            case "villages" -> "village";
            case "grid-branches" -> "grid_branch";
            case "enterprises" -> "enterprise";
            case "social-organisations" -> "social_org";
            default -> view.kind();
        };
        return statement.param("minx", extent3857[0]).param("miny", extent3857[1])
                .param("maxx", extent3857[2]).param("maxy", extent3857[3])
                .param("kind", kind).param("district", view.district()).param("status", view.status())
                .param("period", view.period());
    }

    /** An organisation's position (3857) by its 12-digit code, to ring a selected one. */
    @Nullable MapPoint organisation(String code) {
        return jdbc.sql("SELECT ST_X(geom_3857), ST_Y(geom_3857), status, code FROM organisation WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new MapPoint(rs.getDouble(1), rs.getDouble(2), false, rs.getString(4), 1, false))
                .optional().orElse(null);
    }

    /** Whether any organisation or leader is synthetic (the demo): the footer then says so. */
    boolean anySynthetic() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation WHERE synthetic) OR EXISTS (SELECT 1 FROM leader WHERE synthetic)")
                .query(Boolean.class).single();
    }

    private static Geometry read(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote WKB that JTS cannot read", e);
        }
    }
}
