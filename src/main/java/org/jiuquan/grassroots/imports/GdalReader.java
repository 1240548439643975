package org.jiuquan.grassroots.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    private static final long TIMEOUT_SECONDS = 120;

    FileReaders.Read read(String fileName, byte[] bytes, SourceCrs crs) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("import-");
            Path input = TableFiles.extension(fileName).equals("zip") ? unzip(fileName, bytes, dir)
                    : write(dir, safeName(fileName), bytes);
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSONSeq", "/vsistdout/",
                    input.toString(), "-t_srs", "EPSG:4326", "-lco", "RS=NO"));
            boolean hasPrj = input.toString().endsWith(".shp") && Files.exists(sibling(input, ".prj"));
            if (input.toString().endsWith(".shp") && !hasPrj) {
                // No .prj: the coordinates are in the system the editor named (WGS 84 by default).
                command.addAll(List.of("-s_srs", crs.gcj02() || crs.bd09() ? "EPSG:4326" : "EPSG:" + crs.srid()));
            }
            if (input.toString().endsWith(".shp") && !Files.exists(sibling(input, ".cpg"))) {
                // No .cpg: GDAL would take the text as Latin-1. Text valid as UTF-8 is UTF-8; anything else here is GBK.
                boolean utf8 = validUtf8(Files.readAllBytes(sibling(input, ".dbf")));
                command.addAll(List.of("-oo", utf8 ? "ENCODING=UTF-8" : "ENCODING=CP936"));
            }
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw ImportRefusal.badFile("import.no-gdal", fileName);
            }
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw ImportRefusal.badFile("import.bad-gis", fileName);
            }
            // GCJ-02/BD-09 points were taken as WGS 84 by GDAL: they are converted afterwards, as the editor said.
            SourceCrs after = crs.gcj02() || crs.bd09() ? crs : SourceCrs.WGS84;
            SourceTable table;
            List<Issue> issues = new ArrayList<>();
            try {
                table = table(fileName, new String(out, StandardCharsets.UTF_8), issues);
            } catch (RuntimeException e) {
                throw ImportRefusal.badFile("import.bad-gis", fileName);
            }
            return new FileReaders.Read(table, after, issues);
        } catch (IOException e) {
            throw ImportRefusal.badFile("import.bad-gis", fileName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ImportRefusal.badFile("import.bad-gis", fileName);
        } finally {
            if (dir != null) {
                delete(dir);
            }
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
        for (String line : geoJsonSeq.split("\n")) {
            String json = line.strip();
            if (json.isEmpty()) {
                continue;
            }
            JsonNode feature = JsonMapper.shared().readTree(json.startsWith("\u001e") ? json.substring(1) : json);
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

    private static Path unzip(String fileName, byte[] zip, Path dir) throws IOException {
        long total = 0;
        List<Path> candidates = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = safeName(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
                byte[] bytes = in.readNBytes((int) Math.min(MAX_UNPACKED_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += bytes.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw ImportRefusal.badFile("import.zip-too-large", fileName);
                }
                Path file = write(dir, name, bytes);
                String extension = TableFiles.extension(name);
                if (Set.of("shp", "gpkg", "geojson", "json", "kml").contains(extension)) {
                    candidates.add(file);
                }
            }
        }
        if (candidates.size() != 1) {
            throw ImportRefusal.badFile(candidates.isEmpty() ? "import.zip-no-gis" : "import.zip-many-gis", fileName);
        }
        Path shp = candidates.get(0);
        if (shp.toString().endsWith(".shp") && !Files.exists(sibling(shp, ".dbf"))) {
            throw ImportRefusal.badFile("import.shp-incomplete", fileName);
        }
        return shp;
    }

    /** The same file name with another extension, as the Shapefile's parts are found (any case). */
    static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        Path lower = file.resolveSibling(base + extension);
        Path upper = file.resolveSibling(base + extension.toUpperCase(Locale.ROOT));
        return Files.exists(upper) && !Files.exists(lower) ? upper : lower;
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Only the last part of a name, and no characters a shell or GDAL would read as syntax. */
    private static String safeName(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = last.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "file" + cleaned : cleaned;
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
