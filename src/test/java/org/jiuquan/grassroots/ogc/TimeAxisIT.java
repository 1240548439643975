package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One time axis: the OGC API's organisation layers, the derived indicators and the tiles all tell the status
 * at the end of the chosen quarter, and agree with each other.
 */
@PostgisIntegrationTest
class TimeAxisIT {

    static final List<String> PERIODS = List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4");
    static final List<String> ORGANISATION_COLLECTIONS = List.of("villages", "grid-branches", "enterprises",
            "social-organisations");
    static final List<String> DISTRICTS = List.of("620902", "620921", "620922", "620923", "620924", "620981", "620982");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    Http viewer;
    Http editor;
    /** A village changed by a test, put back afterwards so that other tests see the demo data. */
    String changedCode;
    String changedStatus;
    java.sql.Date changedSince;

    @BeforeEach
    void clients() {
        viewer = Http.as(port, tokens, "viewer");
        editor = Http.as(port, tokens, "editor");
    }

    @AfterEach
    void putBack() {
        if (changedCode != null) {
            jdbc.sql("""
                    DELETE FROM organisation_status
                    WHERE organisation_id = (SELECT id FROM organisation WHERE code = :code) AND valid_from > :since""")
                    .param("code", changedCode).param("since", changedSince).update();
            jdbc.sql("UPDATE organisation SET status = :status, status_since = :since WHERE code = :code")
                    .param("status", changedStatus).param("since", changedSince).param("code", changedCode).update();
        }
    }

    @Test
    void everyQuarterAndDistrictTheOrganisationsListedWeakNumberExactlyTheWeakOpenIndicator() {
        for (String period : PERIODS) {
            Map<String, Long> listed = new java.util.HashMap<>();
            for (String collection : ORGANISATION_COLLECTIONS) {
                JsonNode items = viewer.json("/ogc/collections/" + collection + "/items?limit=10000&period=" + period);
                assertThat(items.path("numberReturned").asLong()).isEqualTo(items.path("numberMatched").asLong());
                for (JsonNode feature : items.path("features")) {
                    String status = feature.path("properties").path("status").asString();
                    if (status.equals("weak") || status.equals("rectifying")) {
                        listed.merge(feature.path("properties").path("district_code").asString(), 1L, Long::sum);
                    }
                }
            }
            Map<String, BigDecimal> weakOpen = weakOpen(period);
            for (String district : DISTRICTS) {
                assertThat(listed.getOrDefault(district, 0L)).as("weak or rectifying in %s at the end of %s", district,
                        period).isEqualTo(weakOpen.get(district).longValueExact());
            }
        }
        // The year's story (the article: 103 rectified) is in the history, not in stored numbers.
        assertThat(cityTotal("2017Q4", "weak_rectified")).isEqualByComparingTo("103");
        assertThat(cityTotal("2017Q1", "weak_open")).isGreaterThan(cityTotal("2017Q4", "weak_open"));
    }

    @Test
    void aVillagesStatusIsTheOneAtTheEndOfTheRequestedQuarter() {
        // A village rectified during the year: weak or rectifying early on, rectified at the end.
        String code = jdbc.sql("""
                SELECT o.code FROM organisation o
                JOIN organisation_period_status q1 ON q1.organisation_id = o.id AND q1.period = '2017Q1'
                JOIN organisation_period_status q4 ON q4.organisation_id = o.id AND q4.period = '2017Q4'
                WHERE o.kind = 'village' AND q1.status IN ('weak', 'rectifying') AND q4.status = 'rectified'
                ORDER BY o.code LIMIT 1""").query(String.class).single();
        JsonNode q1 = viewer.json("/ogc/collections/villages/items/" + code + "?period=2017Q1").path("properties");
        JsonNode q4 = viewer.json("/ogc/collections/villages/items/" + code + "?period=2017Q4").path("properties");
        JsonNode latest = viewer.json("/ogc/collections/villages/items/" + code).path("properties");

        assertThat(q1.path("status").asString()).isIn("weak", "rectifying");
        assertThat(q4.path("status").asString()).isEqualTo("rectified");
        assertThat(latest.path("status").asString()).as("no period: the latest quarter").isEqualTo("rectified");
        assertThat(q1.path("status_since").asString()).isLessThanOrEqualTo("2017-03-31");
        assertThat(q4.path("status_since").asString()).isGreaterThan(q1.path("status_since").asString());
    }

