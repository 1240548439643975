package org.jiuquan.grassroots.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The analyses as SQL; each builds its typed result from the rows PostGIS returns. Distances are metres. */
@Repository
public class AnalysisRepository {

    /** Each organisation's status at the end of a quarter, from its history (kept by V11's triggers). */
    static final String STATUS_AT_PERIOD_END = """
            status_at AS (
                SELECT organisation_id, status FROM organisation_period_status WHERE period = :period)""";

    /** The columns of an {@link AnalysedOrganisation}, from an organisation aliased {@code o}. */
    static final String ORGANISATION_COLUMNS = """
            o.code, o.name_zh, o.kind, o.district_code, CAST(o.fortress_index AS float8) AS fortress_index, o.status,
            ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat""";

    /**
     * Weak organisations (weak or being rectified at the quarter's end) with their DBSCAN cluster in UTM 47N
     * (null: noise), and one row per cluster with the convex hull of its members (WKB, lon/lat): in one statement,
     * so the members and the hulls come from the same clustering.
     */
    static final String WEAK_CLUSTERS = "WITH " + STATUS_AT_PERIOD_END + """
            ,
            o AS (
                SELECT o.id, o.code, o.name_zh, o.kind, o.district_code, o.fortress_index, st.status, o.geom,
                       ST_ClusterDBSCAN(ST_Transform(o.geom, 32647), eps => :metres, minpoints => :minCount)
                           OVER () AS cluster
                FROM organisation o JOIN status_at st ON st.organisation_id = o.id
                WHERE\s""" + OrganisationStatus.weakSql("st.status") + " AND " + OrganisationKind.branchSql("o.kind") + """
                )
            SELECT true AS is_cluster, cluster, count(*) AS members, string_agg(DISTINCT district_code, ',') AS districts,
                   ST_AsBinary(ST_ConvexHull(ST_Collect(geom))) AS hull,
                   NULL AS code, NULL AS name_zh, NULL AS kind, NULL AS district_code, NULL::float8 AS fortress_index,
                   NULL AS status, NULL::float8 AS lon, NULL::float8 AS lat
            FROM o WHERE cluster IS NOT NULL GROUP BY cluster
            UNION ALL
            SELECT false, cluster, NULL, NULL, NULL,\s""" + ORGANISATION_COLUMNS + """

            FROM o""";

    /**
     * Getis-Ord Gi* of the fortress index over villages and community grid branches, binary weights within a
     * distance band (each organisation its own neighbour), exact over pairs of organisations.
     */
    static final String HOT_SPOTS = """
            WITH points AS (
                SELECT id, code, name_zh, kind, district_code, status, fortress_index, CAST(fortress_index AS float8) AS x,
                       geom, ST_Transform(geom, 32647) AS utm
                FROM organisation WHERE\s""" + OrganisationKind.branchSql("kind") + """
                ),
            totals AS (SELECT count(*) AS n, avg(x) AS mean, sqrt(avg(x * x) - avg(x) * avg(x)) AS s FROM points),
            sums AS (
                SELECT a.id, sum(b.x) AS wx, count(*) AS w
                FROM points a JOIN organisation bo ON ST_DWithin(ST_Transform(bo.geom, 32647), a.utm, :metres)
                JOIN points b ON b.id = bo.id
                GROUP BY a.id),
            scores AS (
                SELECT o.*, s.w AS neighbours,
                       CASE WHEN t.s = 0 OR t.n <= s.w THEN 0
                            ELSE (s.wx - t.mean * s.w) / (t.s * sqrt((t.n * s.w - s.w * s.w) / (t.n - 1.0)))
                       END AS z
                FROM points o JOIN sums s ON s.id = o.id, totals t)
            SELECT\s""" + ORGANISATION_COLUMNS + """
            , o.neighbours, round(CAST(o.z AS numeric), 4) AS z
            FROM scores o ORDER BY o.z DESC, o.code""";

    /** Up to this many points, Gi* is computed exactly over point pairs; above, over cells. */
    static final long EXACT_GI_LIMIT = 20_000;

    /**
     * The grid cell (column, row) of each village and grid branch, {@code :cell} metres square in UTM 47N, from
     * the kept UTM coordinates (V77). No index can help a statement that reads every organisation: it costs one
     * sequential scan.
     */
    private static final String CELL_OF = """
            SELECT o.*, CAST(floor(utm_x / :cell) AS bigint) AS cx, CAST(floor(utm_y / :cell) AS bigint) AS cy
            FROM organisation o WHERE\s""" + OrganisationKind.branchSql("o.kind");

    /**
     * The binned Gi*'s input, aggregated by PostGIS: per occupied cell the count, sum and sum of squares of the
     * fortress index and the mean position (lon/lat). Tens of thousands of rows rather than every organisation.
     */
    static final String HOT_SPOT_CELLS = "WITH c AS (" + CELL_OF + """
            )
            SELECT cx, cy, count(*) AS n, sum(CAST(fortress_index AS float8)) AS sx,
                   sum(CAST(fortress_index AS float8) * CAST(fortress_index AS float8)) AS sxx,
                   avg(ST_X(geom)) AS lon, avg(ST_Y(geom)) AS lat
            FROM c GROUP BY cx, cy""";

