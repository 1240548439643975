package org.jiuquan.grassroots.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.geo.Bbox;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;

/**
 * A checked request for features: a bounding box in longitude/latitude, a page (limit, offset), property
 * filters, and for districts the period of the indicator values. Anything malformed or unknown is refused.
 */
record ItemsQuery(@Nullable Bbox bbox, int limit, int offset, Map<String, String> filters, @Nullable String period) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** The township filter of the point layers (Collection.takesTownship): a 9-digit township code. */
    static final String TOWNSHIP = "township";
    private static final Set<String> COMMON = Set.of("f", "bbox", "bbox-crs", "limit", "offset");

    static ItemsQuery parse(Collection collection, Map<String, String[]> parameters) {
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(collection.filters().keySet());
        if (collection.takesTownship()) {
            allowed.add(TOWNSHIP);
        }
        // Every collection is seen as of a period: districts' indicator values, organisations' statuses.
        allowed.add("period");
        checkKnown(parameters, allowed);
        checkFormat(parameters);
        String crs = single(parameters, "bbox-crs");
        if (crs != null && !crs.equals(CRS84)) {
            throw ApiProblem.badRequest("problem.bad-bbox-crs", crs);
        }
        String bboxText = single(parameters, "bbox");
        Bbox bbox = bboxText == null ? null : QueryParameters.bbox(bboxText);
        int limit = number(single(parameters, "limit"), DEFAULT_LIMIT, 1, MAX_LIMIT, "problem.bad-limit");
        int offset = number(single(parameters, "offset"), 0, 0, Integer.MAX_VALUE, "problem.bad-offset");
        return new ItemsQuery(bbox, limit, offset, filters(collection, parameters), single(parameters, "period"));
    }

    /** Property filters alone (for tiles), checked the same way. */
    static Map<String, String> filters(Collection collection, Map<String, String[]> parameters) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (var filter : collection.filters().entrySet()) {
            String value = single(parameters, filter.getKey());
            if (value == null) {
                continue;
            }
            if (!filter.getValue().contains(value)) {
                throw ApiProblem.badRequest("problem.bad-filter", filter.getKey(), value,
                        String.join(", ", filter.getValue()));
            }
            filters.put(filter.getKey(), value);
        }
        String township = collection.takesTownship() ? single(parameters, TOWNSHIP) : null;
        if (township != null) {
            // Only the form here; whether such a township exists is asked of the database (FeatureRepository).
            if (!township.matches("[0-9]{9}")) {
                throw unknownTownship(township);
            }
            filters.put(TOWNSHIP, township);
        }
        return filters;
    }

    static ApiProblem unknownTownship(String value) {
        return ApiProblem.badRequest("problem.bad-township", value);
    }

    static void checkKnown(Map<String, String[]> parameters, Set<String> allowed) {
        QueryParameters.allowOnly(parameters.keySet(), allowed);
    }

    /** JSON is the only encoding; f=json (or none) is accepted. */
    static void checkFormat(Map<String, String[]> parameters) {
        String format = single(parameters, "f");
        if (format != null && !format.equals("json") && !format.equals("geojson")) {
            throw ApiProblem.badRequest("problem.bad-format", format);
        }
    }

    static @Nullable String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static int number(@Nullable String text, int fallback, int min, int max, String problem) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw ApiProblem.badRequest(problem, text, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(problem, text, max);
        }
    }
}
