package org.jiuquan.grassroots.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jiuquan.grassroots.geo.Ogr2Ogr;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GIS files (a zipped Shapefile, GeoPackage, GeoJSON, KML) read with GDAL's ogr2ogr, the field's standard
 * reader, never a parser of our own. GDAL honours the .prj (and reprojects to WGS 84) and the .cpg; a
 * DBF with no .cpg is read as UTF-8 when its bytes are valid UTF-8, and as GBK (CP936) otherwise, as
 * Chinese desktop GIS writes it.
 * Points stay points; an outline contributes its interior point.
 */
@Component
class GdalReader {

    private static final Set<String> GIS_EXTENSIONS = Set.of("shp", "gpkg", "geojson", "json", "kml");

    FileReaders.Read read(String fileName, byte[] bytes, SourceCrs crs) {
        String geoJsonSeq;
        try {
            // A Shapefile without a .prj is in the system the editor named (WGS 84 by default); GCJ-02 and
            // BD-09 are taken as WGS 84 by GDAL and converted afterwards, as the editor said.
            geoJsonSeq = Ogr2Ogr.geoJsonSeq(fileName, bytes, TableFiles.extension(fileName).equals("zip"),
                    GIS_EXTENSIONS, crs.gcj02() || crs.bd09() ? "EPSG:4326" : "EPSG:" + crs.srid());
        } catch (Ogr2Ogr.Refusal refusal) {
            throw ImportRefusal.badFile(refusal.messageKey(), fileName);
        }
        SourceCrs after = crs.gcj02() || crs.bd09() ? crs : SourceCrs.WGS84;
        List<Issue> issues = new ArrayList<>();
        try {
            return new FileReaders.Read(table(fileName, geoJsonSeq, issues), after, issues);
        } catch (RuntimeException e) {
            throw ImportRefusal.badFile("import.bad-gis", fileName);
        }
    }

    /** One row per feature (numbered from 1), the union of the properties as the header. */
    static SourceTable table(String fileName, String geoJsonSeq) {
        return table(fileName, geoJsonSeq, new ArrayList<>());
    }

    /** As above; a self-intersecting or otherwise invalid outline is an error of its feature, in {@code issues}. */
    static SourceTable table(String fileName, String geoJsonSeq, List<Issue> issues) {
        List<JsonNode> features = new ArrayList<>();
        Set<String> headers = new LinkedHashSet<>();
        for (String json : Ogr2Ogr.features(geoJsonSeq)) {
            JsonNode feature = JsonMapper.shared().readTree(json);
            features.add(feature);
            feature.path("properties").propertyNames().forEach(headers::add);
        }
        List<String> header = List.copyOf(headers);
        GeoJsonReader geometries = new GeoJsonReader();
        List<SourceTable.Row> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode feature : features) {
            number++;
            List<String> cells = new ArrayList<>();
            for (String name : header) {
                JsonNode value = feature.path("properties").path(name);
                // Lists and objects (a Shapefile field GDAL read as JSON) are kept as their JSON text.
                cells.add(value.isNull() || value.isMissingNode() ? "" : value.isValueNode() ? value.asString()
                        : value.toString());
            }
            SourceTable.Point point = null;
            JsonNode geometry = feature.path("geometry");
            if (geometry.isObject()) {
                try {
                    Geometry g = geometries.read(geometry.toString());
                    if (!g.isValid()) {
                        // An outline crossing itself has no sound inside: name it rather than guess a point.
                        issues.add(Issue.error(new SourceTable.Place(fileName, null, number), "geometry",
                                "import.invalid-geometry", g.getGeometryType()));
                        rows.add(new SourceTable.Row(number, cells, null));
                        continue;
                    }
                    Point p = g instanceof Point single ? single : g.getInteriorPoint();
                    if (!p.isEmpty()) {
                        point = new SourceTable.Point(p.getX(), p.getY());
                    }
                } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
                    point = null;
                }
            }
            rows.add(new SourceTable.Row(number, cells, point));
        }
        return new SourceTable(fileName, null, header, rows);
    }
}
