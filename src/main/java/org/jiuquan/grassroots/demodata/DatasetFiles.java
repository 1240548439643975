package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the dataset files of geodata/. Reading checks every field and names the file and line
 * of the first problem; nothing is loaded from a set of files with a problem.
 */
public final class DatasetFiles {

    public static final String DISTRICTS = "districts.geojson";
    public static final String INDICATORS = "indicators.csv";
    public static final String SEED_FIGURES = "seed-figures.csv";
    public static final String ORGANISATIONS = "organisations.csv";
    public static final String STATUS = "organisation-status.csv";
    public static final String LEADERS = "leaders.csv";
    public static final String CONTACT_POINTS = "contact-points.csv";
    public static final String INDICATOR_VALUES = "indicator-values.csv";
    /** Every file of a dataset, in the order they are read (and hashed). */
    public static final List<String> ALL = List.of(DISTRICTS, INDICATORS, ORGANISATIONS, STATUS, LEADERS,
            CONTACT_POINTS, INDICATOR_VALUES);

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** Where dataset files come from: a directory, or the copy of geodata/ inside the application. */
    @FunctionalInterface
    public interface Source {
        byte[] read(String file) throws IOException;

        static Source directory(Path dir) {
            return file -> {
                Path path = dir.resolve(file);
                if (!Files.exists(path)) {
                    throw new DatasetException(file + ": 文件不存在 / file not found in " + dir);
                }
                return Files.readAllBytes(path);
            };
        }

        static Source classpath() {
            return file -> {
                ClassPathResource resource = new ClassPathResource("geodata/" + file);
                if (!resource.exists()) {
                    throw new DatasetException(file + ": 应用内缺少该文件 / missing from the application");
                }
                try (InputStream in = resource.getInputStream()) {
                    return in.readAllBytes();
                }
            };
        }
    }

    private DatasetFiles() {
    }

