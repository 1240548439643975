package org.jiuquan.grassroots.analysis;

import java.util.List;

import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Repository;

/** The analyses as SQL; each returns GeoJSON features written by PostGIS. Distances are metres. */
@Repository
public class AnalysisRepository {

    /** Each organisation's status at the end of a quarter, from its history (kept by V11's triggers). */
    static final String STATUS_AT_PERIOD_END = """
            status_at AS (
                SELECT organisation_id, status FROM organisation_period_status WHERE period = :period)""";

    /**
     * Weak organisations (weak or being rectified at the quarter's end) with their DBSCAN cluster in UTM 47N
     * (null: noise), and one feature per cluster: the convex hull of its members.
     */
    static final String WEAK_CLUSTERS = "WITH " + STATUS_AT_PERIOD_END + """
            ,
            weak AS (
                SELECT o.id, o.code, o.name_zh, o.kind, o.district_code, o.fortress_index, st.status, o.geom,
                       ST_ClusterDBSCAN(ST_Transform(o.geom, 32647), eps => :metres, minpoints => :minCount)
                           OVER () AS cluster
                FROM organisation o JOIN status_at st ON st.organisation_id = o.id
                WHERE\s""" + OrganisationStatus.weakSql("st.status") + " AND " + OrganisationKind.branchSql("o.kind") + """
                )
            SELECT json_build_object('type', 'Feature', 'id', 'cluster-' || cluster,
                       'geometry', ST_AsGeoJSON(ST_ConvexHull(ST_Collect(geom)), 6)::json,
                       'properties', json_build_object('feature_type', 'cluster', 'cluster', cluster,
                           'count', count(*), 'districts', string_agg(DISTINCT district_code, ',')))::text
            FROM weak WHERE cluster IS NOT NULL GROUP BY cluster
            UNION ALL
            SELECT json_build_object('type', 'Feature', 'id', code,
                       'geometry', ST_AsGeoJSON(geom, 6)::json,
                       'properties', json_build_object('feature_type', 'organisation', 'code', code,
                           'name_zh', name_zh, 'kind', kind, 'district_code', district_code,
                           'fortress_index', fortress_index, 'status', status, 'cluster', cluster))::text
            FROM weak""";

    /**
     * Getis-Ord Gi* of the fortress index over villages and community grid branches, binary weights within a
     * distance band (each organisation its own neighbour), with the z-score and its significance class.
     */
    static final String HOT_SPOTS = """
            WITH points AS (
                SELECT id, code, name_zh, kind, district_code, status, CAST(fortress_index AS float8) AS x, geom,
                       ST_Transform(geom, 32647) AS utm
                FROM organisation WHERE\s""" + OrganisationKind.branchSql("kind") + """
                ),
            totals AS (SELECT count(*) AS n, avg(x) AS mean, sqrt(avg(x * x) - avg(x) * avg(x)) AS s FROM points),
            sums AS (
                SELECT a.id, sum(b.x) AS wx, count(*) AS w
                FROM points a JOIN organisation bo ON ST_DWithin(ST_Transform(bo.geom, 32647), a.utm, :metres)
                JOIN points b ON b.id = bo.id
                GROUP BY a.id),
            scores AS (
                SELECT p.*, s.w AS neighbours,
                       CASE WHEN t.s = 0 OR t.n <= s.w THEN 0
                            ELSE (s.wx - t.mean * s.w) / (t.s * sqrt((t.n * s.w - s.w * s.w) / (t.n - 1.0)))
                       END AS z
                FROM points p JOIN sums s ON s.id = p.id, totals t)
            SELECT json_build_object('type', 'Feature', 'id', code, 'geometry', ST_AsGeoJSON(geom, 6)::json,
                       'properties', json_build_object('code', code, 'name_zh', name_zh, 'kind', kind,
                           'district_code', district_code, 'fortress_index', x, 'status', status,
                           'neighbours', neighbours,
                           'z', round(CAST(z AS numeric), 4),
                           'significance', CASE WHEN abs(z) >= 2.576 THEN 99 WHEN abs(z) >= 1.960 THEN 95
                                                WHEN abs(z) >= 1.645 THEN 90 ELSE 0 END,
                           'spot', CASE WHEN abs(z) < 1.645 THEN 'none' WHEN z > 0 THEN 'hot' ELSE 'cold' END))::text
            FROM scores ORDER BY z DESC, code""";

    /** What the in-memory Gi* needs of each village and grid branch. */
    static final String HOT_SPOT_POINTS = """
            SELECT code, name_zh, kind, district_code, status, CAST(fortress_index AS float8) AS x,
                   ST_X(geom) AS lon, ST_Y(geom) AS lat, ST_X(utm) AS ux, ST_Y(utm) AS uy
            FROM (SELECT *, ST_Transform(geom, 32647) AS utm FROM organisation
                  WHERE\s""" + OrganisationKind.branchSql("kind") + """
                  ) o
            ORDER BY code""";
    static final String POINT_COUNT = "SELECT count(*) FROM organisation WHERE " + OrganisationKind.branchSql("kind");
    /** Up to this many points, Gi* is computed exactly over point pairs; above, over cells. */
    static final long EXACT_GI_LIMIT = 20_000;

