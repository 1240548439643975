package org.jiuquan.grassroots.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.imports.OrganisationColumns.Field;
import org.jspecify.annotations.Nullable;

/**
 * Reads a table's rows as organisations and checks what a row alone can tell: the code, the fields'
 * formats, the district against the code and the import's scope, duplicate codes, and (once converted
 * to WGS 84) whether a point lies in range, in Jiuquan, or has its longitude and latitude swapped. Every
 * problem is collected, not only the first.
 */
final class OrganisationRows {

    /** Jiuquan with a margin: lon 92-101, lat 37.5-43.5. A point outside is not one of our organisations. */
    static final double[] CITY = {92.0, 37.5, 101.0, 43.5};

    private static final Map<String, String> STATUSES = Map.of("normal", "normal", "正常", "normal",
            "weak", "weak", "软弱涣散", "weak", "rectifying", "rectifying", "正在整顿", "rectifying",
            "整顿中", "rectifying", "rectified", "rectified", "已整顿", "rectified");
    private static final Map<String, String> KINDS = Map.of("village", "village", "行政村", "village", "村", "village",
            "grid_branch", "grid_branch", "社区网格", "grid_branch", "社区", "grid_branch", "网格", "grid_branch");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /** The districts by code, and by Chinese name, for the 区县 column. */
    record Districts(Map<String, String> namesByCode) {

        @Nullable String code(String codeOrName) {
            if (namesByCode.containsKey(codeOrName)) {
                return codeOrName;
            }
            return namesByCode.entrySet().stream().filter(e -> e.getValue().equals(codeOrName)
                    || e.getValue().startsWith(codeOrName)).map(Map.Entry::getKey).findFirst().orElse(null);
        }
    }

    private OrganisationRows() {
    }

    static List<StagedRow> read(SourceTable table, OrganisationColumns.Mapping mapping, Districts districts,
                                @Nullable String scope, List<Issue> issues) {
        if (!mapping.has(Field.CODE)) {
            issues.add(Issue.error(table.wholeFile(), null, "import.no-code-column", String.join(", ", table.headers())));
            return List.of();
        }
        if (mapping.has(Field.LON) != mapping.has(Field.LAT)) {
            issues.add(Issue.error(table.wholeFile(), null, "import.lon-lat-pair"));
        }
        for (String unknown : mapping.unknown()) {
            issues.add(Issue.warning(table.wholeFile(), unknown, "import.column-ignored", unknown));
        }
        List<StagedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (SourceTable.Row row : table.rows()) {
            StagedRow staged = row(table, mapping, row, districts, scope, issues);
            if (staged == null) {
                continue;
            }
            Integer first = firstRowOfCode.putIfAbsent(staged.code(), row.number());
            if (first != null) {
                issues.add(Issue.error(table.place(row), header(table, mapping, Field.CODE), "import.duplicate-code",
                        staged.code(), first));
            } else {
                // Staged even with errors, so the SQL checks can name further problems of the same row.
                rows.add(staged);
            }
        }
        return rows;
    }

    private static @Nullable StagedRow row(SourceTable table, OrganisationColumns.Mapping mapping, SourceTable.Row row,
                                           Districts districts, @Nullable String scope, List<Issue> issues) {
        SourceTable.Place place = table.place(row);
        String code = digits(cell(mapping, row, Field.CODE));
        if (!code.matches("[0-9]{12}")) {
            issues.add(Issue.error(place, header(table, mapping, Field.CODE), code.isEmpty() ? "import.code-missing"
                    : "import.bad-code", code));
            return null;
        }
        String districtCode = code.substring(0, 6);
        if (!districts.namesByCode().containsKey(districtCode)) {
            issues.add(Issue.error(place, header(table, mapping, Field.CODE), "import.unknown-district-of-code", code,
                    districtCode));
            return null;
        }
        int last = Integer.parseInt(code.substring(9));
        String kind = last >= 200 && last <= 399 ? "village" : last >= 1 && last <= 199 ? "grid_branch" : null;
        if (kind == null) {
            issues.add(Issue.error(place, header(table, mapping, Field.CODE), "import.code-kind", code));
            return null;
        }
        String givenKind = cell(mapping, row, Field.KIND);
        if (!givenKind.isEmpty() && !kind.equals(KINDS.get(givenKind))) {
            issues.add(Issue.error(place, header(table, mapping, Field.KIND), "import.kind-mismatch", givenKind, code));
        }
        String givenDistrict = cell(mapping, row, Field.DISTRICT);
        if (!givenDistrict.isEmpty()) {
            String named = districts.code(givenDistrict);
            if (named == null) {
                issues.add(Issue.error(place, header(table, mapping, Field.DISTRICT), "import.unknown-district",
                        givenDistrict));
            } else if (!named.equals(districtCode)) {
                issues.add(Issue.error(place, header(table, mapping, Field.DISTRICT), "import.district-mismatch",
                        givenDistrict, code));
            }
        }
        if (scope != null && !scope.equals(districtCode)) {
            issues.add(Issue.error(place, header(table, mapping, Field.CODE), "import.outside-scope", code,
                    districts.namesByCode().getOrDefault(scope, scope)));
        }
        String name = cell(mapping, row, Field.NAME);
        String township = cell(mapping, row, Field.TOWNSHIP);
        String status = cell(mapping, row, Field.STATUS);
        String normalStatus = status.isEmpty() ? null : STATUSES.get(status.toLowerCase(java.util.Locale.ROOT));
        if (!status.isEmpty() && normalStatus == null) {
            issues.add(Issue.error(place, header(table, mapping, Field.STATUS), "import.bad-status", status));
        }
        BigDecimal fortress = decimal(table, mapping, row, Field.FORTRESS_INDEX, issues);
        if (fortress != null && (fortress.signum() < 0 || fortress.compareTo(BigDecimal.valueOf(100)) > 0)) {
            issues.add(Issue.error(place, header(table, mapping, Field.FORTRESS_INDEX), "import.bad-fortress",
                    fortress.toPlainString()));
            fortress = null;
        }
        LocalDate since = date(table, mapping, row, issues);
        Double x = null;
        Double y = null;
        if (row.point() != null) {
            x = row.point().x();
            y = row.point().y();
        } else if (mapping.has(Field.LON) && mapping.has(Field.LAT)) {
            BigDecimal lon = decimal(table, mapping, row, Field.LON, issues);
            BigDecimal lat = decimal(table, mapping, row, Field.LAT, issues);
            if ((lon == null) != (lat == null)) {
                issues.add(Issue.error(place, header(table, mapping, lon == null ? Field.LON : Field.LAT),
                        "import.coordinate-missing"));
            } else if (lon != null) {
                x = lon.doubleValue();
                y = lat.doubleValue();
            }
        }
        return new StagedRow(row.number(), table.sheet(), code, kind, districtCode, name.isEmpty() ? null : name,
                township.isEmpty() ? null : township, fortress, normalStatus, since, x, y, null, null);
    }

