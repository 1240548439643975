package org.jiuquan.grassroots.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.imports.RecordColumns.Field;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of a leader, contact point, indicator value or status change file: every cell that is
 * wrong on its own (a bad phone number, an unknown level, a code of 11 digits, a date nobody can read) is
 * an error with its row and column; checks that need the live data follow in SQL after staging.
 */
final class RecordRows {

    private static final Map<String, String> LEVELS = Map.of("市级", "city", "city", "city", "县级", "county",
            "区县级", "county", "county", "county", "乡级", "township", "乡镇级", "township", "township", "township");
    private static final Map<String, String> STATUSES = Map.of("normal", "normal", "正常", "normal",
            "weak", "weak", "软弱涣散", "weak", "rectifying", "rectifying", "正在整顿", "rectifying",
            "整顿中", "rectifying", "rectified", "rectified", "已整顿", "rectified");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("yyyy-M-d"));

    private final SourceTable table;
    private final RecordColumns.Mapping mapping;
    private final OrganisationRows.Districts districts;
    private final @Nullable String scope;
    private final List<Issue> issues;

    private RecordRows(SourceTable table, RecordColumns.Mapping mapping, OrganisationRows.Districts districts,
                       @Nullable String scope, List<Issue> issues) {
        this.table = table;
        this.mapping = mapping;
        this.districts = districts;
        this.scope = scope;
        this.issues = issues;
    }

    /**
     * The file's rows for this entity, the bad ones left out with their errors added to {@code issues}.
     *
     * @throws ImportRefusal when a column the entity needs is missing altogether
     */
    static List<StagedRecord> read(ImportEntity entity, SourceTable table, OrganisationRows.Districts districts,
                                   @Nullable String scope, List<Issue> issues) {
        RecordColumns.Mapping mapping = RecordColumns.map(table.headers());
        List<String> missing = RecordColumns.required(entity).stream().filter(f -> !mapping.has(f))
                .map(RecordColumns::templateHeader).toList();
        if (!missing.isEmpty()) {
            throw ImportRefusal.badFile("import.missing-columns", table.file(), String.join("、", missing),
                    String.join("、", table.headers()));
        }
        RecordRows reader = new RecordRows(table, mapping, districts, scope, issues);
        Map<String, Integer> keys = new HashMap<>();
        List<StagedRecord> rows = new ArrayList<>();
        for (SourceTable.Row row : table.rows()) {
            if (row.cells().stream().allMatch(c -> c.isBlank())) {
                continue;
            }
            int before = issues.size();
            StagedRecord record = switch (entity) {
                case LEADERS -> reader.leader(row);
                case CONTACT_POINTS -> reader.contactPoint(row);
                case INDICATOR_VALUES -> reader.indicatorValue(row);
                case STATUS_CHANGES -> reader.statusChange(row);
                case ORGANISATIONS -> throw new IllegalArgumentException("organisations are read by OrganisationRows");
            };
            if (issues.size() > before) {
                continue;
            }
            String key = key(entity, record);
            Integer first = keys.putIfAbsent(key, row.number());
            if (first != null) {
                issues.add(Issue.error(table.place(row), null, "import.duplicate-row", first));
                continue;
            }
            rows.add(record);
        }
        return rows;
    }

    /** What may appear once per file: a leader (name, district), a contact, a value, a status on a day. */
    private static String key(ImportEntity entity, StagedRecord r) {
        return switch (entity) {
            case LEADERS -> r.name() + "|" + r.districtCode() + "|" + r.phone();
            case CONTACT_POINTS -> r.name() + "|" + r.phone() + "|" + r.orgCode();
            case INDICATOR_VALUES -> r.indicator() + "|" + r.districtCode() + "|" + r.period();
            default -> r.orgCode() + "|" + r.onDate();
        };
    }

    private StagedRecord leader(SourceTable.Row row) {
        String name = required(row, Field.NAME);
        String levelText = required(row, Field.LEVEL);
        String level = levelText.isEmpty() ? null : LEVELS.get(levelText);
        if (!levelText.isEmpty() && level == null) {
            error(row, Field.LEVEL, "import.bad-level", levelText);
        }
        String title = required(row, Field.TITLE);
        String phone = phone(row, true);
        String district = district(row, "city".equals(level) ? false : level != null);
        if ("city".equals(level) && district != null) {
            error(row, Field.DISTRICT, "import.city-leader-district", mapping.cell(row, Field.DISTRICT));
        }
        if ("city".equals(level) && scope != null) {
            error(row, Field.LEVEL, "import.city-leader-scoped", districtName(scope));
        }
        return new StagedRecord(row.number(), table.sheet(), district, blankToNull(name), level, blankToNull(title),
                phone, null, null, null, null, null, null);
    }

    private StagedRecord contactPoint(SourceTable.Row row) {
        String leader = required(row, Field.LEADER);
        String phone = mapping.has(Field.PHONE) ? phone(row, false) : null;
        String code = code(row);
        LocalDate date = date(row, true);
        return new StagedRecord(row.number(), table.sheet(), code == null ? null : code.substring(0, 6),
                blankToNull(leader), null, null, phone, code, null, null, null, null, date);
    }

    private StagedRecord indicatorValue(SourceTable.Row row) {
        String indicator = required(row, Field.INDICATOR);
        String district = district(row, true);
        String period = required(row, Field.PERIOD).toUpperCase(java.util.Locale.ROOT);
        if (!period.isEmpty() && !period.matches("[0-9]{4}Q[1-4]")) {
            error(row, Field.PERIOD, "import.bad-period", period);
        }
        String text = required(row, Field.VALUE);
        BigDecimal value = null;
        if (!text.isEmpty()) {
            try {
                value = new BigDecimal(text.replace(",", "").replace('，', '.'));
                if (value.signum() < 0) {
                    error(row, Field.VALUE, "import.negative-value", text);
                }
            } catch (NumberFormatException e) {
                error(row, Field.VALUE, "import.not-a-number", text);
            }
        }
        return new StagedRecord(row.number(), table.sheet(), district, null, null, null, null, null,
                blankToNull(indicator), blankToNull(period), value, null, null);
    }

    private StagedRecord statusChange(SourceTable.Row row) {
        String code = code(row);
        String text = required(row, Field.STATUS);
        String status = text.isEmpty() ? null : STATUSES.get(text);
        if (!text.isEmpty() && status == null) {
            error(row, Field.STATUS, "import.bad-status", text);
        }
        LocalDate date = date(row, true);
        return new StagedRecord(row.number(), table.sheet(), code == null ? null : code.substring(0, 6), null, null,
                null, null, code, null, null, null, status, date);
    }

    /** A 12-digit code of a district of ours, inside the import's scope. */
    private @Nullable String code(SourceTable.Row row) {
        String code = required(row, Field.ORGANISATION).replace("'", "").replace(" ", "");
        if (code.isEmpty()) {
            return null;
        }
        if (!code.matches("[0-9]{12}")) {
            error(row, Field.ORGANISATION, "import.bad-code", code);
            return null;
        }
        String district = code.substring(0, 6);
        if (!districts.namesByCode().containsKey(district)) {
            error(row, Field.ORGANISATION, "import.unknown-district-of-code", code, district);
            return null;
        }
        if (scope != null && !scope.equals(district)) {
            error(row, Field.ORGANISATION, "import.outside-scope", code, districtName(scope));
            return null;
        }
        return code;
    }

    private @Nullable String district(SourceTable.Row row, boolean needed) {
        String text = mapping.cell(row, Field.DISTRICT);
        if (text.isEmpty()) {
            if (needed) {
                error(row, Field.DISTRICT, "import.value-missing", mapping.header(table, Field.DISTRICT));
            }
            return null;
        }
        String code = districts.code(text);
        if (code == null) {
            error(row, Field.DISTRICT, "import.unknown-district", text);
            return null;
        }
        if (scope != null && !scope.equals(code)) {
            error(row, Field.DISTRICT, "import.row-outside-scope", districtName(code),
                    districtName(scope));
            return null;
        }
        return code;
    }

    private @Nullable String phone(SourceTable.Row row, boolean needed) {
        String phone = (needed ? required(row, Field.PHONE) : mapping.cell(row, Field.PHONE)).replaceAll("[\\s-]", "");
        if (phone.isEmpty()) {
            return null;
        }
        if (!phone.matches("1[3-9][0-9]{9}")) {
            error(row, Field.PHONE, "import.bad-phone", phone);
            return null;
        }
        return phone;
    }

    private @Nullable LocalDate date(SourceTable.Row row, boolean needed) {
        String text = needed ? required(row, Field.DATE) : mapping.cell(row, Field.DATE);
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
        error(row, Field.DATE, "import.bad-date", text);
        return null;
    }

    private String required(SourceTable.Row row, Field field) {
        String text = mapping.cell(row, field);
        if (text.isEmpty()) {
            error(row, field, "import.value-missing", mapping.header(table, field));
        }
        return text;
    }

    private void error(SourceTable.Row row, Field field, String key, Object... args) {
        issues.add(Issue.error(table.place(row), mapping.header(table, field), key, args));
    }

    private static @Nullable String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** A district's name for a message; its code if the name is unknown. */
    private String districtName(String code) {
        return java.util.Objects.requireNonNullElse(districts.namesByCode().get(code), code);
    }
}
