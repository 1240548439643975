package org.jiuquan.grassroots.townships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PostgisIntegrationTest
class TownshipBoundariesIT extends TownshipTest {

    private static final String PATH = "/api/admin/township-boundaries";
    private static final String BOUNDARY = "----township-boundaries-test";
    private static final String DINGXIN_BOX =
            "[[[99.14, 40.01], [99.24, 40.01], [99.24, 40.11], [99.14, 40.11], [99.14, 40.01]]]";

    Http admin;

    @BeforeEach
    void client() {
        admin = as("admin");
    }

    @AfterEach
    void removeLoadedBoundaries() {
        jdbc.sql("UPDATE township SET boundary = NULL WHERE boundary IS NOT NULL").update();
        awaitAreasCurrent();
    }

    @Test
    void loadedBoundariesReplaceTheApproximateAreasOfTheirTownshipsOnly() throws IOException {
        // given a GeoJSON file with the boundaries of 鼎新镇 and 中东镇 (a 12-digit code too)
        byte[] file = fixture();
        // when an admin loads it
        HttpResponse<byte[]> response = upload(admin, "jinta-boundaries.geojson", file);
        // then both are loaded, and once the areas are rebuilt they are real, the others still approximate
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(response.body()).path("loaded").asInt()).isEqualTo(2);
        awaitAreasCurrent();
        Map<String, Boolean> approximate = approximateInJinta();
        assertThat(approximate).containsEntry("鼎新镇", false).containsEntry("中东镇", false)
                .containsEntry("金塔镇", true);
        assertThat(jdbc.sql("""
                SELECT ST_Equals(a.area, ST_Multi(ST_MakeEnvelope(99.14, 40.01, 99.24, 40.11, 4326)))
                FROM township_area a WHERE a.code = '620921101'""").query(Boolean.class).single()).isTrue();
        // and the approximate areas of the others stay out of the loaded boundaries
        assertThat(jdbc.sql("""
                SELECT count(*) FROM township_area a JOIN township t ON t.code = a.code
                WHERE t.district_code = '620921' AND a.approximate
                  AND ST_Area(ST_Intersection(a.area, ST_MakeEnvelope(99.14, 40.01, 99.24, 40.11, 4326))) > 1e-9""")
                .query(Long.class).single()).isZero();
        JsonNode dingxin = admin.json("/ogc/collections/townships/items/620921101");
        assertThat(dingxin.path("properties").path("approximate").asBoolean()).isFalse();
    }

    @Test
    void aZippedShapefileIsReadWithGdal() throws IOException, InterruptedException {
        // given the same boundaries as a Shapefile (with its .prj) in a ZIP, written by ogr2ogr
        Path dir = Files.createTempDirectory("boundaries-test-");
        Path geojson = Files.write(dir.resolve("in.geojson"), fixture());
        Process ogr = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", dir.resolve("boundaries.shp").toString(),
                geojson.toString(), "-lco", "ENCODING=UTF-8").redirectErrorStream(true).start();
        ogr.getInputStream().readAllBytes();
        assertThat(ogr.waitFor()).isZero();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String part : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                Path file = dir.resolve("boundaries." + part);
                if (Files.exists(file)) {
                    out.putNextEntry(new ZipEntry("boundaries/boundaries." + part));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
        // when it is loaded
        HttpResponse<byte[]> response = upload(admin, "boundaries.zip", zip.toByteArray());
        // then the townships have real boundaries
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        awaitAreasCurrent();
        assertThat(approximateInJinta()).containsEntry("鼎新镇", false).containsEntry("中东镇", false);
    }

    @Test
    void anUnknownCodeIsNamedWithItsFeatureAndFieldAndNothingIsLoaded() {
        String file = collection(feature("\"code\": \"620921999\"", polygon(DINGXIN_BOX)),
                feature("\"code\": \"620921101\"", polygon(DINGXIN_BOX)));
        assertRefused(file, "zh", "第 1 个要素，字段 code：没有代码为 “620921999” 的乡镇");
        assertRefused(file, "en", "feature 1, field code: there is no township with the code \"620921999\"");
    }

    @Test
    void aPointIsNotABoundary() {
        String file = collection(feature("\"code\": \"620921101\"", "{\"type\": \"Point\", \"coordinates\": [99.19, 40.06]}"));
        assertRefused(file, "zh", "第 1 个要素（620921101 鼎新镇）：几何类型为 POINT");
        assertRefused(file, "en", "feature 1 (620921101 鼎新镇): the geometry is a POINT");
    }

    @Test
    void aBoundaryOutsideItsDistrictIsRefused() {
        // 鼎新镇's code on a square near Dunhuang
        String file = collection(feature("\"code\": \"620921102\"", polygon(DINGXIN_BOX)),
                feature("\"code\": \"620921101\"",
                        polygon("[[[94.6, 40.1], [94.7, 40.1], [94.7, 40.2], [94.6, 40.2], [94.6, 40.1]]]")));
        assertRefused(file, "zh", "第 2 个要素（620921101 鼎新镇）：边界有 100% 在金塔县之外");
        assertRefused(file, "en", "feature 2 (620921101 鼎新镇): 100 % of the boundary lies outside 金塔县");
    }

    @Test
    void projectedCoordinatesAreAWrongCrs() {
        // UTM zone 47N metres, in a file that declares no coordinate system
        String file = collection(feature("\"code\": \"620921101\"", polygon(
                "[[[516000, 4430000], [524000, 4430000], [524000, 4440000], [516000, 4440000], [516000, 4430000]]]")));
        assertRefused(file, "zh", "第 1 个要素（620921101 鼎新镇）：坐标（516000.0, 4430000.0）不是经纬度");
        assertRefused(file, "en", "feature 1 (620921101 鼎新镇): the coordinates (516000.0, 4430000.0) are not longitude/latitude");
    }

    @Test
    void onlyAnAdminLoadsBoundaries() {
        HttpResponse<byte[]> response = upload(as("editor"), "b.geojson",
                collection(feature("\"code\": \"620921101\"", polygon(DINGXIN_BOX))).getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(loadedBoundaries()).isZero();
    }

    private void assertRefused(String file, String lang, String expected) {
        HttpResponse<byte[]> response = upload(admin, "bad.geojson", file.getBytes(StandardCharsets.UTF_8),
                "Accept-Language", lang);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(body);
        assertThat(problem.path("detail").asString()).contains("bad.geojson").contains(expected);
        assertThat(body).doesNotContain("Exception").doesNotContain("ST_");
        assertThat(loadedBoundaries()).isZero();
    }

    private long loadedBoundaries() {
        return jdbc.sql("SELECT count(*) FROM township WHERE boundary IS NOT NULL").query(Long.class).single();
    }

    private Map<String, Boolean> approximateInJinta() {
        Map<String, Boolean> result = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT t.name_zh, a.approximate FROM township t JOIN township_area a ON a.code = t.code
                WHERE t.district_code = '620921'""").query((rs, row) -> result.put(rs.getString(1), rs.getBoolean(2)))
                .list();
        return result;
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = TownshipBoundariesIT.class.getResourceAsStream("/townships/jinta-boundaries.geojson")) {
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    private static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(", ", features) + "]}";
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": {" + properties + "}, \"geometry\": " + geometry + "}";
    }

    private static String polygon(String rings) {
        return "{\"type\": \"Polygon\", \"coordinates\": " + rings + "}";
    }

    private static HttpResponse<byte[]> upload(Http http, String fileName, byte[] bytes, String... headers) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send("POST", PATH, "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray(), headers);
    }
}
