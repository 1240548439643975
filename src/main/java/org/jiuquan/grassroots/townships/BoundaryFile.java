package org.jiuquan.grassroots.townships;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jiuquan.grassroots.geo.Ogr2Ogr;
import org.jiuquan.grassroots.web.ApiProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of township boundaries read with GDAL's ogr2ogr (GeoJSON, or a zipped Shapefile): one feature per
 * line of GeoJSON in WGS 84 longitude/latitude. GDAL reprojects from the CRS the file declares (a GeoJSON
 * {@code crs}, a Shapefile's .prj); a file that declares none is taken as longitude/latitude, and coordinates
 * that cannot be (outside China's longitudes and latitudes) are refused later as a wrong CRS.
 */
final class BoundaryFile {

    record Feature(int row, JsonNode properties, JsonNode geometry) {
    }

    private BoundaryFile() {
    }

    static List<Feature> read(String fileName, byte[] bytes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".geojson") || lower.endsWith(".json") || lower.endsWith(".zip"))) {
            throw ApiProblem.badRequest("townships.boundary-file-type", fileName);
        }
        String geoJsonSeq;
        try {
            geoJsonSeq = Ogr2Ogr.geoJsonSeq(fileName, bytes, lower.endsWith(".zip"), Set.of("shp", "geojson", "json"),
                    null);
        } catch (Ogr2Ogr.Refusal refusal) {
            throw ApiProblem.badRequest(refusal.messageKey(), fileName);
        }
        List<Feature> features = new ArrayList<>();
        try {
            int row = 0;
            for (String json : Ogr2Ogr.features(geoJsonSeq)) {
                JsonNode feature = JsonMapper.shared().readTree(json);
                features.add(new Feature(++row, feature.path("properties"), feature.path("geometry")));
            }
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("import.bad-gis", fileName);
        }
        if (features.isEmpty()) {
            throw ApiProblem.badRequest("townships.boundary-file-empty", fileName);
        }
        return features;
    }
}
