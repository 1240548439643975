package org.jiuquan.grassroots.drilldown;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DrillDownRepository {

    /** Counted as township_indicator counts them, so the table agrees with the map's township colours. */
    static final String TOWNSHIPS_OF_DISTRICT = """
            SELECT t.code, t.name_zh, i.organisations, i.villages, i.grid_branches, i.weak, i.rectifying,
                   i.fortress_index_mean
            FROM township t JOIN township_indicator i ON i.township_code = t.code AND i.period = :period
            WHERE t.district_code = :district
            ORDER BY t.code""";
    /** The organisations a township's indicators count: weak and rectifying first, then by name. */
    static final String MEMBERS_OF_TOWNSHIP = """
            SELECT o.id, o.code, o.name_zh, o.kind, o.status_at ->> :period AS status, o.fortress_index
            FROM organisation o JOIN township t ON o.district_code = t.district_code AND o.township_zh = t.name_zh
            WHERE t.code = :township AND (o.status_at ->> :period) IS NOT NULL
            ORDER BY CASE o.status_at ->> :period WHEN 'weak' THEN 0 WHEN 'rectifying' THEN 1 ELSE 2 END,
                     o.fortress_index, o.name_zh""";
    /** The township's area as the map draws it (approximate or real), or its organisations' extent. */
    static final String EXTENT = """
            SELECT ST_XMin(e) AS min_lon, ST_YMin(e) AS min_lat, ST_XMax(e) AS max_lon, ST_YMax(e) AS max_lat
            FROM (SELECT coalesce(
                    (SELECT ST_Extent(a.area) FROM township_area a WHERE a.code = :township),
                    (SELECT ST_Extent(o.geom) FROM organisation o JOIN township t
                       ON o.district_code = t.district_code AND o.township_zh = t.name_zh WHERE t.code = :township)
                 ) AS e) x
            WHERE e IS NOT NULL""";
    /**
     * Whether any township of the district is drawn with an approximate area (no real boundary loaded for it),
     * counted over the areas the map draws; a district with no areas yet (they are built in the background after
     * a start) counts as approximate.
     */
    static final String APPROXIMATE = """
            SELECT coalesce(bool_or(a.approximate), true)
            FROM township t JOIN township_area a ON a.code = t.code
            WHERE t.district_code = :district""";
    static final String SEARCH = """
            SELECT t.code, t.name_zh, t.district_code
            FROM township t WHERE t.name_zh LIKE '%' || :text || '%'
            ORDER BY length(t.name_zh), t.code LIMIT :limit""";

    private final JdbcClient jdbc;

    DrillDownRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TownshipSummary> townships(String district, String period) {
        return jdbc.sql(TOWNSHIPS_OF_DISTRICT).param("district", district).param("period", period)
                .query(TownshipSummary.class).list();
    }

    List<TownshipMember> members(String township, String period) {
        return jdbc.sql(MEMBERS_OF_TOWNSHIP).param("township", township).param("period", period)
                .query(TownshipMember.class).list();
    }

    Optional<double[]> extent(String township) {
        return jdbc.sql(EXTENT).param("township", township)
                .query((rs, row) -> new double[] {rs.getDouble("min_lon"), rs.getDouble("min_lat"),
                        rs.getDouble("max_lon"), rs.getDouble("max_lat")})
                .optional();
    }

    boolean approximate(String district) {
        return jdbc.sql(APPROXIMATE).param("district", district).query(Boolean.class).single();
    }

    List<TownshipHit> search(String text, int limit) {
        return jdbc.sql(SEARCH).param("text", text).param("limit", limit).query(TownshipHit.class).list();
    }

}
