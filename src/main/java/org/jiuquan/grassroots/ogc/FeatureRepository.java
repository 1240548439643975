package org.jiuquan.grassroots.ogc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jiuquan.grassroots.cluster.ReadDatabase;
import org.jiuquan.grassroots.datachanges.ReferenceCache;
import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** GeoJSON features straight from PostGIS (ST_AsGeoJSON, six decimals: about 0.1 m). */
@Repository
class FeatureRepository {

    static final String DISTRICT_FEATURES = """
            SELECT json_build_object('type', 'Feature', 'id', d.code,
                'geometry', ST_AsGeoJSON(d.outline, 6)::json,
                'properties', jsonb_build_object('code', d.code, 'name_zh', d.name_zh, 'name_en', d.name_en,
                        'seat_name_zh', d.seat_name_zh, 'seat_name_en', d.seat_name_en,
                        'seat_lon', ST_X(d.seat), 'seat_lat', ST_Y(d.seat),
                        'label_zh', regexp_replace(d.name_zh, '(蒙古族|哈萨克族)自治县$', '县'),
                        'label_en', regexp_replace(d.name_en, ' (Mongol|Kazakh) Autonomous County$', ''),
                        'label_lon', ST_X(coalesce(d.label_point, d.seat)), 'label_lat', ST_Y(coalesce(d.label_point, d.seat)),
                        'brand_zh', d.brand_zh, 'brand_en', d.brand_en,
                        'period', CAST(:period AS text))
                    || coalesce((SELECT jsonb_object_agg(v.indicator_code, v.value) FROM district_indicator_value v
                                 WHERE v.district_code = d.code AND v.period = :period), '{}'::jsonb))::text
            FROM district d WHERE true""";
    static final String DISTRICT_COUNT = "SELECT count(*) FROM district d WHERE true";
    static final String DISTRICT_ORDER = " ORDER BY d.code";

    /**
     * Organisations of one kind recorded by the end of the period. Their status then is the copy on their own
     * row (organisation.status_at, kept by V11's triggers), so a page or a count joins no other table.
     */
    static final String ORGANISATIONS_AT_PERIOD = """
            FROM organisation o
            WHERE o.kind = :kind AND (o.status_at ->> :period) IS NOT NULL""";

    /**
     * Status and status_since are those at the end of the requested period (from the status history): an
     * organisation appears from the first quarter its status was recorded in.
     */
    static final String ORGANISATION_FEATURES = """
            SELECT json_build_object('type', 'Feature', 'id', coalesce(o.code, CAST(o.id AS text)),
                'geometry', ST_AsGeoJSON(o.geom, 6)::json,
                'properties', json_build_object('id', o.id, 'code', o.code, 'kind', o.kind, 'name_zh', o.name_zh,
                        'township_zh', o.township_zh,
                        'district_code', o.district_code, 'fortress_index', o.fortress_index, 'status', o.status_at ->> :period,
                        'status_since', (SELECT s.status_since FROM organisation_period_status s
                                         WHERE s.organisation_id = o.id AND s.period = :period),
                        'period', CAST(:period AS text),
                        'fortress_components', CASE WHEN o.fortress_life IS NULL THEN NULL ELSE json_build_object(
                            'life', o.fortress_life, 'secretary', o.fortress_secretary, 'members', o.fortress_members,
                            'venue', o.fortress_venue, 'funding', o.fortress_funding, 'problems', o.fortress_problems) END,
                        'contact_points', (SELECT count(*) FROM contact_point c WHERE c.organisation_id = o.id),
                        'synthetic', o.synthetic))::text
            """ + ORGANISATIONS_AT_PERIOD;
    static final String ORGANISATION_COUNT = "SELECT count(*) " + ORGANISATIONS_AT_PERIOD;
    static final String ORGANISATION_ORDER = " ORDER BY o.code, o.id";

    /** A contact point counts in a period from the day it was established. */
    static final String CONTACT_POINTS_AT_PERIOD = """
            FROM contact_point c JOIN organisation o ON o.id = c.organisation_id JOIN leader l ON l.id = c.leader_id
            WHERE c.established_on <= (SELECT ends_on FROM period WHERE code = :period)
              AND (o.status_at ->> :period) IS NOT NULL""";