    @Test
    void aTileCountsTheWeakOrganisationsOfItsQuarter() throws IOException {
        for (String period : List.of("2017Q1", "2017Q4")) {
            // Zoom 6, the tile around Jiuquan city: every village in it is a feature of its own.
            HttpResponse<byte[]> response = viewer.get("/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49?period="
                    + period);
            assertThat(response.statusCode()).isEqualTo(200);
            JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(response.body()), new GeometryFactory(),
                    new TagKeyValueMapConverter()).getLayer("villages");
            long ringed = layer.getGeometries().stream()
                    .map(g -> String.valueOf(((Map<?, ?>) g.getUserData()).get("status")))
                    .filter(s -> s.equals("weak") || s.equals("rectifying")).count();
            long weakInTile = jdbc.sql("""
                    SELECT count(*) FROM organisation o
                    JOIN organisation_period_status ps ON ps.organisation_id = o.id AND ps.period = :period
                    WHERE o.kind = 'village' AND ps.status IN ('weak', 'rectifying')
                      AND ST_Intersects(o.geom_3857, ST_TileEnvelope(6, 49, 24, margin => (64.0 / 4096)))""")
                    .param("period", period).query(Long.class).single();
            assertThat(weakInTile).as("the fixture has weak villages in the tile").isPositive();
            assertThat(ringed).as("weak villages in the tile of %s", period).isEqualTo(weakInTile);
        }
    }

    @Test
    void aTileAtTheLowestZoomsHoldsTheWholeCity() throws IOException {
        // Zoom 2, row 1, column 3 holds all of Jiuquan; its margin crosses the antimeridian.
        HttpResponse<byte[]> response = viewer.get("/ogc/collections/grid-branches/tiles/WebMercatorQuad/2/1/3");
        JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(response.body()), new GeometryFactory(),
                new TagKeyValueMapConverter()).getLayer("grid-branches");
        assertThat(layer).isNotNull();
        assertThat(layer.getGeometries()).isNotEmpty();
    }

    @Test
    void enterprisesAndSocialOrganisationsAreCollectionsOfTheirOwn() {
        for (String collection : List.of("enterprises", "social-organisations")) {
            JsonNode items = viewer.json("/ogc/collections/" + collection + "/items?limit=1");
            assertThat(items.path("numberMatched").asLong()).as(collection).isEqualTo(198);
            JsonNode feature = items.path("features").get(0);
            String id = feature.path("id").asString();
            assertThat(viewer.json("/ogc/collections/" + collection + "/items/" + id).path("id").asString())
                    .isEqualTo(id);
            assertThat(feature.path("properties").has("contact_points")).isTrue();
        }
    }

    @Test
    void aStatusChangeShowsAtOnceInTheQuarterItFallsIn() {
        String code = jdbc.sql("""
                SELECT o.code FROM organisation o
                WHERE o.kind = 'village' AND o.district_code = '620902' AND o.status = 'normal'
                  AND o.status_since <= '2017-12-01' AND ST_Intersects(o.geom_3857, ST_TileEnvelope(6, 49, 24))
                ORDER BY o.code LIMIT 1""").query(String.class).single();
        remember(code);
        // A tile asked before the change, so that a kept copy of it would be served after.
        assertThat(statusInTile(code)).isEqualTo("normal");
        BigDecimal before = weakOpen("2017Q4").get("620902");
        BigDecimal q3Before = weakOpen("2017Q3").get("620902");
        long versionBefore = jdbc.sql("SELECT version FROM data_version").query(Long.class).single();

        HttpResponse<byte[]> response = editor.post("/api/data/organisations/" + code
                + "/status?status=weak&from=2017-12-01", "application/x-www-form-urlencoded", new byte[0]);

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(weakOpen("2017Q4").get("620902")).isEqualByComparingTo(before.add(BigDecimal.ONE));
        assertThat(jdbc.sql("SELECT version FROM data_version").query(Long.class).single())
                .as("caches and import previews see the change").isGreaterThan(versionBefore);
        assertThat(weakOpen("2017Q3").get("620902")).as("an earlier quarter is history").isEqualByComparingTo(q3Before);
        assertThat(viewer.json("/ogc/collections/villages/items/" + code + "?period=2017Q4").path("properties")
                .path("status").asString()).isEqualTo("weak");
        assertThat(viewer.json("/ogc/collections/villages/items/" + code + "?period=2017Q3").path("properties")
                .path("status").asString()).isEqualTo("normal");
        assertThat(statusInTile(code)).as("the tile, made again after the change").isEqualTo("weak");
        assertThat(keptStatusCounts()).as("the dashboard's kept counts follow the change")
                .isEqualTo(countedStatuses()).contains("620902 2017Q4 village weak " + weakVillages("620902", "2017Q4"));
    }

    /** The counts per district, quarter, kind and status kept for the dashboard's filters (V32). */
    private List<String> keptStatusCounts() {
        return jdbc.sql("""
                SELECT concat_ws(' ', district_code, period, kind, status, organisations) FROM organisation_status_count
                ORDER BY 1""").query(String.class).list();
    }

    /** The same counts made from the organisations as the OGC API lists them (status_at, one per quarter). */
    private List<String> countedStatuses() {
        return jdbc.sql("""
                SELECT concat_ws(' ', o.district_code, p.code, o.kind, o.status_at ->> p.code, count(*))
                FROM organisation o CROSS JOIN period p WHERE (o.status_at ->> p.code) IS NOT NULL
                GROUP BY o.district_code, p.code, o.kind, o.status_at ->> p.code ORDER BY 1""").query(String.class).list();
    }

    private long weakVillages(String district, String period) {
        return viewer.json("/ogc/collections/villages/items?limit=1&status=weak&district=" + district + "&period=" + period)
                .path("numberMatched").asLong();
    }

    /** The status a village has in the 2017Q4 tile around Jiuquan city. */
    private String statusInTile(String code) {
        try {
            JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(viewer.get(
                            "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49?period=2017Q4").body()),
                    new GeometryFactory(), new TagKeyValueMapConverter()).getLayer("villages");
            return layer.getGeometries().stream().map(g -> (Map<?, ?>) g.getUserData())
                    .filter(p -> code.equals(String.valueOf(p.get("code"))))
                    .map(p -> String.valueOf(p.get("status"))).findFirst().orElse("absent");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStatusChangeAfterTheLastQuarterIsRefusedWithAReasonAndChangesNothing() {
        String code = jdbc.sql("SELECT code FROM organisation WHERE kind = 'village' ORDER BY code LIMIT 1")
                .query(String.class).single();
        long history = jdbc.sql("SELECT count(*) FROM organisation_status").query(Long.class).single();

        HttpResponse<byte[]> response = editor.post("/api/data/organisations/" + code
                + "/status?status=weak&from=2018-02-01", "application/x-www-form-urlencoded", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.parse(response).path("detail").asString()).contains("2018-02-01", "2017-12-31");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_status").query(Long.class).single()).isEqualTo(history);
    }

    @Test
    void everyDataResponseIsRevalidatedSoAChangeIsNeverHiddenByACache() {
        for (String path : List.of("/ogc/collections/villages/items?period=2017Q2",
                "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49?period=2017Q2")) {
            HttpResponse<byte[]> response = viewer.get(path);
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-cache");
            assertThat(response.headers().firstValue("ETag")).as(path).isPresent();
        }
    }

    @Test
    void anUnknownPeriodIsRefusedOnEveryOrganisationLayer() {
        for (String collection : ORGANISATION_COLLECTIONS) {
            HttpResponse<byte[]> response = viewer.get("/ogc/collections/" + collection + "/items?period=2016Q4");
            assertThat(response.statusCode()).as(collection).isEqualTo(400);
            assertThat(Http.parse(response).path("detail").asString()).contains("2016Q4");
        }
    }

    private void remember(String code) {
        changedCode = code;
        changedStatus = jdbc.sql("SELECT status FROM organisation WHERE code = :code").param("code", code)
                .query(String.class).single();
        changedSince = jdbc.sql("SELECT status_since FROM organisation WHERE code = :code").param("code", code)
                .query(java.sql.Date.class).single();
    }

    private Map<String, BigDecimal> weakOpen(String period) {
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (JsonNode row : viewer.json("/api/district-values?period=" + period + "&indicator=weak_open")) {
            values.put(row.path("districtCode").asString(), row.path("value").decimalValue());
        }
        assertThat(values).hasSize(7);
        return values;
    }

    private BigDecimal cityTotal(String period, String indicator) {
        for (JsonNode row : viewer.json("/api/city-totals?period=" + period)) {
            if (row.path("indicatorCode").asString().equals(indicator)) {
                return row.path("value").decimalValue();
            }
        }
        throw new AssertionError("no city total for " + indicator);
    }
}