    /**
     * Checks converted points: in range, in Jiuquan, not swapped. The file's own values are named, so the
     * person finds the cell. Rows with a bad point lose it (and carry an error).
     */
    static List<StagedRow> checkPositions(SourceTable table, OrganisationColumns.Mapping mapping, List<StagedRow> rows,
                                          SourceCrs crs, List<Issue> issues) {
        String column = mapping.has(Field.LON) ? header(table, mapping, Field.LON) + "/" + header(table, mapping, Field.LAT)
                : "geometry";
        List<StagedRow> checked = new ArrayList<>(rows.size());
        for (StagedRow row : rows) {
            Double givenX = row.x();
            Double givenY = row.y();
            if (givenX == null || givenY == null) {
                checked.add(row);
                continue;
            }
            SourceTable.Place place = new SourceTable.Place(table.file(), row.sheet(), row.rowNo());
            double x = givenX;
            double y = givenY;
            String problem = null;
            if (!crs.projected() && inCity(y, x) && !inCity(x, y)) {
                problem = "import.swapped";
            } else if (!crs.projected() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
                problem = Math.abs(x) > 1000 || Math.abs(y) > 1000 ? "import.looks-projected" : "import.out-of-range";
            } else if (row.lon() == null || row.lat() == null) {
                problem = "import.transform-failed";
            } else if (!inCity(row.lon(), row.lat())) {
                problem = crs.projected() ? "import.outside-city-projected" : "import.outside-city";
            }
            if (problem != null) {
                issues.add(Issue.error(place, column, problem, plain(x), plain(y), crs.name()));
                checked.add(row.at(null, null));
            } else {
                checked.add(row);
            }
        }
        return checked;
    }

    static boolean inCity(double lon, double lat) {
        return lon >= CITY[0] && lon <= CITY[2] && lat >= CITY[1] && lat <= CITY[3];
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String header(SourceTable table, OrganisationColumns.Mapping mapping, Field field) {
        return OrganisationColumns.header(table, mapping, field);
    }

    private static String cell(OrganisationColumns.Mapping mapping, SourceTable.Row row, Field field) {
        Integer column = mapping.columns().get(field);
        return column == null ? "" : row.cell(column);
    }

    /** Codes typed into Excel as numbers come back as digits; a stray apostrophe or space is dropped. */
    private static String digits(String code) {
        return code.replace("'", "").replace(" ", "");
    }

    private static @Nullable BigDecimal decimal(SourceTable table, OrganisationColumns.Mapping mapping,
                                                SourceTable.Row row, Field field, List<Issue> issues) {
        String text = cell(mapping, row, field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace('，', '.'));
        } catch (NumberFormatException e) {
            issues.add(Issue.error(table.place(row), header(table, mapping, field), "import.not-a-number", text));
            return null;
        }
    }

    private static @Nullable LocalDate date(SourceTable table, OrganisationColumns.Mapping mapping, SourceTable.Row row,
                                            List<Issue> issues) {
        String text = cell(mapping, row, Field.STATUS_SINCE);
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        issues.add(Issue.error(table.place(row), header(table, mapping, Field.STATUS_SINCE), "import.bad-date", text));
        return null;
    }
}
