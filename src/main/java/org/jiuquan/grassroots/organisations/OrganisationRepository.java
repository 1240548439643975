package org.jiuquan.grassroots.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    /** With a period, the status at its end (from the history); without one (null), the current status. */
    static final String ORGANISATION = """
            SELECT o.id, o.code, o.kind, o.name_zh, o.township_zh, o.district_code, o.fortress_index,
                   coalesce(ps.status, o.status) AS status, coalesce(ps.status_since, o.status_since) AS status_since,
                   ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat, o.fortress_life, o.fortress_secretary, o.fortress_members,
                   o.fortress_venue, o.fortress_funding, o.fortress_problems
            FROM organisation o
            LEFT JOIN organisation_period_status ps ON ps.organisation_id = o.id AND ps.period = :period""";
    static final String ORGANISATION_BY_CODE = ORGANISATION + " WHERE o.code = :code";
    static final String ORGANISATION_BY_ID = ORGANISATION + " WHERE o.id = :id";
    static final String LAST_PERIOD_END = "SELECT max(ends_on) FROM period";
    static final String LEADERS_OF = """
            SELECT l.name_zh, l.level, l.title_zh, """ + PhoneVisibility.select("l.phone") + """
                 AS phone
            FROM contact_point c JOIN leader l ON l.id = c.leader_id
            WHERE c.organisation_id = :id
            ORDER BY CASE l.level WHEN 'city' THEN 0 WHEN 'county' THEN 1 ELSE 2 END, l.name_zh""";
    static final String CONTACT_POINT = """
            SELECT c.id, l.name_zh AS leader_name_zh, l.level AS leader_level, l.title_zh AS leader_title_zh,
                   """ + PhoneVisibility.select("l.phone") + """
                 AS leader_phone,
                   o.id AS organisation_id, o.code AS organisation_code, o.name_zh AS organisation_name_zh,
                   o.kind AS organisation_kind, coalesce(ps.status, o.status) AS organisation_status, o.district_code,
                   c.established_on, ST_X(o.geom) AS lon, ST_Y(o.geom) AS lat
            FROM contact_point c JOIN organisation o ON o.id = c.organisation_id JOIN leader l ON l.id = c.leader_id
            LEFT JOIN organisation_period_status ps ON ps.organisation_id = o.id AND ps.period = :period
            WHERE c.id = :id""";
    /** Districts first, then organisations whose name starts with the text, then those containing it. */
    static final String SEARCH = """
            SELECT * FROM (
                SELECT 'districts' AS layer, d.code AS id, d.name_zh, d.name_en, d.code AS district_code,
                       ST_X(d.seat) AS lon, ST_Y(d.seat) AS lat, 0 AS sort
                FROM district d
                WHERE d.name_zh LIKE '%' || :text || '%' OR lower(d.name_en) LIKE '%' || lower(:text) || '%'
                UNION ALL
                SELECT CASE o.kind WHEN 'village' THEN 'villages' WHEN 'grid_branch' THEN 'grid-branches'
                       ELSE 'organisations' END,
                       coalesce(o.code, o.id::text), o.name_zh, o.name_zh, o.district_code,
                       ST_X(o.geom), ST_Y(o.geom), CASE WHEN o.name_zh LIKE :text || '%' THEN 1 ELSE 2 END
                FROM organisation o
                WHERE o.name_zh LIKE '%' || :text || '%') hits
            ORDER BY sort, name_zh LIMIT :limit""";
    /**
     * Organisations per district that pass the dashboard's filters, from the counts kept per district, quarter,
     * kind and status (V32): the same as counting the organisations with a status at the quarter's end.
     */
    static final String MATCHING_PER_DISTRICT = """
            SELECT c.district_code, sum(c.organisations) FROM organisation_status_count c
            WHERE c.period = :period
              AND (CAST(:kind AS text) IS NULL OR c.kind = :kind)
              AND (CAST(:status AS text) IS NULL OR c.status = :status)
              AND (CAST(:district AS text) IS NULL OR c.district_code = :district)
            GROUP BY c.district_code""";
    /**
     * The organisations of each layer and the contact points the last quarter shows, from the counts the
     * triggers keep (V11, V32): counting the tables took tens of milliseconds per view at large data. In the
     * demo data these are all rows; a status dated after the last quarter is refused anyway.
     */
    static final String LAYER_COUNTS = """
            SELECT CASE c.kind WHEN 'village' THEN 'villages' WHEN 'grid_branch' THEN 'grid-branches'
                               WHEN 'enterprise' THEN 'enterprises' ELSE 'social-organisations' END,
                   sum(c.organisations)
            FROM organisation_status_count c WHERE c.period = (SELECT max(code) FROM period) GROUP BY c.kind
            UNION ALL SELECT 'contact-points', coalesce(sum(n.contact_points), 0)
            FROM organisation_indicator_count n WHERE n.period = (SELECT max(code) FROM period)""";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganisationDetails> byCode(String code, @Nullable String period, PhoneVisibility phones) {
        return jdbc.sql(ORGANISATION_BY_CODE).param("code", code).param("period", period)
                .query((rs, n) -> details(rs, phones)).optional();
    }

    Optional<OrganisationDetails> byId(long id, @Nullable String period, PhoneVisibility phones) {
        return jdbc.sql(ORGANISATION_BY_ID).param("id", id).param("period", period)
                .query((rs, n) -> details(rs, phones)).optional();
    }

    LocalDate lastPeriodEnd() {
        return jdbc.sql(LAST_PERIOD_END).query(LocalDate.class).single();
    }

    Optional<ContactPointDetails> contactPoint(long id, @Nullable String period, PhoneVisibility phones) {
        return jdbc.sql(CONTACT_POINT).param("id", id).param("period", period)
                .param(PhoneVisibility.PARAMETER, phones.full()).query(ContactPointDetails.class).optional();
    }

    List<SearchHit> search(String text, int limit) {
        return jdbc.sql(SEARCH).param("text", text).param("limit", limit).query(SearchHit.class).list();
    }

    Map<String, Long> matchingPerDistrict(@Nullable String kind, @Nullable String status, @Nullable String district,
                                          String period) {
        return jdbc.sql(MATCHING_PER_DISTRICT).param("kind", kind).param("status", status).param("district", district)
                .param("period", period)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<String, Long> layerCounts() {
        return jdbc.sql(LAYER_COUNTS).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The status from a day on: the current status and a row of history (replacing one of the same day). */
    void changeStatus(long id, String status, LocalDate from) {
        jdbc.sql("UPDATE organisation SET status = :status, status_since = :from WHERE id = :id")
                .param("status", status).param("from", from).param("id", id).update();
        jdbc.sql("""
                INSERT INTO organisation_status (organisation_id, valid_from, status) VALUES (:id, :from, :status)
                ON CONFLICT (organisation_id, valid_from) DO UPDATE SET status = EXCLUDED.status""")
                .param("id", id).param("from", from).param("status", status).update();
    }

    private OrganisationDetails details(java.sql.ResultSet rs, PhoneVisibility phones) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<OrganisationDetails.Leader> leaders = jdbc.sql(LEADERS_OF).param("id", id)
                .param(PhoneVisibility.PARAMETER, phones.full())
                .query(OrganisationDetails.Leader.class).list();
        Map<String, java.math.BigDecimal> components = new java.util.LinkedHashMap<>();
        for (String component : OrganisationDetails.FORTRESS_COMPONENTS) {
            java.math.BigDecimal score = rs.getBigDecimal("fortress_" + component);
            if (score != null) {
                components.put(component, score);
            }
        }
        return new OrganisationDetails(id, rs.getString("code"), rs.getString("kind"), rs.getString("name_zh"),
                rs.getString("township_zh"), rs.getString("district_code"), rs.getBigDecimal("fortress_index"),
                rs.getString("status"), rs.getDate("status_since").toLocalDate(), rs.getDouble("lon"),
                rs.getDouble("lat"), components, leaders);
    }
}
