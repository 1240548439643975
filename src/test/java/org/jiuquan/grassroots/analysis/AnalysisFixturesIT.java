package org.jiuquan.grassroots.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jiuquan.grassroots.web.ApiProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyses on small hand-built layouts whose answers are known, in a database of their own (the same
 * schema, migrated by Flyway) in the test cluster.
 */
@PostgisIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisFixturesIT {

    /** One kilometre, in degrees, around 40N. */
    static final double KM_LAT = 1 / 111.0;
    static final double KM_LON = 1 / (111.32 * Math.cos(Math.toRadians(40)));

    @Autowired
    LocalPostgis cluster;
    @Autowired
    IndicatorService indicators;
    @Autowired
    org.jiuquan.grassroots.security.CurrentUser currentUser;
    JdbcClient fixtures;
    AnalysisService analysis;
    long nextId = 1;

    @BeforeAll
    void buildTheFixtureDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), cluster.username(), cluster.password())) {
            c.createStatement().execute("DROP DATABASE IF EXISTS analysis_fixtures");
            c.createStatement().execute("CREATE DATABASE analysis_fixtures");
        }
        var dataSource = new DriverManagerDataSource(cluster.jdbcUrl().replace("/jiuquan", "/analysis_fixtures"),
                cluster.username(), cluster.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        fixtures = JdbcClient.create(dataSource);
        fixtures.sql("""
                INSERT INTO district (code, name_zh, name_en, seat_name_zh, seat_name_en, outline, seat)
                VALUES ('620902', '测试区', 'Test District', '测试镇', 'Test Town',
                        ST_Multi(ST_MakeEnvelope(98, 39.5, 99.5, 40.5, 4326)), ST_SetSRID(ST_MakePoint(98.5, 40), 4326))""")
                .update();
        buildLayout();
        fixtures.sql(org.jiuquan.grassroots.demodata.DatasetLoader.NEAREST_CONTACTS).update();
        analysis = new AnalysisService(new AnalysisRepository(fixtures,
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource)), indicators, currentUser,
                () -> org.jiuquan.grassroots.datachanges.DataVersionListener.UNKNOWN);
    }

    /**
     * Weak organisations: four within a few hundred metres near (98.2, 39.8), three near (98.8, 40.2), one
     * alone at (98.5, 40.4); a normal and a rectified organisation inside the first group. A 5 x 5 grid of
     * villages 1 km apart at (99.1, 39.7) for hot spots. Contact points at the grid's corner (99.1, 39.7)
     * and at the first group.
     */
    private void buildLayout() {
        for (int i = 0; i < 4; i++) {
            organisation(98.2 + i * 0.002, 39.8, 40, "weak");
        }
        for (int i = 0; i < 3; i++) {
            organisation(98.8, 40.2 + i * 0.002, 45, "rectifying");
        }
        organisation(98.5, 40.4, 50, "weak");
        long normal = organisation(98.201, 39.801, 80, "normal");
        organisation(98.203, 39.801, 70, "rectified");
        long leader = fixtures.sql("INSERT INTO leader (name_zh, level, title_zh, district_code, phone) "
                + "VALUES ('王测试', 'county', '区委常委', '620902', '13800000000') RETURNING id").query(Long.class).single();
        contactPoint(leader, normal);
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 5; col++) {
                long id = organisation(99.1 + col * KM_LON, 39.7 + row * KM_LAT, gridValue(row, col), "normal");
                if (row == 0 && col == 0) {
                    contactPoint(leader, id);
                }
            }
        }
    }

    /** High in the grid's top-right corner, low elsewhere. */
    static double gridValue(int row, int col) {
        return row >= 3 && col >= 3 ? 95 : 50 + ((row * 5 + col) % 4) * 2;
    }

    @Test
    void dbscanFindsTheTwoGroupsAndLeavesTheLoneOrganisationAsNoise() {
        List<JsonNode> features = parse(analysis.weakClusters("2017Q1", 2, 3));
        WeakClusters typed = analysis.weakClusters("2017Q1", 2, 3);
        assertThat(typed.clusters()).extracting(WeakClusters.Cluster::count).containsExactlyInAnyOrder(4L, 3L);
        // Each hull (here a line: the fixtures' groups stand in a row) covers its members.
        var points = new org.locationtech.jts.geom.GeometryFactory();
        assertThat(typed.clusters()).allSatisfy(c -> assertThat(typed.members()).filteredOn(m -> Integer.valueOf(c.number())
                .equals(m.cluster())).hasSize((int) c.count()).allSatisfy(m -> assertThat(c.hull().buffer(1e-9).covers(
                        points.createPoint(new org.locationtech.jts.geom.Coordinate(m.organisation().lon(),
                                m.organisation().lat())))).isTrue()));
        List<JsonNode> clusters = features.stream().filter(f -> type(f).equals("cluster")).toList();
        assertThat(clusters).extracting(c -> c.path("properties").path("count").asInt()).containsExactlyInAnyOrder(4, 3);
        List<JsonNode> members = features.stream().filter(f -> type(f).equals("organisation")).toList();
        // Normal and rectified organisations are not weak: eight weak ones in all.
        assertThat(members).hasSize(8);
        assertThat(members.stream().filter(m -> m.path("properties").path("cluster").isNull())).hasSize(1);

        List<JsonNode> stricter = parse(analysis.weakClusters("2017Q1", 2, 4));
        assertThat(stricter.stream().filter(f -> type(f).equals("cluster"))).hasSize(1);
    }

    @Test
    void hotSpotZScoresEqualAnIndependentComputation() {
        Map<String, Double> z = new HashMap<>();
        Map<String, Integer> significance = new HashMap<>();
        for (JsonNode f : parse(analysis.hotSpots(1.2))) {
            assertThat(f.path("properties").path("spot").asString()).isIn("hot", "cold", "none");
            z.put(f.path("id").asString(), f.path("properties").path("z").asDouble());
            significance.put(f.path("id").asString(), f.path("properties").path("significance").asInt());
        }
        // Every organisation's value, and its neighbours: within 1.2 km means itself and the grid's
        // orthogonal neighbours; the weak groups' members are each other's neighbours.
        List<double[]> points = fixtures.sql("""
                SELECT ST_X(geom), ST_Y(geom), CAST(fortress_index AS float8) FROM organisation ORDER BY id""")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)}).list();
        List<String> codes = fixtures.sql("SELECT code FROM organisation ORDER BY id").query(String.class).list();
        int n = points.size();
        double mean = points.stream().mapToDouble(p -> p[2]).average().orElseThrow();
        double s = Math.sqrt(points.stream().mapToDouble(p -> p[2] * p[2]).average().orElseThrow() - mean * mean);
        for (int i = 0; i < n; i++) {
            double wx = 0;
            int w = 0;
            for (double[] other : points) {
                if (kilometres(points.get(i), other) <= 1.2) {
                    wx += other[2];
                    w++;
                }
            }
            double expected = (wx - mean * w) / (s * Math.sqrt((n * (double) w - w * w) / (n - 1.0)));
            assertThat(z.get(codes.get(i))).as(codes.get(i)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
        }
        // The corner of high values is a hot spot.
        String corner = codes.get(codes.size() - 1);
        assertThat(z.get(corner)).isPositive();
        assertThat(significance.get(corner)).isGreaterThanOrEqualTo(90);
    }

    @Test
    void binnedHotSpotsForLargeDataAgreeWithTheExactOnes(@Autowired JdbcClient demo,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        // On the demo data (1,280 points), compare the cell-based Gi* used above 20,000 points with the exact one.
        AnalysisRepository repository = new AnalysisRepository(demo, transactions);
        HotSpots exactRun = repository.hotSpotsExact(5000);
        Map<String, Double> exact = zScores(exactRun);
        HotSpots binnedRun = repository.hotSpotsBinned(5000);

        // What the map receives at large data: the significant cells only, and none of the organisations yet.
        assertThat(binnedRun.binned()).isTrue();
        assertThat(binnedRun.spots()).isEmpty();
        assertThat(binnedRun.organisations()).isEqualTo(exactRun.organisations());
        assertThat(binnedRun.cells()).isNotEmpty()
                .allSatisfy(c -> assertThat(Math.abs(c.z())).isGreaterThanOrEqualTo(1.645));
        JsonNode collection = JsonMapper.shared().readTree(AnalysisGeoJson.collection(binnedRun));
        assertThat(collection.path("numberReturned").asInt()).isEqualTo(binnedRun.cells().size());
        assertThat(collection.path("features").get(0).path("properties").path("feature_type").asString()).isEqualTo("cell");

        // What the table lists: the organisations of those cells, each with its cell's score.
        Map<String, Double> significant = zScores(repository.withOrganisations(binnedRun));
        assertThat(significant).isNotEmpty().allSatisfy((code, z) -> assertThat(Math.abs(z)).isGreaterThanOrEqualTo(1.645));
        assertThat(significant.size()).isEqualTo((int) binnedRun.cells().stream()
                .mapToLong(HotSpots.Cell::organisations).sum());

        // Every organisation's binned score, from its cell, against the exact one.
        double cell = BinnedGetisOrd.cellSize(5000);
        Map<String, long[]> cellOf = new HashMap<>();
        demo.sql("SELECT code, floor(utm_x / :cell), floor(utm_y / :cell) FROM organisation "
                        + "WHERE kind IN ('village', 'grid_branch')").param("cell", cell)
                .query((rs, n) -> cellOf.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        List<BinnedGetisOrd.Cell> cells = demo.sql("""
                SELECT floor(utm_x / :cell) AS cx, floor(utm_y / :cell) AS cy, count(*) AS n,
                       sum(CAST(fortress_index AS float8)) AS sx, sum(CAST(fortress_index AS float8) ^ 2) AS sxx
                FROM organisation WHERE kind IN ('village', 'grid_branch') GROUP BY 1, 2""").param("cell", cell)
                .query((rs, n) -> new BinnedGetisOrd.Cell(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                        rs.getDouble(5), 0, 0)).list();
        Map<String, Double> zOfCell = new HashMap<>();
        BinnedGetisOrd.scores(cells, 5000).forEach(c -> zOfCell.put(c.column() + ":" + c.row(), c.z()));
        Map<String, Double> binned = new HashMap<>();
        cellOf.forEach((code, c) -> binned.put(code, zOfCell.get(c[0] + ":" + c[1])));
        assertThat(binned.keySet()).isEqualTo(exact.keySet());
        significant.forEach((code, z) -> assertThat(z).isEqualTo(binned.get(code)));
        double sumDiff = 0;
        int sameSide = 0;
        for (String code : exact.keySet()) {
            sumDiff += Math.abs(exact.get(code) - binned.get(code));
            if (Math.signum(exact.get(code)) == Math.signum(binned.get(code)) || Math.abs(exact.get(code)) < 0.5) {
                sameSide++;
            }
        }
        assertThat(sumDiff / exact.size()).as("mean |z difference|").isLessThan(0.25);
        assertThat(sameSide).isGreaterThanOrEqualTo((int) (exact.size() * 0.95));
    }

    private static Map<String, Double> zScores(HotSpots run) {
        Map<String, Double> z = new HashMap<>();
        run.spots().forEach(s -> z.put(s.organisation().code(), s.z()));
        return z;
    }

    @Test
    void coverageGapsEqualABruteForceDistanceCheck() {
        List<JsonNode> gaps = parse(analysis.coverageGaps(3));
        Map<String, Double> bruteForce = new HashMap<>();
        fixtures.sql("""
                SELECT o.code, min(ST_Distance(CAST(o.geom AS geography), CAST(c.geom AS geography)))
                FROM organisation o, organisation c
                WHERE c.id IN (SELECT organisation_id FROM contact_point)
                GROUP BY o.code HAVING min(ST_Distance(CAST(o.geom AS geography), CAST(c.geom AS geography))) > 3000""")
                .query((rs, i) -> bruteForce.put(rs.getString(1), rs.getDouble(2))).list();
        assertThat(gaps).extracting(g -> g.path("id").asString()).containsExactlyInAnyOrderElementsOf(bruteForce.keySet());
        List<Double> distances = new ArrayList<>();
        for (JsonNode gap : gaps) {
            double nearest = gap.path("properties").path("nearest_m").asDouble();
            assertThat(nearest).isCloseTo(bruteForce.get(gap.path("id").asString()), org.assertj.core.data.Offset.offset(1.0));
            assertThat(gap.path("properties").path("nearest_leader_zh").asString()).isEqualTo("王测试");
            distances.add(nearest);
        }
        assertThat(distances).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void parametersOutOfRangeAreRefusedBeforeAnyQuery() {
        assertThatThrownBy(() -> analysis.weakClusters("2017Q1", -1, 3)).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).messageKey()).isEqualTo("problem.bad-distance");
        assertThatThrownBy(() -> analysis.weakClusters("2017Q1", 2, 0)).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).messageKey()).isEqualTo("problem.bad-min-count");
        assertThatThrownBy(() -> analysis.weakClusters("2019Q1", 2, 3)).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).messageKey()).isEqualTo("problem.unknown-period");
        assertThatThrownBy(() -> analysis.coverageGaps(0)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> analysis.hotSpots(Double.NaN)).isInstanceOf(ApiProblem.class);
    }

    private long organisation(double lon, double lat, double fortressIndex, String status) {
        long id = nextId++;
        String code = "620902" + String.format("%03d%03d", 1 + id / 150, 200 + id % 150);
        fixtures.sql("""
                INSERT INTO organisation (id, code, kind, name_zh, district_code, fortress_index, status, status_since, geom)
                VALUES (:id, :code, 'village', :name, '620902', :index, :status, '2017-01-01',
                        ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""")
                .param("id", id).param("code", code).param("name", "测试村" + id).param("index", fortressIndex)
                .param("status", status).param("lon", lon).param("lat", lat).update();
        if (status.equals("rectified")) {
            history(id, "2016-12-01", "weak");
            history(id, "2017-02-01", "rectified");
        } else {
            history(id, "2017-01-01", status);
        }
        return id;
    }

    private void history(long id, String from, String status) {
        fixtures.sql("INSERT INTO organisation_status (organisation_id, valid_from, status) "
                        + "VALUES (:id, CAST(:from AS date), :status)")
                .param("id", id).param("from", from).param("status", status).update();
    }

    private void contactPoint(long leader, long organisation) {
        fixtures.sql("INSERT INTO contact_point (leader_id, organisation_id, established_on) VALUES (:l, :o, '2017-01-01')")
                .param("l", leader).param("o", organisation).update();
    }

    /** Distance on the sphere, independent of PostGIS (the grid's spacing is far from the 1.2 km band). */
    private static double kilometres(double[] a, double[] b) {
        double dLat = Math.toRadians(b[1] - a[1]);
        double dLon = Math.toRadians(b[0] - a[0]);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a[1])) * Math.cos(Math.toRadians(b[1])) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }

    private static String type(JsonNode feature) {
        return feature.path("properties").path("feature_type").asString();
    }

    /** The features as the HTTP API writes them. */
    private static List<JsonNode> parse(AnalysisResult result) {
        List<JsonNode> features = new ArrayList<>();
        JsonMapper.shared().readTree(AnalysisGeoJson.collection(result)).path("features").forEach(features::add);
        return features;
    }
}