    /**
     * Villages and community grid branches with no contact point within the distance, farthest first, with
     * the nearest contact point's organisation and leader: from nearest_contact, which the loader keeps
     * (nearest by UTM, measured on the spheroid).
     */
    static final String COVERAGE_GAPS = """
            SELECT json_build_object('type', 'Feature', 'id', o.code, 'geometry', ST_AsGeoJSON(o.geom, 6)::json,
                       'properties', json_build_object('code', o.code, 'name_zh', o.name_zh, 'kind', o.kind,
                           'district_code', o.district_code, 'fortress_index', o.fortress_index, 'status', o.status,
                           'nearest_m', round(CAST(n.distance_m AS numeric), 0),
                           'nearest_organisation_zh', co.name_zh, 'nearest_leader_zh', l.name_zh,
                           'nearest_leader_level', l.level, 'nearest_leader_title_zh', l.title_zh,
                           'nearest_leader_phone', """ + PhoneVisibility.select("l.phone") + """
                ))::text
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

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public AnalysisRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setReadOnly(true);
    }

    List<String> weakClusters(String period, double metres, int minCount) {
        return limited(() -> jdbc.sql(WEAK_CLUSTERS).param("period", period).param("metres", metres)
                .param("minCount", minCount).query(String.class).list());
    }

    List<String> hotSpots(double metres) {
        long points = jdbc.sql(POINT_COUNT).query(Long.class).single();
        return points <= EXACT_GI_LIMIT ? hotSpotsExact(metres) : hotSpotsBinned(metres, true);
    }

    List<String> hotSpotsExact(double metres) {
        return limited(() -> jdbc.sql(HOT_SPOTS).param("metres", metres).query(String.class).list());
    }

    /**
     * Gi* over cells ({@link BinnedGetisOrd}); the features are written here rather than by PostGIS. The
     * analysis returns only the significant spots (90 % and above): at large data every organisation with its
     * score was a response of about 100 MB (x230), more than a browser can take, and the rest are "none".
     */
    List<String> hotSpotsBinned(double metres, boolean significantOnly) {
        record Row(String code, String nameZh, String kind, String districtCode, String status, double x, double lon,
                   double lat, double ux, double uy) {
        }
        List<Row> rows = limited(() -> jdbc.sql(HOT_SPOT_POINTS).query(Row.class).list());
        List<BinnedGetisOrd.Score> scores = BinnedGetisOrd.scores(
                rows.stream().map(r -> new BinnedGetisOrd.Point(r.ux(), r.uy(), r.x())).toList(), metres);
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, rows.size()).boxed().toList());
        order.sort(java.util.Comparator.comparingDouble((Integer i) -> -scores.get(i).z())
                .thenComparing(i -> rows.get(i).code()));
        JsonMapper json = JsonMapper.shared();
        List<String> features = new java.util.ArrayList<>(rows.size());
        for (int i : order) {
            Row r = rows.get(i);
            double z = Math.round(scores.get(i).z() * 10_000) / 10_000.0;
            double size = Math.abs(z);
            int significance = size >= 2.576 ? 99 : size >= 1.960 ? 95 : size >= 1.645 ? 90 : 0;
            if (significantOnly && significance == 0) {
                continue;
            }
            String spot = significance == 0 ? "none" : z > 0 ? "hot" : "cold";
            var properties = new java.util.LinkedHashMap<String, Object>();
            properties.put("code", r.code());
            properties.put("name_zh", r.nameZh());
            properties.put("kind", r.kind());
            properties.put("district_code", r.districtCode());
            properties.put("fortress_index", r.x());
            properties.put("status", r.status());
            properties.put("neighbours", scores.get(i).neighbours());
            properties.put("z", z);
            properties.put("significance", significance);
            properties.put("spot", spot);
            properties.put("binned", true);
            features.add(json.writeValueAsString(java.util.Map.of("type", "Feature", "id", r.code(),
                    "geometry", java.util.Map.of("type", "Point", "coordinates", List.of(r.lon(), r.lat())),
                    "properties", properties)));
        }
        return features;
    }

    List<String> coverageGaps(double metres, PhoneVisibility phones) {
        return limited(() -> jdbc.sql(COVERAGE_GAPS).param("metres", metres)
                .param(PhoneVisibility.PARAMETER, phones.full()).query(String.class).list());
    }

    /** The organisations (by code) inside a drawn area, given as WKT in lon/lat; the outline counts as inside. */
    static final String CODES_COVERED_BY = """
            SELECT code FROM organisation
            WHERE code IS NOT NULL AND ST_Covers(ST_GeomFromText(:area, 4326), geom)""";

    java.util.Set<String> codesCoveredBy(String areaWkt) {
        return java.util.Set.copyOf(jdbc.sql(CODES_COVERED_BY).param("area", areaWkt).query(String.class).list());
    }

    /** Runs a query under the time limit; a query that exceeds it is cancelled by PostgreSQL. */
    private <T> List<T> limited(java.util.function.Supplier<List<T>> query) {
        return transactions.execute(status -> {
            jdbc.sql(TIME_LIMIT).update();
            return query.get();
        });
    }
}
