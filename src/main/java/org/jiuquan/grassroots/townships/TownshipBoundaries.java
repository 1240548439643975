package org.jiuquan.grassroots.townships;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditDetail;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Loads real township boundaries (polygons with 9-digit codes) in place of the approximate areas. Every
 * feature of the file is checked first (a known code, a polygon, longitude/latitude, inside its district);
 * one error refuses the whole file and changes nothing. Accepted boundaries are written in one transaction:
 * the V60 trigger then has the background rebuild (TownshipAreas) replace those townships' areas, which are
 * no longer approximate.
 */
@Service
public class TownshipBoundaries {

    /** Property names that hold a township's code, as our exports and Chinese GIS files name it (lower case). */
    static final List<String> CODE_FIELDS = List.of("code", "township_code", "代码", "区划代码", "乡镇代码",
            "统计用区划代码", "xzqdm");
    /** At most this share of a boundary may lie outside its district's outline (display grade, off by up to 1 km). */
    static final double OUTSIDE_SHARE_ALLOWED = 0.05;
    static final int ERRORS_SHOWN = 10;

    static final String CHECK = """
            WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326) AS geom)
            SELECT t.name_zh, d.name_zh AS district_zh, GeometryType(g.geom) AS type,
                   ST_XMin(g.geom) >= 73 AND ST_XMax(g.geom) <= 136 AND ST_YMin(g.geom) >= 3 AND ST_YMax(g.geom) <= 54
                       AS lon_lat,
                   round(CAST(ST_XMin(g.geom) AS numeric), 1) || ', ' || round(CAST(ST_YMin(g.geom) AS numeric), 1)
                       AS corner,
                   ST_IsValid(g.geom) AS valid
            FROM g LEFT JOIN township t ON t.code = :code LEFT JOIN district d ON d.code = t.district_code""";
    static final String OUTSIDE_SHARE = """
            WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326) AS geom)
            SELECT ST_Area(CAST(ST_Difference(g.geom, d.outline) AS geography)) / nullif(ST_Area(CAST(g.geom AS geography)), 0)
            FROM g, township t JOIN district d ON d.code = t.district_code WHERE t.code = :code""";
    static final String WRITE = """
            UPDATE township SET boundary = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326)) WHERE code = :code""";

    public record Loaded(String code, String nameZh) {
    }

    private record Accepted(String code, String nameZh, String geometry) {
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final TownshipAreas areas;

    TownshipBoundaries(JdbcClient jdbc, MessageSource messages, AuditLog audit, CurrentUser currentUser,
                       TownshipAreas areas) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.areas = areas;
    }

    /** Checks every feature, then writes all boundaries or none. */
    @Transactional
    public List<Loaded> load(String fileName, byte[] bytes) {
        List<BoundaryFile.Feature> features = BoundaryFile.read(fileName, bytes);
        List<String> errors = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        Map<String, Integer> rowOfCode = new HashMap<>();
        for (BoundaryFile.Feature feature : features) {
            String error = check(feature, rowOfCode, accepted);
            if (error != null) {
                errors.add(error);
            }
        }
        if (!errors.isEmpty()) {
            String shown = String.join("; ", errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())))
                    + (errors.size() > ERRORS_SHOWN ? " …" : "");
            throw ApiProblem.badRequest("townships.boundary-refused", fileName, errors.size(), shown);
        }
        for (Accepted a : accepted) {
            jdbc.sql(WRITE).param("geometry", a.geometry()).param("code", a.code()).update();
        }
        audit.record(currentUser.actor(), AuditAction.DATA_IMPORT, "township-boundaries", AuditDetail.of("audit.detail.township-boundaries",
                fileName, accepted.size(), String.join(", ", accepted.stream().map(Accepted::code).toList())));
        return accepted.stream().map(a -> new Loaded(a.code(), a.nameZh())).toList();
    }

    /** The feature's error in the caller's language, or null when it is sound (then it is added to accepted). */
    private @Nullable String check(BoundaryFile.Feature feature, Map<String, Integer> rowOfCode,
                                   List<Accepted> accepted) {
        int row = feature.row();
        String field = codeField(feature.properties());
        if (field == null) {
            return message("townships.boundary-no-code", row, String.join(", ", CODE_FIELDS));
        }
        String given = feature.properties().path(field).asString("").strip();
        String code = given.matches("[0-9]{9}(000)?") ? given.substring(0, 9) : given;
        if (!feature.geometry().isObject()) {
            return message("townships.boundary-not-polygon", row, code, "-");
        }
        String geometry = feature.geometry().toString();
        record Checked(@Nullable String nameZh, @Nullable String districtZh, String type, boolean lonLat,
                       String corner, boolean valid) {
        }
        Checked c = jdbc.sql(CHECK).param("geometry", geometry).param("code", code)
                .query((rs, n) -> new Checked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getBoolean(6))).single();
        if (c.nameZh() == null) {
            return message("townships.boundary-unknown-code", row, field, given);
        }
        Integer earlier = rowOfCode.putIfAbsent(code, row);
        if (earlier != null) {
            return message("townships.boundary-duplicate", row, field, code, earlier);
        }
        String which = code + " " + c.nameZh();
        if (!c.type().equals("POLYGON") && !c.type().equals("MULTIPOLYGON")) {
            return message("townships.boundary-not-polygon", row, which, c.type());
        }
        if (!c.lonLat()) {
            return message("townships.boundary-wrong-crs", row, which, c.corner());
        }
        if (!c.valid()) {
            return message("townships.boundary-invalid", row, which);
        }
        Double outside = jdbc.sql(OUTSIDE_SHARE).param("geometry", geometry).param("code", code)
                .query(Double.class).optional().orElse(null);
        if (outside == null || outside > OUTSIDE_SHARE_ALLOWED) {
            return message("townships.boundary-outside", row, which,
                    outside == null ? "-" : String.valueOf(Math.round(outside * 100)),
                    java.util.Objects.requireNonNullElse(c.districtZh(), "-"));
        }
        accepted.add(new Accepted(code, c.nameZh(), geometry));
        return null;
    }

    private static @Nullable String codeField(JsonNode properties) {
        for (String name : properties.propertyNames()) {
            if (CODE_FIELDS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        return null;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** Starts the rebuild of the areas the load made stale without waiting for the data version's announcement. */
    void rebuildAreas() {
        areas.rebuildInBackground();
    }
}
