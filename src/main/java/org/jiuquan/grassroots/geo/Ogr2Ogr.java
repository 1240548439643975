package org.jiuquan.grassroots.geo;

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

import org.jspecify.annotations.Nullable;

/**
 * A GIS file (GeoJSON, or a ZIP holding one Shapefile, GeoPackage, GeoJSON or KML) read with GDAL's ogr2ogr,
 * the field's standard reader, into GeoJSON text sequences in WGS 84 longitude/latitude. GDAL honours the .prj
 * (and reprojects) and the .cpg; a DBF with no .cpg is read as UTF-8 when its bytes are valid UTF-8, and as
 * GBK (CP936) otherwise, as Chinese desktop GIS writes it. The data imports and the township boundary loader
 * both read through here; each turns a refusal into its own kind of error.
 */
public final class Ogr2Ogr {

    /** The file could not be read; {@code messageKey} names why for the person (its argument: the file name). */
    public static final class Refusal extends Exception {
        private final String messageKey;

        Refusal(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    private static final long TIMEOUT_SECONDS = 120;

    private Ogr2Ogr() {
    }

    /**
     * The file's features as GeoJSON text sequences (one feature per line).
     *
     * @param zip             whether the bytes are a ZIP holding the GIS file and its parts
     * @param gisExtensions   the extensions (lower case, no dot) that count as the GIS file inside a ZIP
     * @param shapefileSrs    the CRS ("EPSG:4326") of a Shapefile without a .prj, or null to let GDAL decide
     */
    public static String geoJsonSeq(String fileName, byte[] bytes, boolean zip, Set<String> gisExtensions,
                                    @Nullable String shapefileSrs) throws Refusal {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gis-");
            Path input = zip ? unzip(bytes, dir, gisExtensions) : write(dir, safeName(fileName), bytes);
            List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSONSeq", "/vsistdout/",
                    input.toString(), "-t_srs", "EPSG:4326", "-lco", "RS=NO"));
            boolean shapefile = input.toString().toLowerCase(Locale.ROOT).endsWith(".shp");
            if (shapefile && shapefileSrs != null && !Files.exists(sibling(input, ".prj"))) {
                command.addAll(List.of("-s_srs", shapefileSrs));
            }
            if (shapefile && !Files.exists(sibling(input, ".cpg"))) {
                // No .cpg: GDAL would take the text as Latin-1. Text valid as UTF-8 is UTF-8; anything else here is GBK.
                boolean utf8 = validUtf8(Files.readAllBytes(sibling(input, ".dbf")));
                command.addAll(List.of("-oo", utf8 ? "ENCODING=UTF-8" : "ENCODING=CP936"));
            }
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new Refusal("import.no-gdal");
            }
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new Refusal("import.bad-gis");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refusal("import.bad-gis");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal("import.bad-gis");
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** The JSON of each feature in a GeoJSON text sequence, without the record separators and blank lines. */
    public static List<String> features(String geoJsonSeq) {
        List<String> features = new ArrayList<>();
        for (String line : geoJsonSeq.split("\n")) {
            String json = line.strip();
            if (!json.isEmpty()) {
                features.add(json.startsWith("\u001e") ? json.substring(1) : json);
            }
        }
        return features;
    }

    private static Path unzip(byte[] zip, Path dir, Set<String> gisExtensions) throws IOException, Refusal {
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
                    throw new Refusal("import.zip-too-large");
                }
                Path file = write(dir, name, bytes);
                String lower = name.toLowerCase(Locale.ROOT);
                if (gisExtensions.contains(lower.substring(lower.lastIndexOf('.') + 1))) {
                    candidates.add(file);
                }
            }
        }
        if (candidates.size() != 1) {
            throw new Refusal(candidates.isEmpty() ? "import.zip-no-gis" : "import.zip-many-gis");
        }
        Path gis = candidates.getFirst();
        if (gis.toString().toLowerCase(Locale.ROOT).endsWith(".shp") && !Files.exists(sibling(gis, ".dbf"))) {
            throw new Refusal("import.shp-incomplete");
        }
        return gis;
    }

    /** The same file name with another extension, as the Shapefile's parts are found (any case). */
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
