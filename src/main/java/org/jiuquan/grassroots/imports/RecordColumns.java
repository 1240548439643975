package org.jiuquan.grassroots.imports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of leader, contact point, indicator value and status change files: our templates' Chinese
 * headers, the common variants, and the dataset's own field names (leaders.csv, contact-points.csv...).
 */
final class RecordColumns {

    enum Field {
        NAME, LEVEL, TITLE, DISTRICT, PHONE, LEADER, ORGANISATION, DATE, INDICATOR, PERIOD, VALUE, STATUS
    }

    private static final Map<String, Field> ALIASES = new HashMap<>();

    static {
        alias(Field.NAME, "姓名", "name", "name_zh", "领导姓名");
        alias(Field.LEVEL, "级别", "层级", "领导级别", "level");
        alias(Field.TITLE, "职务", "职位", "title", "title_zh");
        alias(Field.DISTRICT, "区县", "县区", "县市区", "所属区县", "区县代码", "district", "district_code");
        alias(Field.PHONE, "手机", "手机号", "手机号码", "电话", "联系电话", "phone", "leader_phone", "领导手机");
        alias(Field.LEADER, "领导姓名", "联系领导", "领导", "leader", "leader_name");
        alias(Field.ORGANISATION, "组织代码", "代码", "统一代码", "村代码", "区划代码", "统计用区划代码", "organisation_code", "code");
        alias(Field.DATE, "建立日期", "联系日期", "起始日期", "生效日期", "日期", "established_on", "valid_from", "date");
        alias(Field.INDICATOR, "指标", "指标代码", "indicator", "indicator_code");
        alias(Field.PERIOD, "季度", "期间", "period");
        alias(Field.VALUE, "数值", "值", "value");
        alias(Field.STATUS, "状态", "新状态", "status");
    }

    private static void alias(Field field, String... names) {
        for (String name : names) {
            ALIASES.putIfAbsent(OrganisationColumns.normalise(name), field);
        }
    }

    record Mapping(Map<Field, Integer> columns) {

        boolean has(Field field) {
            return columns.containsKey(field);
        }

        String cell(SourceTable.Row row, Field field) {
            Integer column = columns.get(field);
            return column == null ? "" : row.cell(column);
        }

        /** The header as the file wrote it, for messages; the template's header when the file has no such column. */
        String header(SourceTable table, Field field) {
            Integer column = columns.get(field);
            return column == null ? templateHeader(field) : table.headers().get(column);
        }
    }

    private RecordColumns() {
    }

    /**
     * Each field's column. 领导姓名 is the leader's name in a leader list and the leader a contact point
     * names in a contact list: it fills NAME and LEADER both, and the entity reads the one it needs.
     */
    static Mapping map(List<String> headers) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (int i = 0; i < headers.size(); i++) {
            String key = OrganisationColumns.normalise(headers.get(i));
            Field field = ALIASES.get(key);
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
            }
            if (field == Field.NAME && key.equals(OrganisationColumns.normalise("领导姓名"))
                    && !columns.containsKey(Field.LEADER)) {
                columns.put(Field.LEADER, i);
            }
        }
        return new Mapping(columns);
    }

    static String templateHeader(Field field) {
        return switch (field) {
            case NAME -> "姓名";
            case LEVEL -> "级别";
            case TITLE -> "职务";
            case DISTRICT -> "区县";
            case PHONE -> "手机";
            case LEADER -> "领导姓名";
            case ORGANISATION -> "组织代码";
            case DATE -> "日期";
            case INDICATOR -> "指标";
            case PERIOD -> "季度";
            case VALUE -> "数值";
            case STATUS -> "状态";
        };
    }

    /** The columns a file of this entity cannot do without. */
    static List<Field> required(ImportEntity entity) {
        return switch (entity) {
            case LEADERS -> List.of(Field.NAME, Field.LEVEL, Field.TITLE, Field.PHONE);
            case CONTACT_POINTS -> List.of(Field.LEADER, Field.ORGANISATION, Field.DATE);
            case INDICATOR_VALUES -> List.of(Field.INDICATOR, Field.DISTRICT, Field.PERIOD, Field.VALUE);
            case STATUS_CHANGES -> List.of(Field.ORGANISATION, Field.STATUS, Field.DATE);
            case ORGANISATIONS -> List.of();
        };
    }

    static String lower(Field field) {
        return field.name().toLowerCase(Locale.ROOT);
    }
}
