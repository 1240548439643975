package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

@PostgisIntegrationTest
class OgcApiIT extends ApiClientTest {


    @Test
    void landingPageLinksToTheApiDefinitionConformanceAndCollections() {
        JsonNode landing = http.json("/ogc");
        assertThat(rels(landing)).contains("self", "service-desc", "conformance", "data");
        JsonNode conformance = http.json("/ogc/conformance");
        assertThat(conformance.path("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson",
                        "ogcapi-features-1/1.0/conf/oas30");
        HttpResponse<byte[]> api = http.get("/ogc/api");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.oai.openapi+json");
        assertThat(Http.parse(api).path("paths").has("/collections/{collectionId}/items")).isTrue();
    }

    @Test
    void collectionsListsEveryLayerWithTheCityExtentInLongitudeLatitude() {
        JsonNode collections = http.json("/ogc/collections").path("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.path("id").asString()));
        assertThat(ids).containsExactly("districts", "villages", "grid-branches", "enterprises", "social-organisations",
                "contact-points", "townships");
        JsonNode bbox = collections.get(0).path("extent").path("spatial").path("bbox").get(0);
        // Jiuquan lies between about 92.8E and 100.3E, 38.1N and 42.9N.
        assertThat(bbox.get(0).asDouble()).isBetween(92.0, 94.0);
        assertThat(bbox.get(1).asDouble()).isBetween(38.0, 39.0);
        assertThat(bbox.get(2).asDouble()).isBetween(99.5, 101.0);
        assertThat(bbox.get(3).asDouble()).isBetween(42.0, 43.5);
        assertThat(http.json("/ogc/collections/villages").path("id").asString()).isEqualTo("villages");
    }

    @ParameterizedTest(name = "{0} holds {1} features")
    @CsvSource({"districts,7", "villages,434", "grid-branches,846", "contact-points,1346"})
    void everyCollectionReadsCompletelyByFollowingNextLinks(String collection, int expected) {
        Set<String> ids = new HashSet<>();
        String url = "/ogc/collections/" + collection + "/items?limit=500";
        int pages = 0;
        while (url != null) {
            JsonNode page = http.json(url);
            assertThat(page.path("type").asString()).isEqualTo("FeatureCollection");
            assertThat(page.path("numberMatched").asInt()).isEqualTo(expected);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
            page.path("features").forEach(feature -> ids.add(feature.path("id").asString()));
            url = link(page, "next");
            pages++;
        }
        assertThat(ids).hasSize(expected);
        assertThat(pages).isEqualTo((expected + 499) / 500);
    }

    @Test
    void featuresAreGeoJsonInLongitudeLatitudeOrder() {
        JsonNode feature = http.json("/ogc/collections/villages/items?limit=1").path("features").get(0);
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
        double lon = feature.path("geometry").path("coordinates").get(0).asDouble();
        double lat = feature.path("geometry").path("coordinates").get(1).asDouble();
        assertThat(lon).isBetween(92.0, 101.0);
        assertThat(lat).isBetween(38.0, 43.5);
        assertThat(feature.path("properties").path("synthetic").asBoolean()).isTrue();
        String code = feature.path("id").asString();
        JsonNode single = http.json("/ogc/collections/villages/items/" + code);
        assertThat(single.path("properties").path("name_zh").asString())
                .isEqualTo(feature.path("properties").path("name_zh").asString());
    }

    @Test
    void bboxReturnsExactlyThePointsInsideIt() {
        // Around Dunhuang city.
        String bbox = "94.5,40.0,94.9,40.3";
        JsonNode page = http.json("/ogc/collections/grid-branches/items?limit=10000&bbox=" + bbox);
        long inDatabase = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'grid_branch' "
                + "AND ST_X(geom) BETWEEN 94.5 AND 94.9 AND ST_Y(geom) BETWEEN 40.0 AND 40.3").query(Long.class).single();
        assertThat(inDatabase).isPositive();
        assertThat(page.path("numberMatched").asLong()).isEqualTo(inDatabase);
        page.path("features").forEach(f -> {
            double lon = f.path("geometry").path("coordinates").get(0).asDouble();
            assertThat(lon).isBetween(94.5, 94.9);
        });
    }

    @Test
    void propertyFiltersSelectByDistrictStatusAndLeaderLevel() {
        JsonNode dunhuang = http.json("/ogc/collections/villages/items?district=620982&limit=1000");
        dunhuang.path("features").forEach(f ->
                assertThat(f.path("properties").path("district_code").asString()).isEqualTo("620982"));
        assertThat(dunhuang.path("numberMatched").asInt()).isEqualTo(55);

        long weakInDatabase = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'village' AND status = 'weak'")
                .query(Long.class).single();
        assertThat(http.json("/ogc/collections/villages/items?status=weak").path("numberMatched").asLong())
                .isEqualTo(weakInDatabase);

        JsonNode city = http.json("/ogc/collections/contact-points/items?level=city&limit=1000");
        assertThat(city.path("numberMatched").asInt()).isEqualTo(38 * 4);
        city.path("features").forEach(f ->
                assertThat(f.path("properties").path("leader_level").asString()).isEqualTo("city"));
    }

    @Test
    void contactPointsPublishLeadersPhoneNumbersOnlyMaskedToAnAnalyst() {
        String body = new String(http.get("/ogc/collections/contact-points/items?limit=2000").body());
        for (String phone : jdbc.sql("SELECT phone FROM leader").query(String.class).list()) {
            assertThat(body).doesNotContain(phone);
        }
        assertThat(body).containsPattern("\"leader_phone\" ?: ?\"1[3-9][0-9]\\*{4}[0-9]{4}\"");
    }

    @Test
    void districtsCarryTheChosenPeriodsIndicatorValues() {
        JsonNode q1 = http.json("/ogc/collections/districts/items/620902?period=2017Q1").path("properties");
        JsonNode q4 = http.json("/ogc/collections/districts/items/620902").path("properties");
        assertThat(q4.path("name_zh").asString()).isEqualTo("肃州区");
        assertThat(q4.path("period").asString()).isEqualTo("2017Q4");
        assertThat(q1.path("period").asString()).isEqualTo("2017Q1");
        assertThat(q4.path("villages").asInt()).isEqualTo(121);
        assertThat(q4.path("party_lectures").asInt()).isGreaterThan(q1.path("party_lectures").asInt());
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource(delimiter = '|', value = {
            "/ogc/collections/villages/items?bbox=1,2,3|400",
            "/ogc/collections/villages/items?bbox=a,b,c,d|400",
            "/ogc/collections/villages/items?bbox=100,40,90,41|400",
            "/ogc/collections/villages/items?bbox=-200,40,90,41|400",
            "/ogc/collections/villages/items?limit=0|400",
            "/ogc/collections/villages/items?limit=10001|400",
            "/ogc/collections/villages/items?limit=ten|400",
            "/ogc/collections/villages/items?offset=-1|400",
            "/ogc/collections/villages/items?colour=red|400",
            "/ogc/collections/villages/items?status=bad|400",
            "/ogc/collections/villages/items?district=110101|400",
            "/ogc/collections/villages/items?bbox-crs=EPSG:3857|400",
            "/ogc/collections/villages/items?f=html|400",
            "/ogc/collections/districts/items?period=2018Q1|400",
            "/ogc/collections/rivers/items|404",
            "/ogc/collections/rivers|404",
            "/ogc/collections/villages/items/999999999999|404",
            "/ogc/collections/contact-points/items/abc|404",
            "/ogc/no-such-thing|404",
            "/ogc/collections/villages/tiles/WebMercatorQuad/3/8/1|400",
            "/ogc/collections/villages/tiles/WebMercatorQuad/23/0/0|400",
            "/ogc/collections/villages/tiles/WebMercatorQuad/x/0/0|400",
            "/ogc/collections/villages/tiles/WorldCRS84Quad/3/1/1|404",
            "/ogc/collections/villages/tiles/WebMercatorQuad/3/1/1?status=lost|400",
            "/api/city-totals?period=2017Q5|400",
            "/api/district-values?indicator=happiness|400",
            "/api/city-totals?year=2017|400",
            "/api/map-style?indicator=villages&classes=9|400",
            "/api/map-style?indicator=villages&method=random|400",
            "/api/map-style|400",
            "/api/analysis/weak-clusters?period=2017Q1&distance_km=-1&min_count=3|400",
            "/api/analysis/weak-clusters?period=2017Q1&distance_km=2&min_count=0|400",
            "/api/analysis/weak-clusters?period=2017Q9&distance_km=2&min_count=3|400",
            "/api/analysis/hot-spots?distance_km=abc|400",
            "/api/analysis/coverage-gaps|400"})
    void badRequestsGetAProblemInChineseNeverAServerError(String path, int status) {
        HttpResponse<byte[]> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Http.parse(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).containsPattern("\\p{IsHan}").doesNotContain("Exception", "SQL");
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    @Test
    void problemsAreInEnglishWhenTheClientAsksForEnglish() {
        JsonNode problem = Http.parse(http.get("/ogc/collections/villages/items?limit=0", "Accept-Language", "en"));
        assertThat(problem.path("detail").asString()).isEqualTo("limit must be a whole number from 1 to 10,000; got '0'.");
        assertThat(problem.path("title").asString()).isEqualTo("Bad request");
    }

    @Test
    void layerResponsesCarryAnEtagCacheControlAndAreGzipped() throws IOException {
        HttpResponse<byte[]> first = http.get("/ogc/collections/villages/items?limit=1000", "Accept-Encoding", "gzip");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        // Revalidated every time, so that a status change is never hidden by the copy a client kept.
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(first.headers().firstValue("Content-Encoding").orElse("")).isEqualTo("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(first.body())).readAllBytes();
        assertThat(new String(unzipped)).startsWith("{\"type\":\"FeatureCollection\"");

        HttpResponse<byte[]> again = http.get("/ogc/collections/villages/items?limit=1000", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void vectorTilesDecodeInAStandardReaderWithEveryPointOfTheTile() throws IOException {
        // z6 tile 49/24 covers the Suzhou-Jinta oasis.
        HttpResponse<byte[]> response = http.get("/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.mapbox-vector-tile");
        JtsLayer layer = decode(response.body()).getLayer("villages");
        assertThat(layer).isNotNull();
        long inTile = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'village' "
                + "AND ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(6, 49, 24))").query(Long.class).single();
        assertThat(inTile).isPositive();
        List<Geometry> inside = layer.getGeometries().stream()
                .filter(g -> g.getCoordinate().x >= 0 && g.getCoordinate().x < 4096
                        && g.getCoordinate().y >= 0 && g.getCoordinate().y < 4096)
                .toList();
        assertThat(inside).hasSize((int) inTile);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) inside.get(0).getUserData();
        assertThat(properties).containsKeys("code", "name_zh", "status", "fortress_index");
    }

    @Test
    void districtTilesHoldTheOutlinesWithTheirNames() throws IOException {
        JtsLayer layer = decode(http.get("/ogc/collections/districts/tiles/WebMercatorQuad/5/12/24").body())
                .getLayer("districts");
        List<String> names = new ArrayList<>();
        layer.getGeometries().forEach(g -> names.add(String.valueOf(((Map<?, ?>) g.getUserData()).get("name_zh"))));
        assertThat(names).contains("肃州区", "瓜州县", "敦煌市");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GRID_BRANCHES|grid-branches|SELECT count(*) FROM organisation o WHERE o.kind = 'grid_branch'",
            "CONTACT_POINTS|contact-points|SELECT count(*) FROM contact_point c JOIN organisation o ON o.id = c.organisation_id WHERE true"})
    void denseTilesAreAggregatedIntoCountsThatAddUp(Collection collection, String layer, String countSql)
            throws IOException {
        TileRepository lowThreshold = new TileRepository(50);
        JtsMvt tile = decode(lowThreshold.tile(jdbc, collection, 6, 49, 24, Map.of(), "2017Q4"));
        long total = 0;
        for (Geometry g : tile.getLayer(layer).getGeometries()) {
            Map<?, ?> properties = (Map<?, ?>) g.getUserData();
            assertThat(properties.get("aggregated")).isEqualTo(true);
            total += ((Number) properties.get("count")).longValue();
        }
        long inTileWithBuffer = jdbc.sql(countSql + " AND o.geom && "
                + "ST_Transform(ST_TileEnvelope(6, 49, 24, margin => (64.0 / 4096)), 4326)").query(Long.class).single();
        assertThat(inTileWithBuffer).isGreaterThan(50);
        assertThat(total).isEqualTo(inTileWithBuffer);
    }

    @Test
    void tileFiltersKeepOnlyMatchingFeatures() throws IOException {
        JtsLayer layer = decode(http.get("/ogc/collections/contact-points/tiles/WebMercatorQuad/6/24/49?level=city")
                .body()).getLayer("contact-points");
        assertThat(layer.getGeometries()).isNotEmpty();
        layer.getGeometries().forEach(g ->
                assertThat(((Map<?, ?>) g.getUserData()).get("leader_level")).isEqualTo("city"));
    }

    @Test
    void anEmptyTileIsAnEmptyBodyNotAnError() {
        HttpResponse<byte[]> response = http.get("/ogc/collections/villages/tiles/WebMercatorQuad/6/0/0");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    private static JtsMvt decode(byte[] tile) throws IOException {
        return MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(), new TagKeyValueMapConverter());
    }

    private static List<String> rels(JsonNode document) {
        List<String> rels = new ArrayList<>();
        document.path("links").forEach(l -> rels.add(l.path("rel").asString()));
        return rels;
    }

    private static String link(JsonNode document, String rel) {
        for (JsonNode l : document.path("links")) {
            if (l.path("rel").asString().equals(rel)) {
                return l.path("href").asString();
            }
        }
        return null;
    }
}