    public static Dataset read(String name, Source source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Map<String, String> texts = new LinkedHashMap<>();
            for (String file : ALL) {
                byte[] bytes = source.read(file);
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
                texts.put(file, new String(bytes, StandardCharsets.UTF_8));
            }
            return new Dataset(name, 1, HexFormat.of().formatHex(digest.digest()),
                    parseDistricts(Objects.requireNonNull(texts.get(DISTRICTS))), // read above, as all of ALL
                    rows(texts, ORGANISATIONS, List.of("id", "code", "kind", "name_zh", "township_zh", "district_code",
                            "fortress_index", "status", "status_since", "lon", "lat"), DatasetFiles::organisation),
                    rows(texts, STATUS, List.of("organisation_id", "valid_from", "status"),
                            row -> new Dataset.StatusChange(longOf(row, "organisation_id"), dateOf(row, "valid_from"),
                                    row.get("status"))),
                    rows(texts, LEADERS, List.of("id", "name_zh", "level", "title_zh", "district_code", "phone"),
                            row -> new Dataset.Leader(longOf(row, "id"), row.get("name_zh"), row.get("level"),
                                    row.get("title_zh"), blankToNull(row.get("district_code")), row.get("phone"))),
                    rows(texts, CONTACT_POINTS, List.of("id", "leader_id", "organisation_id", "established_on"),
                            row -> new Dataset.ContactPoint(longOf(row, "id"), longOf(row, "leader_id"),
                                    longOf(row, "organisation_id"), dateOf(row, "established_on"))),
                    readIndicators(Objects.requireNonNull(texts.get(INDICATORS))),
                    rows(texts, INDICATOR_VALUES, List.of("indicator_code", "district_code", "period", "value"),
                            row -> new Dataset.IndicatorValue(row.get("indicator_code"), row.get("district_code"),
                                    row.get("period"), decimalOf(row, "value"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Dataset.Indicator> readIndicators(String text) {
        return Csv.read(INDICATORS, new StringReader(text), List.of("code", "name_zh", "name_en", "unit_zh", "unit_en",
                        "higher_is_better", "aggregation", "numerator", "denominator", "factor", "decimals", "category",
                        "sort_order"))
                .stream()
                .map(row -> new Dataset.Indicator(row.get("code"), row.get("name_zh"), row.get("name_en"),
                        row.get("unit_zh"), row.get("unit_en"), booleanOf(row, "higher_is_better"),
                        row.get("aggregation"), blankToNull(row.get("numerator")),
                        blankToNull(row.get("denominator")), decimalOf(row, "factor"), (int) longOf(row, "decimals"),
                        row.get("category"), (int) longOf(row, "sort_order")))
                .toList();
    }

    /** Longitude and latitude in range, and not swapped (Jiuquan lies at about 92-101 E, 37.5-43.5 N). */
    private static void checkPosition(Csv.Row row, double lon, double lat) {
        boolean inCity = lon >= 92 && lon <= 101 && lat >= 37.5 && lat <= 43.5;
        boolean swapped = lat >= 92 && lat <= 101 && lon >= 37.5 && lon <= 43.5;
        if (swapped) {
            throw new DatasetException(row.file(), row.line(), "lon/lat 似乎填反了 / lon and lat seem swapped: "
                    + lon + ", " + lat);
        }
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            throw new DatasetException(row.file(), row.line(), "lon/lat 超出范围 / lon or lat out of range: "
                    + lon + ", " + lat);
        }
        if (!inCity) {
            throw new DatasetException(row.file(), row.line(), "位置不在酒泉市范围内 / the point is outside Jiuquan: "
                    + lon + ", " + lat);
        }
    }

    private static Dataset.Organisation organisation(Csv.Row row) {
        // The index's components are optional columns (fortress_life ... fortress_problems).
        List<BigDecimal> components = new ArrayList<>();
        if (row.fields().containsKey("fortress_" + FortressIndex.COMPONENTS.get(0))) {
            for (String component : FortressIndex.COMPONENTS) {
                components.add(decimalOf(row, "fortress_" + component));
            }
        }
        checkPosition(row, doubleOf(row, "lon"), doubleOf(row, "lat"));
        return new Dataset.Organisation(longOf(row, "id"), blankToNull(row.get("code")), row.get("kind"),
                row.get("name_zh"), blankToNull(row.get("township_zh")), row.get("district_code"),
                decimalOf(row, "fortress_index"), row.get("status"), dateOf(row, "status_since"),
                doubleOf(row, "lon"), doubleOf(row, "lat"), List.copyOf(components));
    }

    private static <T> List<T> rows(Map<String, String> texts, String file, List<String> columns,
                                    Function<Csv.Row, T> mapper) {
        return Csv.read(file, new StringReader(texts.get(file)), columns).stream().map(mapper).toList();
    }

    static List<Dataset.District> parseDistricts(String text) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(text);
        } catch (RuntimeException e) {
            throw new DatasetException(DISTRICTS + ": 不是有效的 GeoJSON / not valid GeoJSON: " + e.getMessage());
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new DatasetException(DISTRICTS + ": 缺少 features 数组 / no features array");
        }
        GeoJsonReader reader = new GeoJsonReader(WGS84);
        List<Dataset.District> districts = new ArrayList<>();
        for (JsonNode feature : features) {
            JsonNode p = feature.path("properties");
            String code = p.path("code").asString("");
            try {
                MultiPolygon outline = validOutline(reader.read(feature.path("geometry").toString()));
                var seat = WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(
                        p.path("seat_lon").asDouble(), p.path("seat_lat").asDouble()));
                districts.add(new Dataset.District(code, p.path("name_zh").asString(""), p.path("name_en").asString(""),
                        p.path("seat_name_zh").asString(""), p.path("seat_name_en").asString(""),
                        nullableText(p.path("brand_zh")), nullableText(p.path("brand_en")), outline, seat));
            } catch (ParseException | ClassCastException e) {
                throw new DatasetException(DISTRICTS + ": 区县 " + code + " 的轮廓无效 / invalid outline of district "
                        + code + ": " + e.getMessage());
            }
        }
        return districts;
    }

    /**
     * The source outlines repeat vertices and touch themselves here and there (they were digitised for
     * display): repair them the way JTS does (GeometryFixer keeps every area) rather than refuse them.
     */
    static MultiPolygon validOutline(Geometry geometry) {
        Geometry fixed = geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < fixed.getNumGeometries(); i++) {
            if (fixed.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                polygons.add(polygon);
            }
        }
        if (polygons.isEmpty()) {
            throw new ClassCastException("no polygon in " + geometry.getGeometryType());
        }
        MultiPolygon outline = WGS84.createMultiPolygon(polygons.toArray(Polygon[]::new));
        outline.setSRID(4326);
        return outline;
    }

