package org.jiuquan.grassroots.townships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.JsonNode;

@PostgisIntegrationTest
class TownshipLayerIT extends TownshipTest {

    Http http;

    @BeforeEach
    void client() {
        http = as("analyst");
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
    void townshipIndicatorsAgreeWithAComputationFromTheRowsForTwoQuarters() {
        // given 金塔县's contact points established in August 2017, so that Q1 and Q4 differ in contacts too
        // (the demo's were all established before 2017; its status history already differs by quarter)
        Map<Long, LocalDate> established = new HashMap<>();
        jdbc.sql("""
                SELECT c.id, c.established_on FROM contact_point c JOIN organisation o ON o.id = c.organisation_id
                WHERE o.district_code = '620921'""").query((rs, row) ->
                established.put(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
        assertThat(established).isNotEmpty();
        jdbc.sql("UPDATE contact_point SET established_on = DATE '2017-08-01' WHERE id IN (:ids)")
                .param("ids", established.keySet()).update();
        try {
            Map<String, BigDecimal> dingxinFortress = new HashMap<>();
            Map<String, Double> dingxinDistance = new HashMap<>();
            for (String period : List.of("2017Q1", "2017Q4")) {
                // when the layer is read for the quarter
                Map<String, Expected> expected = recompute(period);
                JsonNode features = http.json("/ogc/collections/townships/items?limit=100&period=" + period)
                        .path("features");
                // then every township's indicators are those computed here from the plain rows
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
                        // one decimal, from means of the statuses' typical indices: a rounding step may differ
                        assertThat(p.path("fortress_index_mean").decimalValue()).as(what + " fortress").isCloseTo(
                                e.fortressSum.divide(BigDecimal.valueOf(e.organisations), 1, RoundingMode.HALF_UP),
                                within(new BigDecimal("0.1")));
                    }
                    if (e.villages > 0) {
                        assertThat(p.path("villages_with_contact_share").asDouble()).as(what)
                                .isCloseTo((double) e.villagesWithContact / e.villages, within(0.0001));
                    }
                    if (e.distances.isEmpty()) {
                        assertThat(p.path("contact_distance_p90_m").isNull()).as(what + " distance").isTrue();
                    } else {
                        // great-circle distances here, PostGIS's on the spheroid: within 0.5 % and a metre
                        double p90 = percentile90(e.distances);
                        assertThat(p.path("contact_distance_p90_m").asDouble()).as(what + " distance")
                                .isCloseTo(p90, within(p90 * 0.005 + 1));
                    }
                    if (p.path("name_zh").asString().equals("鼎新镇")) {
                        dingxinFortress.put(period, p.path("fortress_index_mean").decimalValue());
                        dingxinDistance.put(period, p.path("contact_distance_p90_m").asDouble());
                    }
                    checked++;
                }
                assertThat(checked).isEqualTo(84);
                // Nearly every village is in an official township (other tests may have imported a few more or fewer).
                assertThat(expected.values().stream().mapToLong(e -> e.villages).sum()).isGreaterThan(400);
            }
            // and 鼎新镇's contacts were farther in Q1, before its district's contact points existed
            assertThat(dingxinDistance.get("2017Q1")).isGreaterThan(dingxinDistance.get("2017Q4"));
            assertThat(dingxinFortress).containsKeys("2017Q1", "2017Q4");
        } finally {
            established.forEach((id, on) -> jdbc.sql("UPDATE contact_point SET established_on = :on WHERE id = :id")
                    .param("on", on).param("id", id).update());
        }
    }

    /** Whether any township's mean fortress index differs between two quarters (the status history moves it). */
    @Test
    void theMeanFortressIndexIsTheQuartersNotTodays() {
        Map<String, String> q1 = new HashMap<>();
        http.json("/ogc/collections/townships/items?limit=100&period=2017Q1").path("features").forEach(f ->
                q1.put(f.path("id").asString(), f.path("properties").path("fortress_index_mean").asString()));
        long differing = 0;
        for (JsonNode f : http.json("/ogc/collections/townships/items?limit=100&period=2017Q4").path("features")) {
            if (!f.path("properties").path("fortress_index_mean").asString().equals(q1.get(f.path("id").asString()))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(0);
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

    /**
     * The same indicators from plain rows, in Java: no view, no aggregate of the database's. The quarter's
     * fortress index and contact distance follow the rules of V61: an organisation still in the status spell
     * it was in at the quarter's end has its own index, otherwise the mean index of the organisations in its
     * then status today; the distance is to the nearest organisation with a contact point by the quarter's end.
     */
    private Map<String, Expected> recompute(String period) {
        LocalDate endsOn = jdbc.sql("SELECT ends_on FROM period WHERE code = :period").param("period", period)
                .query((rs, row) -> rs.getDate(1).toLocalDate()).single();
        Map<String, String> townshipByName = new HashMap<>();
        jdbc.sql("SELECT code, district_code, name_zh FROM township").query((rs, row) ->
                townshipByName.put(rs.getString(2) + rs.getString(3), rs.getString(1))).list();
        Map<Long, LocalDate> firstContact = new HashMap<>();
        jdbc.sql("SELECT organisation_id, established_on FROM contact_point").query((rs, row) ->
                firstContact.merge(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        (x, y) -> x.isBefore(y) ? x : y)).list();
        // Each organisation's status spell at the quarter's end: the latest history row up to it.
        Map<Long, String[]> spellAtEnd = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, valid_from, status FROM organisation_status
                WHERE valid_from <= :ends ORDER BY organisation_id, valid_from""").param("ends", endsOn)
                .query((rs, row) -> spellAtEnd.put(rs.getLong(1),
                        new String[] {rs.getString(3), rs.getDate(2).toLocalDate().toString()})).list();
        List<Row> rows = jdbc.sql("""
                SELECT id, kind, district_code, township_zh, status_at ->> :period, fortress_index, status,
                       status_since, ST_X(geom), ST_Y(geom) FROM organisation""")
                .param("period", period).query((rs, row) -> new Row(rs.getLong(1), rs.getString(2),
                        rs.getString(3) + rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                        rs.getDate(8).toLocalDate().toString(), rs.getDouble(9), rs.getDouble(10))).list();
        Map<String, BigDecimal[]> typicalSums = new HashMap<>();
        rows.forEach(r -> typicalSums.merge(r.status(), new BigDecimal[] {r.fortress(), BigDecimal.ONE},
                (x, y) -> new BigDecimal[] {x[0].add(y[0]), x[1].add(y[1])}));
        List<Row> contacts = rows.stream().filter(r -> firstContact.containsKey(r.id())
                && !firstContact.get(r.id()).isAfter(endsOn)).toList();
        Map<String, Expected> result = new HashMap<>();
        for (Row r : rows) {
            String township = townshipByName.get(r.township());
            if (r.statusAtPeriod() == null || township == null) {
                continue;
            }
            Expected e = result.computeIfAbsent(township, code -> new Expected());
            e.organisations++;
            String[] spell = spellAtEnd.get(r.id());
            boolean sameSpell = spell[0].equals(r.status()) && spell[1].equals(r.statusSince());
            BigDecimal[] typical = typicalSums.get(spell[0]);
            e.fortressSum = e.fortressSum.add(sameSpell || typical == null ? r.fortress()
                    : typical[0].divide(typical[1], 20, RoundingMode.HALF_UP));
            switch (r.kind()) {
                case "village" -> {
                    e.villages++;
                    if (contacts.stream().anyMatch(c -> c.id() == r.id())) {
                        e.villagesWithContact++;
                    }
                }
                case "grid_branch" -> e.gridBranches++;
                default -> { }
            }
            if (r.kind().equals("village") || r.kind().equals("grid_branch")) {
                contacts.stream().mapToDouble(c -> metres(r, c)).min().ifPresent(e.distances::add);
            }
            if (r.statusAtPeriod().equals("weak")) {
                e.weak++;
            } else if (r.statusAtPeriod().equals("rectifying")) {
                e.rectifying++;
            }
        }
        return result;
    }

    private record Row(long id, String kind, String township, String statusAtPeriod, BigDecimal fortress,
                       String status, String statusSince, double lon, double lat) {
    }

    /** Great-circle distance on the mean Earth radius. */
    private static double metres(Row a, Row b) {
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }

    /** PostgreSQL's percentile_cont(0.9): linear between the two nearest ranks. */
    private static double percentile90(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = 0.9 * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
    }

    private static final class Expected {
        long organisations;
        long villages;
        long gridBranches;
        long weak;
        long rectifying;
        long villagesWithContact;
        BigDecimal fortressSum = BigDecimal.ZERO;
        final List<Double> distances = new ArrayList<>();
    }
}
