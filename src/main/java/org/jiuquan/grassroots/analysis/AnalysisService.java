package org.jiuquan.grassroots.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jiuquan.grassroots.datachanges.DataVersionListener;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.privacy.PhoneVisibility;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.web.ApiProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every parameter before any query runs: a negative distance, a minimum count of zero or an
 * unknown quarter gets a clear problem, and the database is not asked. Each result is kept per parameter set
 * and data generation (see {@link DataVersionListener}): one action on the analysis page (its table, its map
 * overlay, its hint, its exports) runs the analysis once, and any change to the data retires every result.
 */
@Service
public class AnalysisService {

    /**
     * The analysis map colours its districts by this indicator (weak organisations still open at the quarter's
     * end) in these classes: on screen and in the map's PNG and PDF alike.
     */
    public static final String DISTRICT_INDICATOR = "weak_open";
    public static final String DISTRICT_METHOD = "quantile";
    public static final int DISTRICT_CLASSES = 5;

    /** Beyond this nothing is local any more: the whole city is about 700 km across. */
    static final double MAX_DISTANCE_KM = 200;
    static final int MAX_MIN_COUNT = 1000;

    private static final JsonMapper JSON = JsonMapper.shared();

    private final AnalysisRepository repository;
    private final IndicatorService indicators;
    private final CurrentUser currentUser;
    private final LongSupplier generation;
    /** Bounded in characters of GeoJSON: about 32 MB of results (a hot-spot run at x1 is about 0.4 MB). */
    private final Cache<RunKey, List<String>> runs = Caffeine.newBuilder()
            .maximumWeight(16L * 1024 * 1024)
            .weigher((RunKey key, List<String> features) -> 64 + features.stream().mapToInt(String::length).sum())
            .build();

    /** One run of an analysis: its parameters, whose phone numbers it shows, and the data it ran on. */
    private record RunKey(long generation, AnalysisKind kind, String period, double metres, int minCount,
                          PhoneVisibility phones) {
    }

    @Autowired
    AnalysisService(AnalysisRepository repository, IndicatorService indicators, CurrentUser currentUser,
                    DataVersionListener changes) {
        this(repository, indicators, currentUser, changes::generation);
    }

    /** {@code generation} names the data's state; {@link DataVersionListener#UNKNOWN} keeps nothing. */
    AnalysisService(AnalysisRepository repository, IndicatorService indicators, CurrentUser currentUser,
                    LongSupplier generation) {
        this.currentUser = currentUser;
        this.repository = repository;
        this.indicators = indicators;
        this.generation = generation;
    }