    /** Leaders' phone numbers are personal data: masked unless the caller may see them (PhoneVisibility). */
    static final String CONTACT_POINT_FEATURES = """
            SELECT json_build_object('type', 'Feature', 'id', c.id,
                'geometry', ST_AsGeoJSON(o.geom, 6)::json,
                'properties', json_build_object('id', c.id, 'leader_id', l.id, 'leader_name_zh', l.name_zh,
                        'leader_level', l.level, 'leader_title_zh', l.title_zh,
                        'leader_phone', """ + PhoneVisibility.select("l.phone") + """
                ,

                        'organisation_id', o.id, 'organisation_code', o.code, 'organisation_name_zh', o.name_zh,
                        'organisation_kind', o.kind, 'organisation_status', o.status_at ->> :period,
                        'district_code', o.district_code, 'established_on', c.established_on,
                        'synthetic', l.synthetic))::text
            """ + CONTACT_POINTS_AT_PERIOD;
    static final String CONTACT_POINT_COUNT = "SELECT count(*) " + CONTACT_POINTS_AT_PERIOD;
    static final String CONTACT_POINT_ORDER = " ORDER BY c.id";

    /**
     * Townships with their area (approximate until a real boundary is loaded, V55) and their indicators at
     * the end of the period (township_indicator, V56). A township with no organisations has no area.
     */
    static final String TOWNSHIP_FEATURES = """
            SELECT json_build_object('type', 'Feature', 'id', t.code,
                'geometry', ST_AsGeoJSON(a.area, 6)::json,
                'properties', json_build_object('code', t.code, 'name_zh', t.name_zh, 'district_code', t.district_code,
                        'approximate', a.area IS NULL OR a.approximate, 'period', CAST(:period AS text),
                        'organisations', i.organisations, 'villages', i.villages, 'grid_branches', i.grid_branches,
                        'enterprises', i.enterprises, 'social_orgs', i.social_orgs, 'weak', i.weak,
                        'rectifying', i.rectifying, 'fortress_index_mean', i.fortress_index_mean,
                        'villages_with_contact_share', i.villages_with_contact_share,
                        'contact_distance_p90_m', i.contact_distance_p90_m))::text
            FROM township t LEFT JOIN township_area a ON a.code = t.code
            CROSS JOIN LATERAL (SELECT * FROM township_indicator x
                                WHERE x.township_code = t.code AND x.period = :period) i
            WHERE true""";
    static final String TOWNSHIP_COUNT = """
            SELECT count(*) FROM township t LEFT JOIN township_area a ON a.code = t.code WHERE true""";
    static final String TOWNSHIP_ORDER = " ORDER BY t.code";

    static final String CITY_EXTENT = """
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
            FROM (SELECT ST_Extent(outline) AS e FROM district) s""";

    /**
     * The organisation (o) belongs to the township whose code is :township: the township its township_zh names
     * in its own district (V55), as the township's indicators and area count it. Enterprises and social
     * organisations have no code to match, so the name is the one rule for every kind.
     */
    static final String IN_TOWNSHIP = " AND o.district_code = left(:township, 6)"
            + " AND o.township_zh = (SELECT tw.name_zh FROM township tw WHERE tw.code = :township)";
    static final String TOWNSHIP_CODES = "SELECT code FROM township";

    /** Filter parameter -> SQL condition, per collection. The bbox uses the index (&&) on the stored SRID. */
    private static final Map<Collection, Map<String, String>> CONDITIONS = Map.of(
            Collection.DISTRICTS, Map.of(
                    "district", " AND d.code = :district",
                    "bbox", " AND ST_Intersects(d.outline, ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326))",
                    "id", " AND d.code = :id"),
            Collection.VILLAGES, organisationConditions(),
            Collection.GRID_BRANCHES, organisationConditions(),
            Collection.ENTERPRISES, organisationConditions(),
            Collection.SOCIAL_ORGANISATIONS, organisationConditions(),
            Collection.TOWNSHIPS, Map.of(
                    "district", " AND t.district_code = :district",
                    "bbox", " AND a.area && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)",
                    "id", " AND t.code = :id"),
            Collection.CONTACT_POINTS, Map.of(
                    "district", " AND o.district_code = :district",
                    "status", " AND (o.status_at ->> :period) = :status",
                    "level", " AND l.level = :level",
                    "kind", " AND o.kind = :kind",
                    "bbox", " AND o.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)",
                    "id", " AND c.id = CAST(:id AS bigint)",
                    ItemsQuery.TOWNSHIP, IN_TOWNSHIP));

    private static Map<String, String> organisationConditions() {
        return Map.of(
                "district", " AND o.district_code = :district",
                "status", " AND (o.status_at ->> :period) = :status",
                "bbox", " AND o.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)",
                ItemsQuery.TOWNSHIP, IN_TOWNSHIP,
                // Enterprises and social organisations have no 12-digit code: their id is the row number.
                "id", " AND (o.code = :id OR (o.code IS NULL AND CAST(o.id AS text) = :id))");
    }

    /** @param dataVersion the data version read just before the page, from the same database (the page is at least as new) */
    record Page(List<String> features, long numberMatched, long dataVersion) {
    }