    /** Writes the generated files (everything but the outlines and the indicator definitions, which are inputs). */
    public static void writeGenerated(Path dir, Dataset dataset) throws IOException {
        Files.createDirectories(dir);
        List<Object> header = new ArrayList<>(List.of("id", "code", "kind", "name_zh", "township_zh", "district_code",
                "fortress_index", "status", "status_since", "lon", "lat"));
        FortressIndex.COMPONENTS.forEach(c -> header.add("fortress_" + c));
        StringBuilder out = new StringBuilder(Csv.line(header.toArray()));
        for (var o : dataset.organisations()) {
            List<Object> fields = new ArrayList<>(List.of(o.id(), o.code() == null ? "" : o.code(), o.kind(), o.nameZh(),
                    o.townshipZh() == null ? "" : o.townshipZh(), o.districtCode(), o.fortressIndex().toPlainString(),
                    o.status(), o.statusSince(), coordinate(o.lon()), coordinate(o.lat())));
            o.fortressComponents().forEach(c -> fields.add(c.toPlainString()));
            out.append(Csv.line(fields.toArray()));
        }
        write(dir, ORGANISATIONS, out);
        out = new StringBuilder(Csv.line("organisation_id", "valid_from", "status"));
        for (var s : dataset.statusChanges()) {
            out.append(Csv.line(s.organisationId(), s.validFrom(), s.status()));
        }
        write(dir, STATUS, out);
        out = new StringBuilder(Csv.line("id", "name_zh", "level", "title_zh", "district_code", "phone"));
        for (var l : dataset.leaders()) {
            out.append(Csv.line(l.id(), l.nameZh(), l.level(), l.titleZh(), l.districtCode(), l.phone()));
        }
        write(dir, LEADERS, out);
        out = new StringBuilder(Csv.line("id", "leader_id", "organisation_id", "established_on"));
        for (var c : dataset.contactPoints()) {
            out.append(Csv.line(c.id(), c.leaderId(), c.organisationId(), c.establishedOn()));
        }
        write(dir, CONTACT_POINTS, out);
        out = new StringBuilder(Csv.line("indicator_code", "district_code", "period", "value"));
        for (var v : dataset.indicatorValues()) {
            out.append(Csv.line(v.indicatorCode(), v.districtCode(), v.period(), v.value().toPlainString()));
        }
        write(dir, INDICATOR_VALUES, out);
    }

    /** Six decimals: about 0.1 m, finer than any source here. */
    static String coordinate(double value) {
        return new BigDecimal(value).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void write(Path dir, String file, CharSequence text) throws IOException {
        Path temp = dir.resolve(file + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private static @Nullable String nullableText(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static long longOf(Csv.Row row, String column) {
        try {
            return Long.parseLong(row.get(column).strip());
        } catch (NumberFormatException e) {
            throw new DatasetException(row.file(), row.line(), column + " 不是整数 / is not an integer: '"
                    + row.get(column) + "'");
        }
    }

    private static double doubleOf(Csv.Row row, String column) {
        try {
            double value = Double.parseDouble(row.get(column).strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new DatasetException(row.file(), row.line(), column + " 不是数字 / is not a number: '"
                    + row.get(column) + "'");
        }
    }

    private static BigDecimal decimalOf(Csv.Row row, String column) {
        try {
            return new BigDecimal(row.get(column).strip());
        } catch (NumberFormatException e) {
            throw new DatasetException(row.file(), row.line(), column + " 不是数字 / is not a number: '"
                    + row.get(column) + "'");
        }
    }

    private static boolean booleanOf(Csv.Row row, String column) {
        return switch (row.get(column).strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DatasetException(row.file(), row.line(), column + " 应为 true 或 false / must be true or false");
        };
    }

    private static LocalDate dateOf(Csv.Row row, String column) {
        try {
            return LocalDate.parse(row.get(column).strip());
        } catch (DateTimeParseException e) {
            throw new DatasetException(row.file(), row.line(), column + " 不是日期 (YYYY-MM-DD) / is not a date: '"
                    + row.get(column) + "'");
        }
    }
}
