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

    private final AnalysisRepository repository;
    private final IndicatorService indicators;
    private final CurrentUser currentUser;
    private final LongSupplier generation;
    /** Bounded by the results' own estimate of their size: about 32 MB (a hot-spot run at x1 is about 0.3 MB). */
    private final Cache<RunKey, AnalysisResult> runs = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((RunKey key, AnalysisResult result) -> (int) Math.min(Integer.MAX_VALUE, 64 + result.weight()))
            .build();

    /**
     * One run of an analysis: its parameters, whose phone numbers it shows, the data it ran on, and for a binned
     * hot-spot run whether it holds the significant cells' organisations too.
     */
    private record RunKey(long generation, AnalysisKind kind, String period, double metres, int minCount,
                          PhoneVisibility phones, boolean withOrganisations) {
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

    /** Weak organisations with their cluster number, and each cluster with its hull. */
    public WeakClusters weakClusters(String period, double distanceKm, int minCount) {
        String checked = indicators.checkPeriod(requirePeriod(period));
        double metres = metres(distanceKm);
        if (minCount < 1 || minCount > MAX_MIN_COUNT) {
            throw ApiProblem.badRequest("problem.bad-min-count", minCount, MAX_MIN_COUNT);
        }
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.CLUSTERS, checked, metres, minCount,
                PhoneVisibility.MASKED, false), () -> repository.weakClusters(checked, metres, minCount));
    }

    /**
     * Gi* z-scores: every village and grid branch with its score and significance, or at large data the
     * significant cells of the binned Gi* (what the map draws; see {@link HotSpots}).
     */
    public HotSpots hotSpots(double distanceKm) {
        double metres = metres(distanceKm);
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.HOT_SPOTS, "", metres, 0, PhoneVisibility.MASKED,
                false), () -> repository.hotSpots(metres));
    }

    /** As {@link #hotSpots}, with the organisations of a binned run's significant cells read too: for the table. */
    public HotSpots hotSpotRows(double distanceKm) {
        HotSpots run = hotSpots(distanceKm);
        if (!run.binned()) {
            return run;
        }
        double metres = metres(distanceKm);
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.HOT_SPOTS, "", metres, 0, PhoneVisibility.MASKED,
                true), () -> repository.withOrganisations(run));
    }

    /** Villages and grid branches with no contact point within the distance. */
    public CoverageGaps coverageGaps(double distanceKm) {
        double metres = metres(distanceKm);
        PhoneVisibility phones = currentUser.phoneVisibility();
        return cached(new RunKey(generation.getAsLong(), AnalysisKind.COVERAGE_GAPS, "", metres, 0, phones, false),
                () -> repository.coverageGaps(metres, phones));
    }

    /** The run an analysis page shows: for hot spots with the organisations the table lists. */
    public AnalysisResult run(AnalysisKind kind, String period, double distanceKm, int minCount) {
        return switch (kind) {
            case CLUSTERS -> weakClusters(period, distanceKm, minCount);
            case HOT_SPOTS -> hotSpotRows(distanceKm);
            case COVERAGE_GAPS -> coverageGaps(distanceKm);
        };
    }

    /**
     * An analysis' organisations as table rows, filtered, in the order of {@link #order}. Cluster hulls are not rows; the
     * result column holds the cluster number, the z-score or the distance to the nearest contact point.
     */
    public List<AnalysisRow> rows(AnalysisKind kind, String period, double distanceKm, int minCount,
                                  AnalysisFilter filter) {
        List<AnalysisRow> rows = new ArrayList<>(run(kind, period, distanceKm, minCount).rows());
        rows.removeIf(row -> !filter.keeps(row));
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

    /** The run from an earlier identical run on the same data, or from the database now. */
    @SuppressWarnings("unchecked")
    private <R extends AnalysisResult> R cached(RunKey key, java.util.function.Supplier<R> run) {
        if (key.generation() == DataVersionListener.UNKNOWN) {
            return withinTime(run);
        }
        AnalysisResult kept = runs.getIfPresent(key);
        if (kept != null) {
            return (R) kept;
        }
        // Run outside the cache's own computation, so a slow analysis never blocks others' lookups; two
        // identical first runs at once both run, and both get the same answer.
        R result = withinTime(run);
        runs.put(key, result);
        return result;
    }

    /** A query that PostgreSQL cancelled for taking too long becomes a clear problem, not a server error. */
    private static <R> R withinTime(java.util.function.Supplier<R> query) {
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