    /** The organisations of the given cells ({@code :columns}, {@code :rows}: matching bigint array literals). */
    static final String ORGANISATIONS_IN_CELLS = "WITH c AS (" + CELL_OF + """
            )
            SELECT\s""" + ORGANISATION_COLUMNS + """
            , o.cx, o.cy
            FROM c o JOIN unnest(CAST(:columns AS bigint[]), CAST(:rows AS bigint[])) AS wanted(cx, cy)
                ON wanted.cx = o.cx AND wanted.cy = o.cy""";

    /**
     * Villages and community grid branches with no contact point within the distance, farthest first, with
     * the nearest contact point's organisation and leader: from nearest_contact, which the loader keeps
     * (nearest by UTM, measured on the spheroid).
     */
    static final String COVERAGE_GAPS = "SELECT " + ORGANISATION_COLUMNS + """
            , round(CAST(n.distance_m AS numeric), 0) AS nearest_m, co.name_zh AS nearest_organisation_zh, l.name_zh AS nearest_leader_zh,
              l.level AS nearest_leader_level, l.title_zh AS nearest_leader_title_zh,
              """ + PhoneVisibility.select("l.phone") + """
             AS nearest_leader_phone
            FROM nearest_contact n
            JOIN organisation o ON o.id = n.organisation_id
            JOIN organisation co ON co.id = n.contact_organisation_id
            JOIN LATERAL (SELECT lc.leader_id FROM contact_point lc WHERE lc.organisation_id = co.id
                          ORDER BY lc.leader_id LIMIT 1) first_contact ON true
            JOIN leader l ON l.id = first_contact.leader_id
            WHERE n.distance_m > :metres
            ORDER BY n.distance_m DESC, o.code""";

    /** An analysis may not hold a connection longer than this: a wide distance band on a large dataset could. */
    static final String TIME_LIMIT = "SET LOCAL statement_timeout = '30s'";
    /**
     * For the analysis' own transaction: no JIT (PostGIS functions' high costs make PostgreSQL compile a
     * statement that runs in under a second, which cost half a second more at x230), and memory enough to group
     * every organisation into cells in a hash table rather than sorting them on disk.
     */
    static final String NO_JIT = "SET LOCAL jit = off";
    static final String GROUPING_MEMORY = "SET LOCAL work_mem = '64MB'";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** {@link #EXACT_GI_LIMIT}; a test lowers it to see the binned path's cells on the small demo data. */
    private volatile long exactGiLimit = EXACT_GI_LIMIT;

    public AnalysisRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setReadOnly(true);
    }

    WeakClusters weakClusters(String period, double metres, int minCount) {
        List<WeakClusters.Cluster> clusters = new ArrayList<>();
        List<WeakClusters.Member> members = new ArrayList<>();
        limited(() -> jdbc.sql(WEAK_CLUSTERS).param("period", period).param("metres", metres)
                .param("minCount", minCount).query((rs, n) -> {
                    Integer cluster = rs.getObject("cluster") == null ? null : rs.getInt("cluster");
                    if (rs.getBoolean("is_cluster")) {
                        clusters.add(new WeakClusters.Cluster(rs.getInt("cluster"), rs.getLong("members"),
                                List.of(rs.getString("districts").split(",")), geometry(rs.getBytes("hull"))));
                    } else {
                        members.add(new WeakClusters.Member(organisation(rs), cluster));
                    }
                    return true;
                }).list());
        return new WeakClusters(clusters, members);
    }

    /**
     * Exact up to {@link #EXACT_GI_LIMIT} organisations, binned above. The cells' aggregate comes first and its
     * total decides: at large data a separate count would read every organisation once more.
     */
    HotSpots hotSpots(double metres) {
        List<BinnedGetisOrd.Cell> cells = cells(metres);
        long organisations = cells.stream().mapToLong(BinnedGetisOrd.Cell::count).sum();
        return organisations <= exactGiLimit ? hotSpotsExact(metres) : binned(cells, metres);
    }

    /** For tests only: above how many organisations hot spots are binned (restore {@link #EXACT_GI_LIMIT} after). */
    void exactGiLimit(long organisations) {
        this.exactGiLimit = organisations;
    }

    HotSpots hotSpotsExact(double metres) {
        List<HotSpots.Spot> spots = limited(() -> jdbc.sql(HOT_SPOTS).param("metres", metres).query((rs, n) ->
                new HotSpots.Spot(organisation(rs), rs.getLong("neighbours"), rs.getDouble("z"))).list());
        return new HotSpots(spots, List.of(), false, spots.size());
    }

