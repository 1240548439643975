package org.jiuquan.grassroots.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jiuquan.grassroots.imports.OrganisationColumns.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Columns an editor maps by hand ({@code columns=村委会名称=名称,X坐标=经度}), remembered per editor so the
 * next file with the same headers needs no help.
 */
@Repository
class ColumnMappings {

    static final String OF_USER = "SELECT header, field FROM import_column_mapping WHERE username = :username";
    static final String REMEMBER = """
            INSERT INTO import_column_mapping (username, header, field) VALUES (:username, :header, :field)
            ON CONFLICT (username, header) DO UPDATE SET field = EXCLUDED.field""";

    private final JdbcClient jdbc;

    ColumnMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code 村委会名称=名称,X坐标=lon}: own header = field (Chinese header or English name), comma-separated.
     *
     * @throws ImportRefusal naming the first part that is not understood
     */
    static Map<String, Field> parse(@Nullable String given) {
        Map<String, Field> mapping = new LinkedHashMap<>();
        if (given == null || given.isBlank()) {
            return mapping;
        }
        for (String part : given.split("[,，;；]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] sides = part.split("[=＝]", 2);
            Field field = sides.length == 2 ? OrganisationColumns.field(sides[1]) : null;
            String header = sides.length == 2 ? OrganisationColumns.normalise(sides[0]) : "";
            if (field == null || header.isEmpty()) {
                throw ImportRefusal.badFile("import.bad-columns", part.strip());
            }
            mapping.put(header, field);
        }
        return mapping;
    }

    /** The editor's remembered mapping, with the given one over it (and remembered from now on). */
    Map<String, Field> rememberAndMerge(String username, Map<String, Field> given) {
        Map<String, Field> merged = new HashMap<>();
        jdbc.sql(OF_USER).param("username", username).query((rs, n) -> {
            try {
                merged.put(rs.getString(1), Field.valueOf(rs.getString(2)));
            } catch (IllegalArgumentException e) {
                // a field that no longer exists: forget it quietly
            }
            return 0;
        }).list();
        given.forEach((header, field) -> jdbc.sql(REMEMBER).param("username", username).param("header", header)
                .param("field", field.name()).update());
        merged.putAll(given);
        return merged;
    }
}
