package org.jiuquan.grassroots.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analysis result as a GeoJSON FeatureCollection, written only here, at the HTTP edge: for the analysis map
 * and for GIS clients. The properties keep the names the map element and GIS users already read.
 */
final class AnalysisGeoJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private AnalysisGeoJson() {
    }

    static String collection(AnalysisResult result) {
        List<Map<String, Object>> features = switch (result) {
            case WeakClusters clusters -> clusters(clusters);
            case HotSpots spots -> hotSpots(spots);
            case CoverageGaps gaps -> gaps.gaps().stream().map(AnalysisGeoJson::gap).toList();
        };
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("numberReturned", features.size());
        if (result instanceof HotSpots spots && spots.binned()) {
            // Says what the features are: the significant cells of a binned run, out of this many organisations.
            collection.put("binned", true);
            collection.put("organisations", spots.organisations());
            collection.put("significant_organisations", spots.spots().size());
        }
        collection.put("features", features);
        return JSON.writeValueAsString(collection);
    }

    private static List<Map<String, Object>> clusters(WeakClusters result) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (WeakClusters.Cluster c : result.clusters()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("feature_type", "cluster");
            p.put("cluster", c.number());
            p.put("count", c.count());
            p.put("districts", String.join(",", c.districts()));
            features.add(feature("cluster-" + c.number(), geometry(c.hull()), p));
        }
        for (WeakClusters.Member m : result.members()) {
            Map<String, Object> p = organisation(m.organisation());
            p.put("feature_type", "organisation");
            p.put("cluster", m.cluster());
            features.add(feature(m.organisation().code(), point(m.organisation().lon(), m.organisation().lat()), p));
        }
        return features;
    }

    private static List<Map<String, Object>> hotSpots(HotSpots result) {
        if (result.binned()) {
            return result.cells().stream().map(c -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("feature_type", "cell");
                p.put("organisations", c.organisations());
                p.put("neighbours", c.neighbours());
                p.put("z", c.z());
                p.put("significance", c.significance());
                p.put("spot", c.spot());
                p.put("binned", true);
                p.put("cell_m", c.size());
                return feature("cell-" + c.column() + "-" + c.row(), point(c.lon(), c.lat()), p);
            }).toList();
        }
        return result.spots().stream().map(s -> {
            Map<String, Object> p = organisation(s.organisation());
            p.put("neighbours", s.neighbours());
            p.put("z", s.z());
            p.put("significance", s.significance());
            p.put("spot", s.spot());
            return feature(s.organisation().code(), point(s.organisation().lon(), s.organisation().lat()), p);
        }).toList();
    }

    private static Map<String, Object> gap(CoverageGaps.Gap g) {
        Map<String, Object> p = organisation(g.organisation());
        p.put("nearest_m", g.nearestMetres());
        p.put("nearest_organisation_zh", g.nearestOrganisationZh());
        p.put("nearest_leader_zh", g.nearestLeaderZh());
        p.put("nearest_leader_level", g.nearestLeaderLevel());
        p.put("nearest_leader_title_zh", g.nearestLeaderTitleZh());
        p.put("nearest_leader_phone", g.nearestLeaderPhone());
        return feature(g.organisation().code(), point(g.organisation().lon(), g.organisation().lat()), p);
    }

    private static Map<String, Object> organisation(AnalysedOrganisation o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", o.code());
        p.put("name_zh", o.nameZh());
        p.put("kind", o.kind());
        p.put("district_code", o.districtCode());
        p.put("fortress_index", o.fortressIndex());
        p.put("status", o.status());
        return p;
    }

    private static Map<String, Object> feature(String id, Object geometry, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    /** A position to six decimals (about 0.1 m), as PostGIS wrote them before. */
    private static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(six(lon), six(lat)));
    }

    private static double six(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static Object geometry(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        return JSON.readTree(writer.write(geometry));
    }
}
