package org.jiuquan.grassroots.imports;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a file holds what, recognised from the headers people write (名称/村名, 代码/统一代码,
 * 经度, 纬度, 乡镇, 区县, 状态...), the app's own OGC field names, and those names cut to ten characters
 * by a Shapefile's DBF. Nobody has to rename a column of their sheet for these.
 */
final class OrganisationColumns {

    enum Field {
        CODE, NAME, KIND, TOWNSHIP, DISTRICT, STATUS, STATUS_SINCE, FORTRESS_INDEX, LON, LAT
    }

    private static final Map<String, Field> ALIASES = new HashMap<>();
    /** Columns we know and deliberately leave alone (ids, leaders' names, counts the app computes). */
    private static final Set<String> KNOWN_IGNORED = Set.of("id", "fid", "ogc_fid", "序号", "编号", "书记", "书记姓名",
            "secretary", "synthetic", "contact_points", "contact_poi", "fortress_components", "fortress_c", "备注",
            "geometry", "wkt", "district_name", "name_en", "contact_po",
            // KML's own fields, which GDAL reports beside the data.
            "tessellate", "extrude", "visibility", "description", "timestamp", "begin", "end", "altitudemode",
            "draworder", "icon");

    static {
        alias(Field.CODE, "code", "代码", "统一代码", "组织代码", "村代码", "社区代码", "区划代码", "统计用区划代码",
                "行政区划代码", "编码", "村社区代码", "村社区编码");
        alias(Field.NAME, "name", "name_zh", "名称", "村名", "村名称", "组织名称", "党组织名称", "村社区名称",
                "社区名称", "网格名称", "村社区");
        alias(Field.KIND, "kind", "类型", "组织类型", "类别");
        alias(Field.TOWNSHIP, "township", "township_zh", "township_z", "乡镇", "乡镇街道", "所属乡镇", "街道", "乡镇名称");
        alias(Field.DISTRICT, "district", "district_code", "district_c", "区县", "县区", "县市区", "所属区县",
                "区县代码", "区县名称");
        alias(Field.STATUS, "status", "状态", "组织状态", "党组织状态");
        alias(Field.STATUS_SINCE, "status_since", "status_sin", "状态起始日期", "状态日期", "起始日期");
        alias(Field.FORTRESS_INDEX, "fortress_index", "fortress_i", "堡垒指数");
        alias(Field.LON, "lon", "lng", "long", "longitude", "x", "经度", "东经");
        alias(Field.LAT, "lat", "latitude", "y", "纬度", "北纬");
    }

    private static void alias(Field field, String... names) {
        for (String name : names) {
            ALIASES.put(normalise(name), field);
        }
    }

    /** Case, spaces, brackets and list commas do not matter: 乡镇（街道） is 乡镇街道, 县（市、区） is 县市区. */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s()（）、,，*＊:：]", "").replace("\uFEFF", "");
    }

    record Mapping(Map<Field, Integer> columns, List<String> unknown) {

        boolean has(Field field) {
            return columns.containsKey(field);
        }
    }

    private OrganisationColumns() {
    }

    static Mapping map(List<String> headers) {
        return map(headers, Map.of());
    }

    /** As {@link #map(List)}, with an editor's own headers (normalised) for fields, which take precedence. */
    static Mapping map(List<String> headers, Map<String, Field> own) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        List<String> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String key = normalise(headers.get(i));
            Field mapped = own.get(key);
            if (mapped != null) {
                columns.put(mapped, i);
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            String key = normalise(headers.get(i));
            if (own.containsKey(key)) {
                continue;
            }
            Field field = ALIASES.get(key);
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
            } else if (!key.isEmpty() && field == null && !KNOWN_IGNORED.contains(key) && !key.startsWith("fortress_")) {
                unknown.add(headers.get(i));
            }
        }
        return new Mapping(columns, unknown);
    }

    /** A field by the name people give it: its Chinese header (代码, 名称...) or its English name (code, name...). */
    static @org.jspecify.annotations.Nullable Field field(String name) {
        Field byAlias = ALIASES.get(normalise(name));
        if (byAlias != null) {
            return byAlias;
        }
        for (Field field : Field.values()) {
            if (field.name().equalsIgnoreCase(name.strip())) {
                return field;
            }
        }
        return null;
    }

    /** The header as the file wrote it, for messages. */
    static String header(SourceTable table, Mapping mapping, Field field) {
        Integer column = mapping.columns().get(field);
        return column == null ? field.name().toLowerCase(Locale.ROOT) : table.headers().get(column);
    }
}