    /** Read-only: pages of features may come from a replica (see ReadDatabase); one database per request. */
    private final ReadDatabase reads;
    /** Holds the township codes until the data changes: a tile at a township checks its code on every request. */
    private final ReferenceCache reference;

    /** The SQL conditions of a collection: CONDITIONS holds every collection. */
    private static Map<String, String> conditions(Collection collection) {
        return Objects.requireNonNull(CONDITIONS.get(collection), collection.id());
    }

    FeatureRepository(ReadDatabase reads, ReferenceCache reference) {
        this.reads = reads;
        this.reference = reference;
    }

    Page items(Collection collection, ItemsQuery query, String period, PhoneVisibility phones) {
        StringBuilder where = new StringBuilder();
        Map<String, String> conditions = conditions(collection);
        query.filters().keySet().forEach(name -> where.append(conditions.get(name)));
        if (query.bbox() != null) {
            where.append(conditions.get("bbox"));
        }
        String order = switch (collection) {
            case DISTRICTS -> DISTRICT_ORDER;
            case TOWNSHIPS -> TOWNSHIP_ORDER;
            case CONTACT_POINTS -> CONTACT_POINT_ORDER;
            default -> ORGANISATION_ORDER;
        };
        return reads.read(jdbc -> {
            long version = jdbc.sql(TileCache.DATA_VERSION).query(Long.class).single();
            var select = bind(jdbc.sql(features(collection) + where + order + " LIMIT :limit OFFSET :offset"),
                    collection, query, period, phones)
                    .param("limit", query.limit())
                    .param("offset", query.offset());
            List<String> features = select.query(String.class).list();
            long matched = bind(jdbc.sql(count(collection) + where), collection, query, period, phones)
                    .query(Long.class).single();
            return new Page(features, matched, version);
        });
    }

    Optional<String> item(Collection collection, String id, String period, PhoneVisibility phones) {
        if (collection == Collection.CONTACT_POINTS && !id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return reads.read(jdbc -> {
            var statement = jdbc.sql(features(collection) + conditions(collection).get("id")).param("id", id);
            if (collection.isOrganisationKind()) {
                statement = statement.param("kind", collection.organisationKind());
            }
            statement = statement.param("period", period);
            if (collection == Collection.CONTACT_POINTS) {
                statement = statement.param(PhoneVisibility.PARAMETER, phones.full());
            }
            return statement.query(String.class).optional();
        });
    }

    /** The data version (V20, V23): any change to what a page of features holds moves it. */
    long dataVersion() {
        return reads.read(jdbc -> jdbc.sql(TileCache.DATA_VERSION).query(Long.class).single());
    }

    /** Whether a township has this code (the township filter's values: the townships loaded). */
    boolean townshipExists(String code) {
        Set<String> codes = reference.get("township-codes",
                () -> Set.copyOf(reads.read(jdbc -> jdbc.sql(TOWNSHIP_CODES).query(String.class).list())));
        return codes.contains(code);
    }

    /** The city's extent: every layer lies inside it. */
    double[] cityExtent() {
        return reads.read(jdbc -> jdbc.sql(CITY_EXTENT).query((rs, row) -> new double[] {rs.getDouble(1),
                rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Collection collection,
                                                 ItemsQuery query, String period, PhoneVisibility phones) {
        for (var filter : query.filters().entrySet()) {
            statement = statement.param(filter.getKey(), filter.getValue());
        }
        if (query.bbox() != null) {
            statement = statement.param("minx", query.bbox().minLon()).param("miny", query.bbox().minLat())
                    .param("maxx", query.bbox().maxLon()).param("maxy", query.bbox().maxLat());
        }
        if (collection.isOrganisationKind()) {
            statement = statement.param("kind", collection.organisationKind());
        }
        statement = statement.param("period", period);
        if (collection == Collection.CONTACT_POINTS) {
            statement = statement.param(PhoneVisibility.PARAMETER, phones.full());
        }
        return statement;
    }

    private static String features(Collection collection) {
        return switch (collection) {
            case DISTRICTS -> DISTRICT_FEATURES;
            case TOWNSHIPS -> TOWNSHIP_FEATURES;
            case CONTACT_POINTS -> CONTACT_POINT_FEATURES;
            default -> ORGANISATION_FEATURES;
        };
    }

    private static String count(Collection collection) {
        return switch (collection) {
            case DISTRICTS -> DISTRICT_COUNT;
            case TOWNSHIPS -> TOWNSHIP_COUNT;
            case CONTACT_POINTS -> CONTACT_POINT_COUNT;
            default -> ORGANISATION_COUNT;
        };
    }
}
