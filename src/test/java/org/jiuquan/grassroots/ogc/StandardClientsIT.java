package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a GIS planner's tools see: GDAL (the library under QGIS) reads every collection through its OGC API
 * - Features driver and decodes our vector tiles with its MVT driver. Needs Debian's gdal-bin.
 */
@PostgisIntegrationTest
class StandardClientsIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokenService tokens;
    String token;

    @ParameterizedTest(name = "GDAL counts {1} features in {0}")
    @CsvSource({"districts,7", "villages,434", "grid-branches,846", "contact-points,1346"})
    void gdalListsEveryCollectionWithItsFeatureCount(String collection, int expected) throws Exception {
        String info = run("ogrinfo", "-ro", "-so", "OAPIF:http://localhost:" + port + "/ogc", collection);
        assertThat(number(info, "Feature Count: (\\d+)")).isEqualTo(expected);
    }

    @Test
    void gdalReadsEveryContactPointByFollowingThePages(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("contact-points.geojson");
        run("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:http://localhost:" + port + "/ogc", "contact-points");
        JsonNode features = JsonMapper.shared().readTree(Files.readString(out)).path("features");
        Set<String> ids = new HashSet<>();
        features.forEach(f -> ids.add(f.path("properties").path("id").asString()));
        assertThat(ids).hasSize(1346);
    }

    @Test
    void gdalDecodesOurVectorTiles(@TempDir Path dir) throws Exception {
        Path tile = dir.resolve("tile.pbf");
        Files.write(tile, Http.as(port, tokens, "viewer").get("/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49").body());
        String info = run("ogrinfo", "-ro", "-so", "-oo", "Z=6", "-oo", "X=49", "-oo", "Y=24", "MVT:" + tile, "villages");
        long inTileWithBuffer = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'village' AND geom && "
                + "ST_Transform(ST_TileEnvelope(6, 49, 24, margin => (64.0 / 4096)), 4326)").query(Long.class).single();
        assertThat(number(info, "Feature Count: (\\d+)")).isEqualTo(inTileWithBuffer);
        assertThat(info).contains("name_zh: String", "status: String");
    }

    /** Runs a GDAL command as QGIS would call the API: with the user's token in an Authorization header. */
    private String run(String... command) throws IOException, InterruptedException {
        if (token == null) {
            token = tokens.issue("viewer", "GDAL");
        }
        List<String> full = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("GDAL_HTTP_HEADERS", "Authorization: Bearer " + token);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static long number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