    /**
     * Gi* over cells ({@link BinnedGetisOrd}): PostGIS sums each occupied cell, Java sums each cell's
     * neighbourhood from the cells, and the result holds the significant cells (90 % and above) only, without
     * their organisations ({@link #withOrganisations} reads those). At large data every organisation with its
     * score was a response of about 100 MB (x230), more than a browser can take, and most of it said "none".
     */
    HotSpots hotSpotsBinned(double metres) {
        return binned(cells(metres), metres);
    }

    private List<BinnedGetisOrd.Cell> cells(double metres) {
        return limited(() -> jdbc.sql(HOT_SPOT_CELLS).param("cell", BinnedGetisOrd.cellSize(metres)).query((rs, n) ->
                new BinnedGetisOrd.Cell(rs.getLong("cx"), rs.getLong("cy"), rs.getLong("n"), rs.getDouble("sx"),
                        rs.getDouble("sxx"), rs.getDouble("lon"), rs.getDouble("lat"))).list());
    }

    private static HotSpots binned(List<BinnedGetisOrd.Cell> cells, double metres) {
        List<HotSpots.Cell> significant = BinnedGetisOrd.scores(cells, metres).stream().filter(c -> c.significance() > 0)
                .sorted(Comparator.comparingDouble((HotSpots.Cell c) -> -c.z()).thenComparingLong(HotSpots.Cell::column)
                        .thenComparingLong(HotSpots.Cell::row))
                .toList();
        return new HotSpots(List.of(), significant, true, cells.stream().mapToLong(BinnedGetisOrd.Cell::count).sum());
    }

    /**
     * A binned run with the organisations of its significant cells, each with its cell's score, highest z first:
     * what the table and the files list.
     */
    HotSpots withOrganisations(HotSpots binned) {
        if (!binned.binned() || binned.cells().isEmpty()) {
            return binned;
        }
        Map<String, HotSpots.Cell> byKey = new HashMap<>();
        binned.cells().forEach(c -> byKey.put(c.column() + ":" + c.row(), c));
        String columns = binned.cells().stream().map(c -> String.valueOf(c.column())).collect(Collectors.joining(",", "{", "}"));
        String rows = binned.cells().stream().map(c -> String.valueOf(c.row())).collect(Collectors.joining(",", "{", "}"));
        List<HotSpots.Spot> spots = limited(() -> jdbc.sql(ORGANISATIONS_IN_CELLS)
                .param("cell", binned.cells().get(0).size()).param("columns", columns).param("rows", rows)
                .query((rs, n) -> {
                    HotSpots.Cell cell = byKey.get(rs.getLong("cx") + ":" + rs.getLong("cy"));
                    return new HotSpots.Spot(organisation(rs), cell == null ? 0 : cell.neighbours(),
                            cell == null ? 0 : cell.z());
                }).list());
        List<HotSpots.Spot> ordered = new ArrayList<>(spots);
        ordered.sort(Comparator.comparingDouble((HotSpots.Spot s) -> -s.z()).thenComparing(s -> s.organisation().code()));
        return new HotSpots(ordered, binned.cells(), true, binned.organisations());
    }

    CoverageGaps coverageGaps(double metres, PhoneVisibility phones) {
        return new CoverageGaps(limited(() -> jdbc.sql(COVERAGE_GAPS).param("metres", metres)
                .param(PhoneVisibility.PARAMETER, phones.full()).query((rs, n) -> new CoverageGaps.Gap(organisation(rs),
                        rs.getLong("nearest_m"), rs.getString("nearest_organisation_zh"), rs.getString("nearest_leader_zh"),
                        rs.getString("nearest_leader_level"), rs.getString("nearest_leader_title_zh"),
                        rs.getString("nearest_leader_phone"))).list()));
    }

    /** The organisations (by code) inside a drawn area, given as WKT in lon/lat; the outline counts as inside. */
    static final String CODES_COVERED_BY = """
            SELECT code FROM organisation
            WHERE code IS NOT NULL AND ST_Covers(ST_GeomFromText(:area, 4326), geom)""";

    Set<String> codesCoveredBy(String areaWkt) {
        return Set.copyOf(jdbc.sql(CODES_COVERED_BY).param("area", areaWkt).query(String.class).list());
    }

    private static AnalysedOrganisation organisation(ResultSet rs) throws SQLException {
        return new AnalysedOrganisation(rs.getString("code"), rs.getString("name_zh"), rs.getString("kind"),
                rs.getString("district_code"), rs.getDouble("fortress_index"), rs.getString("status"),
                rs.getDouble("lon"), rs.getDouble("lat"));
    }

    private static Geometry geometry(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote a hull JTS cannot read", e);
        }
    }

    /** Runs a query under the time limit; a query that exceeds it is cancelled by PostgreSQL. */
    private <T> T limited(Supplier<T> query) {
        T result = transactions.execute(status -> {
            jdbc.sql(TIME_LIMIT).update();
            jdbc.sql(NO_JIT).update();
            jdbc.sql(GROUPING_MEMORY).update();
            return query.get();
        });
        if (result == null) {
            throw new IllegalStateException("an analysis query returned nothing");
        }
        return result;
    }
}
