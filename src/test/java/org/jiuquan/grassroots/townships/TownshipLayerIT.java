package org.jiuquan.grassroots.townships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PostgisIntegrationTest
class TownshipLayerIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TownshipAreas areas;
    Http http;

    @BeforeEach
    void client() {
        http = Http.as(port, tokens, "analyst");
    }

    @Test
    void theTownshipsCollectionServesEveryOfficialTownshipWithAnApproximateArea() {
        JsonNode page = http.json("/ogc/collections/townships/items?limit=100");
        assertThat(page.path("numberMatched").asInt()).isEqualTo(84);
        JsonNode dingxin = http.json("/ogc/collections/townships/items/620921101");
        assertThat(dingxin.path("properties").path("name_zh").asString()).isEqualTo("鼎新镇");
        assertThat(dingxin.path("properties").path("district_code").asString()).isEqualTo("620921");
        assertThat(dingxin.path("properties").path("approximate").asBoolean()).isTrue();
        assertThat(dingxin.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        JsonNode jinta = http.json("/ogc/collections/townships/items?district=620921");
        List<String> names = new ArrayList<>();
        jinta.path("features").forEach(f -> names.add(f.path("properties").path("name_zh").asString()));
        assertThat(names).contains("鼎新镇", "金塔镇", "航天镇").doesNotContain("西洞镇");
    }

    @Test
    void theApproximateAreasCoverEachDistrictWithoutGapsOrOverlaps() {
        // given the areas built from the loaded data
        awaitAreasCurrent();
        // then the sum of each district's township areas equals the district, and their union the sum
        assertAreasCoverEachDistrict();
    }

    @Test
    void aStatusChangeRebuildsNoArea() {
        // given areas that fit the data
        awaitAreasCurrent();
        Map<String, Instant> builtBefore = builtAt();
        // when an organisation of 金塔县 is recorded as weak from the day of its current status, as a card does
        Organisation o = jdbc.sql("""
                SELECT o.id, o.status, o.status_since FROM organisation o
                JOIN organisation_status h ON h.organisation_id = o.id AND h.valid_from = o.status_since
                WHERE o.district_code = '620921' AND o.status = 'normal' ORDER BY o.id LIMIT 1""")
                .query((rs, row) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .single();
        try {
            changeStatus(o, "weak");
            // then no district's areas are stale, and none was rebuilt
            assertThat(areas.current()).isTrue();
            assertThat(builtAt()).isEqualTo(builtBefore);
        } finally {
            changeStatus(o, o.status());
        }
    }

    @Test
    void aMovedOrganisationRebuildsItsDistrictOnlyInTheBackground() {
        // given areas that fit the data
        awaitAreasCurrent();
        Map<String, Instant> builtBefore = builtAt();
        // when a village of 鼎新镇 moves 1 km east (still in its district)
        long id = jdbc.sql("""
                SELECT o.id FROM organisation o JOIN district d ON d.code = o.district_code
                WHERE o.township_zh = '鼎新镇' AND o.kind = 'village'
                  AND ST_Contains(d.outline, ST_Translate(o.geom, 0.012, 0))
                  AND NOT ST_DWithin(CAST(ST_Boundary(d.outline) AS geography),
                                     CAST(ST_Translate(o.geom, 0.012, 0) AS geography), 3000)
                ORDER BY o.id LIMIT 1""").query(Long.class).single();
        try {
            jdbc.sql("UPDATE organisation SET geom = ST_Translate(geom, 0.012, 0) WHERE id = :id").param("id", id)
                    .update();
            // then 金塔县's areas are stale, while the layer is still served (with the previous areas)
            assertThat(areas.current()).isFalse();
            assertThat(http.get("/ogc/collections/townships/items?district=620921").statusCode()).isEqualTo(200);
            // and once rebuilt in the background, 金塔县's townships are new, every other district's as they were
            awaitAreasCurrent();
            Map<String, Instant> builtAfter = builtAt();
            builtAfter.forEach((code, built) -> {
                if (code.startsWith("620921")) {
                    assertThat(built).as(code).isAfter(builtBefore.get(code));
                } else {
                    assertThat(built).as(code).isEqualTo(builtBefore.get(code));
                }
            });
            assertAreasCoverEachDistrict();
            assertThat(jdbc.sql("""
                    SELECT ST_Intersects(a.area, o.geom) FROM organisation o
                    JOIN township t ON t.district_code = o.district_code AND t.name_zh = o.township_zh
                    JOIN township_area a ON a.code = t.code WHERE o.id = :id""").param("id", id)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            jdbc.sql("UPDATE organisation SET geom = ST_Translate(geom, -0.012, 0) WHERE id = :id").param("id", id)
                    .update();
            awaitAreasCurrent();
        }
    }

    @Test
    void everyOrganisationOfATownshipLiesInItsArea() {
        awaitAreasCurrent();
        long outside = jdbc.sql("""
                SELECT count(*) FROM organisation o
                JOIN township t ON t.district_code = o.district_code AND t.name_zh = o.township_zh
                JOIN township_area a ON a.code = t.code
                WHERE NOT ST_Intersects(a.area, o.geom) AND ST_Intersects(o.geom, (SELECT outline FROM district
                                                                                  WHERE code = o.district_code))""")
                .query(Long.class).single();
        assertThat(outside).isZero();
    }

    @Test
    void aVectorTileHoldsTheTownshipsMarkedApproximate() throws IOException {
        // z7 tile over Jinta (98.9E, 40.0N)
        byte[] body = http.get("/ogc/collections/townships/tiles/WebMercatorQuad/7/48/99").body();
        JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(body), new GeometryFactory(),
                new TagKeyValueMapConverter()).getLayer("townships");
        assertThat(layer).isNotNull();
        Set<String> names = new HashSet<>();
        layer.getGeometries().forEach(g -> {
            Map<?, ?> properties = (Map<?, ?>) g.getUserData();
            names.add(String.valueOf(properties.get("name_zh")));
            assertThat(properties.get("approximate")).isEqualTo(true);
        });
        assertThat(names).contains("鼎新镇", "金塔镇");
    }

    @Test
    void townshipIndicatorsAgreeWithACountOfTheOrganisationRows() {
        for (String period : List.of("2017Q1", "2017Q4")) {
            Map<String, Expected> expected = recompute(period);
            JsonNode features = http.json("/ogc/collections/townships/items?limit=100&period=" + period)
                    .path("features");
            int checked = 0;
            for (JsonNode feature : features) {
                JsonNode p = feature.path("properties");
                Expected e = expected.getOrDefault(p.path("code").asString(), new Expected());
                String what = period + " " + p.path("name_zh").asString();
                assertThat(p.path("villages").asLong()).as(what).isEqualTo(e.villages);
                assertThat(p.path("grid_branches").asLong()).as(what).isEqualTo(e.gridBranches);
                assertThat(p.path("organisations").asLong()).as(what).isEqualTo(e.organisations);
                assertThat(p.path("weak").asLong()).as(what).isEqualTo(e.weak);
                assertThat(p.path("rectifying").asLong()).as(what).isEqualTo(e.rectifying);
                if (e.organisations > 0) {
                    assertThat(p.path("fortress_index_mean").decimalValue()).as(what).isEqualByComparingTo(
                            e.fortressSum.divide(BigDecimal.valueOf(e.organisations), 1, RoundingMode.HALF_UP));
                }
                if (e.villages > 0) {
                    assertThat(p.path("villages_with_contact_share").asDouble()).as(what)
                            .isCloseTo((double) e.villagesWithContact / e.villages, within(0.0001));
                }
                checked++;
            }
            assertThat(checked).isEqualTo(84);
            // Nearly every village is in an official township (other tests may have imported a few more or fewer).
            assertThat(expected.values().stream().mapToLong(e -> e.villages).sum()).isGreaterThan(400);
        }
    }

    private void awaitAreasCurrent() {
        areas.rebuildInBackground();
        await().atMost(Duration.ofMinutes(2)).until(areas::current);
    }

    private void assertAreasCoverEachDistrict() {
        List<double[]> rows = jdbc.sql("""
                SELECT ST_Area(CAST(d.outline AS geography)),
                       sum(ST_Area(CAST(a.area AS geography))),
                       ST_Area(CAST(ST_Union(a.area) AS geography))
                FROM district d JOIN township t ON t.district_code = d.code JOIN township_area a ON a.code = t.code
                GROUP BY d.code, d.outline ORDER BY d.code""")
                .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)}).list();
        assertThat(rows).hasSize(7);
        for (double[] r : rows) {
            assertThat(r[1]).as("sum of township areas against the district").isCloseTo(r[0], within(r[0] * 0.001));
            assertThat(r[2]).as("merged against summed township areas").isCloseTo(r[1], within(r[1] * 0.001));
        }
    }

    private Map<String, Instant> builtAt() {
        Map<String, Instant> built = new HashMap<>();
        jdbc.sql("SELECT code, built_at FROM township_area").query((rs, row) ->
                built.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return built;
    }

    /** What OrganisationRepository.changeStatus writes for a status recorded on a card. */
    private void changeStatus(Organisation o, String status) {
        jdbc.sql("UPDATE organisation SET status = :status WHERE id = :id").param("status", status)
                .param("id", o.id()).update();
        jdbc.sql("""
                INSERT INTO organisation_status (organisation_id, valid_from, status) VALUES (:id, :from, :status)
                ON CONFLICT (organisation_id, valid_from) DO UPDATE SET status = EXCLUDED.status""")
                .param("id", o.id()).param("from", o.since()).param("status", status).update();
    }

    private record Organisation(long id, String status, LocalDate since) {
    }

    /** The same indicators from plain rows, in Java: no view, no aggregate of the database's. */
    private Map<String, Expected> recompute(String period) {
        Map<String, String> townshipByName = new HashMap<>();
        jdbc.sql("SELECT code, district_code, name_zh FROM township").query((rs, row) ->
                townshipByName.put(rs.getString(2) + rs.getString(3), rs.getString(1))).list();
        Set<Long> withContact = new HashSet<>(jdbc.sql("""
                SELECT organisation_id FROM contact_point
                WHERE established_on <= (SELECT ends_on FROM period WHERE code = :period)""")
                .param("period", period).query(Long.class).list());
        Map<String, Expected> result = new HashMap<>();
        jdbc.sql("""
                SELECT id, kind, district_code, township_zh, status_at ->> :period, fortress_index FROM organisation""")
                .param("period", period).query((rs, row) -> {
                    String status = rs.getString(5);
                    String township = townshipByName.get(rs.getString(3) + rs.getString(4));
                    if (status == null || township == null) {
                        return null;
                    }
                    Expected e = result.computeIfAbsent(township, code -> new Expected());
                    e.organisations++;
                    e.fortressSum = e.fortressSum.add(rs.getBigDecimal(6));
                    switch (rs.getString(2)) {
                        case "village" -> {
                            e.villages++;
                            if (withContact.contains(rs.getLong(1))) {
                                e.villagesWithContact++;
                            }
                        }
                        case "grid_branch" -> e.gridBranches++;
                        default -> { }
                    }
                    if (status.equals("weak")) {
                        e.weak++;
                    } else if (status.equals("rectifying")) {
                        e.rectifying++;
                    }
                    return null;
                }).list();
        return result;
    }

    private static final class Expected {
        long organisations;
        long villages;
        long gridBranches;
        long weak;
        long rectifying;
        long villagesWithContact;
        BigDecimal fortressSum = BigDecimal.ZERO;
    }
}
