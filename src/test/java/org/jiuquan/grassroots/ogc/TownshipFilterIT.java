package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.jiuquan.grassroots.ApiClientTest;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

/**
 * The township filter of the point layers: at a township (drill-down) pages and tiles hold only the township's
 * organisations and their contact points, so that the map at scale (vector tiles) agrees with the list.
 */
@PostgisIntegrationTest
class TownshipFilterIT extends ApiClientTest {

    /** The township with the most villages, and the z6 tile that holds all of Suzhou and Jinta. */
    private static final String MOST_VILLAGES = """
            SELECT t.code FROM township t JOIN organisation o
                ON o.district_code = t.district_code AND o.township_zh = t.name_zh AND o.kind = 'village'
            GROUP BY t.code ORDER BY count(*) DESC, t.code LIMIT 1""";
    private static final String IN_TOWNSHIP = """
            o.district_code = left(:township, 6)
            AND o.township_zh = (SELECT name_zh FROM township WHERE code = :township)""";

    String township;

    @BeforeEach
    void client() {
        township = jdbc.sql(MOST_VILLAGES).query(String.class).single();
    }

    @Test
    void aPageAtATownshipHoldsOnlyItsOrganisations() {
        Set<String> expected = new HashSet<>(jdbc.sql("SELECT o.code FROM organisation o WHERE o.kind = 'village' AND "
                + IN_TOWNSHIP).param("township", township).query(String.class).list());
        assertThat(expected).hasSizeGreaterThan(1);
        JsonNode page = http.json("/ogc/collections/villages/items?limit=10000&township=" + township);
        Set<String> codes = new HashSet<>();
        page.path("features").forEach(f -> codes.add(f.path("properties").path("code").asString()));
        assertThat(codes).isEqualTo(expected);
        assertThat(page.path("numberMatched").asLong()).isEqualTo(expected.size());
        // A village's code begins with its township's.
        assertThat(codes).allMatch(code -> code.startsWith(township));
    }

    @Test
    void contactPointsAtATownshipAreThoseOfItsOrganisations() {
        Set<Long> expected = new HashSet<>(jdbc.sql("""
                SELECT c.id FROM contact_point c JOIN organisation o ON o.id = c.organisation_id
                WHERE (o.status_at ->> '2017Q4') IS NOT NULL AND\s""" + IN_TOWNSHIP)
                .param("township", township).query(Long.class).list());
        assertThat(expected).isNotEmpty();
        JsonNode page = http.json("/ogc/collections/contact-points/items?limit=10000&period=2017Q4&township=" + township);
        Set<Long> ids = new HashSet<>();
        page.path("features").forEach(f -> ids.add(f.path("properties").path("id").asLong()));
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void aTileAtATownshipHoldsOnlyItsOrganisations() throws IOException {
        String path = "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49";
        HttpResponse<byte[]> all = http.get(path);
        HttpResponse<byte[]> narrowed = http.get(path + "?township=" + township);
        assertThat(narrowed.statusCode()).isEqualTo(200);
        List<Geometry> features = List.copyOf(layer(narrowed.body(), "villages").getGeometries());
        List<Geometry> everyVillage = List.copyOf(layer(all.body(), "villages").getGeometries());
        long expected = jdbc.sql("SELECT count(*) FROM organisation o WHERE o.kind = 'village' AND " + IN_TOWNSHIP
                + " AND o.geom && ST_Transform(ST_TileEnvelope(6, 49, 24, margin => (64.0 / 4096)), 4326)")
                .param("township", township).query(Long.class).single();
        assertThat(features).hasSize((int) expected).hasSizeLessThan(everyVillage.size());
        features.forEach(g -> assertThat(String.valueOf(((Map<?, ?>) g.getUserData()).get("code"))).startsWith(township));
        // The township is part of what the tile is cached and revalidated by.
        assertThat(narrowed.headers().firstValue("ETag")).isNotEqualTo(all.headers().firstValue("ETag"));
        String etag = narrowed.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get(path + "?township=" + township, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(http.get(path, "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void aContactPointTileAtATownshipHoldsOnlyItsContactPoints() throws IOException {
        List<Geometry> features = List.copyOf(layer(http.get("/ogc/collections/contact-points/tiles/WebMercatorQuad/6/24/49?township="
                + township).body(), "contact-points").getGeometries());
        Set<String> names = new HashSet<>(jdbc.sql("SELECT o.name_zh FROM organisation o WHERE " + IN_TOWNSHIP)
                .param("township", township).query(String.class).list());
        assertThat(features).isNotEmpty();
        features.forEach(g -> assertThat(names).contains(String.valueOf(((Map<?, ?>) g.getUserData())
                .get("organisation_name_zh"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/ogc/collections/villages/items?township=", "/ogc/collections/grid-branches/items?township=",
            "/ogc/collections/contact-points/tiles/WebMercatorQuad/6/24/49?township="})
    void anUnknownTownshipIsRefusedNamingTheParameter(String path) {
        for (String value : List.of("999999999", "62092", "abc")) {
            HttpResponse<byte[]> zh = http.get(path + value);
            assertThat(zh.statusCode()).isEqualTo(400);
            assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Http.parse(zh).path("detail").asString()).contains("township", value)
                    .containsPattern("\\p{IsHan}").doesNotContain("Exception", "SQL");
            JsonNode en = Http.parse(http.get(path + value, "Accept-Language", "en"));
            assertThat(en.path("detail").asString()).contains("parameter township", value);
        }
    }

    private static JtsLayer layer(byte[] tile, String name) throws IOException {
        JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                new TagKeyValueMapConverter()).getLayer(name);
        assertThat(layer).as(name).isNotNull();
        return layer;
    }
}