    /** GeoJSON features: weak organisations with their cluster number, and one hull per cluster. */
    public List<String> weakClusters(String period, double distanceKm, int minCount) {
        String checked = indicators.checkPeriod(requirePeriod(period));
        double metres = metres(distanceKm);
        if (minCount < 1 || minCount > MAX_MIN_COUNT) {
            throw ApiProblem.badRequest("problem.bad-min-count", minCount, MAX_MIN_COUNT);
        }
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.CLUSTERS, checked, metres, minCount,
                PhoneVisibility.MASKED), () -> repository.weakClusters(checked, metres, minCount));
    }

    /** GeoJSON features: every village and grid branch with its Gi* z-score and significance. */
    public List<String> hotSpots(double distanceKm) {
        double metres = metres(distanceKm);
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.HOT_SPOTS, "", metres, 0, PhoneVisibility.MASKED),
                () -> repository.hotSpots(metres));
    }

    /** GeoJSON features: villages and grid branches with no contact point within the distance. */
    public List<String> coverageGaps(double distanceKm) {
        double metres = metres(distanceKm);
        PhoneVisibility phones = currentUser.phoneVisibility();
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.COVERAGE_GAPS, "", metres, 0, phones),
                () -> repository.coverageGaps(metres, phones));
    }

    /**
     * An analysis' organisations as table rows, filtered, in the order of {@link #order}. Cluster hulls are not rows; the
     * result column holds the cluster number, the z-score or the distance to the nearest contact point.
     */
    public List<AnalysisRow> rows(AnalysisKind kind, String period, double distanceKm, int minCount,
                                  AnalysisFilter filter) {
        List<String> features = switch (kind) {
            case CLUSTERS -> weakClusters(period, distanceKm, minCount);
            case HOT_SPOTS -> hotSpots(distanceKm);
            case COVERAGE_GAPS -> coverageGaps(distanceKm);
        };
        List<AnalysisRow> rows = new ArrayList<>();
        for (String text : features) {
            JsonNode feature = JSON.readTree(text);
            JsonNode p = feature.path("properties");
            if (p.path("feature_type").asString("organisation").equals("cluster")) {
                continue;
            }
            JsonNode coordinates = feature.path("geometry").path("coordinates");
            Double result = switch (kind) {
                case CLUSTERS -> p.path("cluster").isNull() ? null : p.path("cluster").asDouble();
                case HOT_SPOTS -> p.path("z").asDouble();
                case COVERAGE_GAPS -> p.path("nearest_m").asDouble();
            };
            String detail = switch (kind) {
                case CLUSTERS -> "";
                case HOT_SPOTS -> p.path("spot").asString();
                case COVERAGE_GAPS -> p.path("nearest_leader_zh").asString() + " · "
                        + p.path("nearest_leader_phone").asString() + " · " + p.path("nearest_organisation_zh").asString();
            };
            AnalysisRow row = new AnalysisRow(p.path("code").asString(), p.path("name_zh").asString(),
                    p.path("kind").asString(), p.path("district_code").asString(), p.path("fortress_index").asDouble(),
                    p.path("status").isMissingNode() ? null : p.path("status").asString(),
                    coordinates.get(0).asDouble(), coordinates.get(1).asDouble(), result, detail,
                    kind == AnalysisKind.HOT_SPOTS ? p.path("significance").asInt() : 0);
            if (filter.keeps(row)) {
                rows.add(row);
            }
        }
        if (filter.area() != null) {
            // Inside the drawn area by PostGIS (ST_Covers: a point on the outline counts as inside).
            java.util.Set<String> inside = repository.codesCoveredBy(filter.area().getGeometry().toText());
            rows.removeIf(row -> !inside.contains(row.code()));
        }
        rows.sort(order(kind));
        return rows;
    }

    /**
     * The order the method's help text states: coverage gaps farthest from a contact point first; the others
     * weakest (lowest fortress index) first.
     */
    static Comparator<AnalysisRow> order(AnalysisKind kind) {
        Comparator<AnalysisRow> weakestFirst = Comparator.comparingDouble(AnalysisRow::fortressIndex);
        Comparator<AnalysisRow> first = kind == AnalysisKind.COVERAGE_GAPS
                ? Comparator.comparingDouble((AnalysisRow row) -> row.result() == null ? 0 : row.result()).reversed()
                : weakestFirst;
        return first.thenComparing(AnalysisRow::code);
    }

    /** The run's features from an earlier identical run on the same data, or from the database now. */
    private List<String> cached(RunKey key, java.util.function.Supplier<List<String>> run) {
        if (key.generation() == DataVersionListener.UNKNOWN) {
            return withinTime(run);
        }
        List<String> kept = runs.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        // Run outside the cache's own computation, so a slow analysis never blocks others' lookups; two
        // identical first runs at once both run, and both get the same answer.
        List<String> features = List.copyOf(withinTime(run));
        runs.put(key, features);
        return features;
    }

    /** A query that PostgreSQL cancelled for taking too long becomes a clear problem, not a server error. */
    private static List<String> withinTime(java.util.function.Supplier<List<String>> query) {
        try {
            return query.get();
        } catch (QueryTimeoutException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.analysis-timeout");
        }
    }

    private static String requirePeriod(String period) {
        if (period.isBlank()) {
            throw ApiProblem.badRequest("problem.missing-parameter", "period");
        }
        return period;
    }

    private static double metres(double distanceKm) {
        if (!(distanceKm > 0) || distanceKm > MAX_DISTANCE_KM || !Double.isFinite(distanceKm)) {
            throw ApiProblem.badRequest("problem.bad-distance", distanceKm, MAX_DISTANCE_KM);
        }
        return distanceKm * 1000;
    }
}
