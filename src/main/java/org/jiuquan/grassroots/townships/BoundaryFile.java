package org.jiuquan.grassroots.townships;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    private static final long TIMEOUT_SECONDS = 120;

    private BoundaryFile() {
    }

    static List<Feature> read(String fileName, byte[] bytes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".geojson") || lower.endsWith(".json") || lower.endsWith(".zip"))) {
            throw ApiProblem.badRequest("townships.boundary-file-type", fileName);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("boundaries-");
            Path input = lower.endsWith(".zip") ? unzip(fileName, bytes, dir) : write(dir, "boundaries.geojson", bytes);
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSONSeq", "/vsistdout/",
                    input.toString(), "-t_srs", "EPSG:4326", "-lco", "RS=NO"));
            if (input.toString().endsWith(".shp") && !Files.exists(sibling(input, ".cpg"))) {
                // No .cpg: Chinese desktop GIS writes GBK; GDAL would read it as Latin-1.
                boolean utf8 = validUtf8(Files.readAllBytes(sibling(input, ".dbf")));
                command.addAll(List.of("-oo", utf8 ? "ENCODING=UTF-8" : "ENCODING=CP936"));
            }
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw ApiProblem.badRequest("import.no-gdal", fileName);
            }
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw ApiProblem.badRequest("import.bad-gis", fileName);
            }
            List<Feature> features = new ArrayList<>();
            int row = 0;
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                String json = line.strip();
                if (json.isEmpty()) {
                    continue;
                }
                JsonNode feature = JsonMapper.shared().readTree(json.startsWith("\u001e") ? json.substring(1) : json);
                features.add(new Feature(++row, feature.path("properties"), feature.path("geometry")));
            }
            if (features.isEmpty()) {
                throw ApiProblem.badRequest("townships.boundary-file-empty", fileName);
            }
            return features;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.badRequest("import.bad-gis", fileName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.badRequest("import.bad-gis", fileName);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
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
                    throw ApiProblem.badRequest("import.zip-too-large", fileName);
                }
                Path file = write(dir, name, bytes);
                String lower = name.toLowerCase(Locale.ROOT);
                if (Set.of(".shp", ".geojson", ".json").stream().anyMatch(lower::endsWith)) {
                    candidates.add(file);
                }
            }
        }
        if (candidates.size() != 1) {
            throw ApiProblem.badRequest(candidates.isEmpty() ? "import.zip-no-gis" : "import.zip-many-gis", fileName);
        }
        Path shp = candidates.getFirst();
        if (shp.toString().toLowerCase(Locale.ROOT).endsWith(".shp") && !Files.exists(sibling(shp, ".dbf"))) {
            throw ApiProblem.badRequest("import.shp-incomplete", fileName);
        }
        return shp;
    }

    private static Path sibling(Path file, String extension) {
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
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
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
