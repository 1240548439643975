package org.jiuquan.grassroots.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Low-zoom tiles summed from the kept grid-cell counts (V70) hold exactly what counting the points gives:
 * the same cells, counts, weak counts and positions, for every quarter and filter, after the data loaded and
 * after changes of every kind (made inside a transaction that is rolled back).
 */
@PostgisIntegrationTest
class TileCellCountIT {

    /** Few enough that the demo data's low-zoom tiles are aggregated, as they are at large scales. */
    static final int LOW_THRESHOLD = 50;
    static final List<Collection> POINT_LAYERS = List.of(Collection.VILLAGES, Collection.GRID_BRANCHES,
            Collection.ENTERPRISES, Collection.SOCIAL_ORGANISATIONS, Collection.CONTACT_POINTS);
    static final List<String> PERIODS = List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4");
    static final List<Map<String, String>> FILTERS = List.of(Map.of(), Map.of("district", "620902"),
            Map.of("status", "weak"), Map.of("district", "620921", "status", "normal"));
    static final List<Map<String, String>> CONTACT_FILTERS = List.of(Map.of("level", "city"),
            Map.of("kind", "enterprise"), Map.of("level", "county", "kind", "village", "district", "620902"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    final TileRepository tiles = new TileRepository(LOW_THRESHOLD);

    @Test
    void everyLowZoomTileOfTheLoadedDataIsTheSameFromTheKeptCells() {
        int aggregated = compareEveryTile(PERIODS);
        assertThat(aggregated).as("tiles aggregated from the kept cells").isGreaterThan(100);
    }

    @Test
    void theKeptCellsFollowStatusChangesMovesNewOrganisationsAndContactPointChanges() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Given changes of every kind the cells follow
            jdbc.sql("""
                    INSERT INTO organisation_status (organisation_id, valid_from, status)
                    SELECT id, DATE '2017-05-01', 'weak' FROM organisation
                    WHERE kind = 'village' AND district_code = '620902' ORDER BY id LIMIT 30""").update();
            jdbc.sql("""
                    UPDATE organisation SET geom = ST_Translate(geom, 0.37, -0.21)
                    WHERE id IN (SELECT id FROM organisation WHERE kind = 'grid_branch' ORDER BY id LIMIT 40)""").update();
            jdbc.sql("UPDATE organisation SET name_zh = name_zh || '（改）' WHERE kind = 'enterprise'").update();
            jdbc.sql("""
                    INSERT INTO organisation (code, kind, name_zh, township_zh, district_code, fortress_index, status,
                                              status_since, geom)
                    SELECT '620902999201', 'village', '测试村', '测试镇', code, 70, 'weak', DATE '2017-03-01',
                           ST_PointOnSurface(outline)
                    FROM district WHERE code = '620902'""").update();
            jdbc.sql("""
                    INSERT INTO organisation_status (organisation_id, valid_from, status)
                    SELECT id, DATE '2017-03-01', 'weak' FROM organisation WHERE code = '620902999201'""").update();
            jdbc.sql("DELETE FROM contact_point WHERE id IN (SELECT id FROM contact_point ORDER BY id LIMIT 25)").update();
            jdbc.sql("""
                    UPDATE contact_point SET established_on = DATE '2017-11-01'
                    WHERE id IN (SELECT id FROM contact_point ORDER BY id DESC LIMIT 60)""").update();
            jdbc.sql("""
                    INSERT INTO contact_point (leader_id, organisation_id, established_on)
                    SELECT (SELECT min(id) FROM leader WHERE level = 'city'), id, DATE '2017-05-01'
                    FROM organisation WHERE code = '620902999201'""").update();
            jdbc.sql("""
                    UPDATE leader SET level = 'township'
                    WHERE id IN (SELECT id FROM leader WHERE level = 'county' ORDER BY id LIMIT 5)""").update();

            // Then every low-zoom tile still counts what the points say
            int aggregated = compareEveryTile(List.of("2017Q1", "2017Q4"));
            assertThat(aggregated).isGreaterThan(50);
        });
    }

    @Test
    void eachZoomKeepsEveryPointOnceWithNoEmptyCells() {
        long organisations = jdbc.sql("SELECT count(*) FROM organisation WHERE (status_at ->> '2017Q4') IS NOT NULL")
                .query(Long.class).single();
        long contactPoints = jdbc.sql("""
                SELECT count(*) FROM contact_point c JOIN organisation o ON o.id = c.organisation_id
                WHERE (o.status_at ->> '2017Q4') IS NOT NULL AND c.established_on <= (SELECT ends_on FROM period WHERE code = '2017Q4')""")
                .query(Long.class).single();
        List<Long> perZoom = jdbc.sql("""
                SELECT sum(points) FROM tile_cell_count WHERE period = '2017Q4' AND layer <> 'contact_point'
                GROUP BY z ORDER BY z""").query(Long.class).list();
        assertThat(perZoom).hasSize(10).containsOnly(organisations);
        assertThat(jdbc.sql("""
                SELECT sum(points) FROM tile_cell_count WHERE period = '2017Q4' AND layer = 'contact_point' AND z = 0""")
                .query(Long.class).single()).isEqualTo(contactPoints);
        assertThat(jdbc.sql("SELECT count(*) FROM tile_cell_count WHERE points <= 0").query(Long.class).single()).isZero();
    }

    @Test
    void aboveZoomNineTheCellsBoundTheCountSoATileIsTheSameAsCountingItsPoints() {
        for (int z = 10; z <= 16; z++) {
            for (int dx = -2; dx <= 2; dx++) {
                for (int dy = -2; dy <= 2; dy++) {
                    // Around Jiuquan city centre (98.494E, 39.733N), the densest part of the data.
                    int x = column(98.494, z) + dx;
                    int y = row(39.733, z) + dy;
                    long inTile = jdbc.sql("""
                            SELECT count(*) FROM organisation o
                            WHERE o.kind = 'grid_branch' AND (o.status_at ->> '2017Q4') IS NOT NULL
                              AND o.geom && ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => (64.0 / 4096)), 4326)""")
                            .param("z", z).param("x", x).param("y", y).query(Long.class).single();
                    assertThat(TileCells.atMost(jdbc, Collection.GRID_BRANCHES, z, x, y, Map.of(), "2017Q4"))
                            .as("grid branches %d/%d/%d", z, x, y).isGreaterThanOrEqualTo(inTile);
                    for (Collection layer : POINT_LAYERS) {
                        assertThat(features(tiles.tile(jdbc, layer, z, x, y, Map.of(), "2017Q4"), layer))
                                .as("%s %d/%d/%d", layer.id(), z, x, y)
                                .isEqualTo(features(tiles.tileCountedLive(jdbc, layer, z, x, y, Map.of(), "2017Q4"),
                                        layer));
                    }
                }
            }
        }
    }

    /** Compares the tiles over Jiuquan at zooms 3 to 9 both ways; returns how many were aggregated. */
    private int compareEveryTile(List<String> periods) {
        int aggregated = 0;
        for (int z = 3; z <= TileCells.MAX_ZOOM; z++) {
            // Jiuquan: about 92.8E-100.3E, 38.1N-42.9N; at zoom 9 only the tiles around the city (the densest).
            double west = z == 9 ? 98.2 : 92.8;
            double east = z == 9 ? 99.0 : 100.3;
            double south = z == 9 ? 39.5 : 38.1;
            double north = z == 9 ? 40.0 : 42.9;
            for (int x = column(west, z); x <= column(east, z); x++) {
                for (int y = row(north, z); y <= row(south, z); y++) {
                    for (Collection layer : POINT_LAYERS) {
                        List<Map<String, String>> filters = new ArrayList<>(FILTERS);
                        if (layer == Collection.CONTACT_POINTS) {
                            filters.addAll(CONTACT_FILTERS);
                        }
                        for (String period : periods) {
                            for (Map<String, String> filter : filters) {
                                List<String> kept = features(tiles.tile(jdbc, layer, z, x, y, filter, period), layer);
                                List<String> live = features(tiles.tileCountedLive(jdbc, layer, z, x, y, filter, period),
                                        layer);
                                assertThat(kept).as("%s %d/%d/%d %s %s", layer.id(), z, x, y, period, filter)
                                        .isEqualTo(live);
                                if (!kept.isEmpty() && kept.get(0).startsWith("aggregated")) {
                                    aggregated++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return aggregated;
    }

    /** Each feature as its position in the tile and its properties, sorted (feature order is no meaning). */
    private static List<String> features(byte[] tile, Collection collection) {
        try {
            JtsLayer layer = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                    new TagKeyValueMapConverter()).getLayer(collection.id());
            List<String> features = new ArrayList<>();
            if (layer != null) {
                for (Geometry g : layer.getGeometries()) {
                    Map<?, ?> properties = (Map<?, ?>) g.getUserData();
                    String kind = Boolean.TRUE.equals(properties.get("aggregated")) ? "aggregated " : "point ";
                    features.add(kind + g.getCoordinate().x + " " + g.getCoordinate().y + " "
                            + new java.util.TreeMap<>(properties));
                }
            }
            features.sort(null);
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int row(double lat, int z) {
        double radians = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * (1 << z));
    }
}
