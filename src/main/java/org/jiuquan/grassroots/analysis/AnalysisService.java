package org.jiuquan.grassroots.analysis;

import java.util.List;

import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.web.ApiProblem;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Checks every parameter before any query runs: a negative distance, a minimum count of zero or an
 * unknown quarter gets a clear problem, and the database is not asked.
 */
@Service
public class AnalysisService {

    /** Beyond this nothing is local any more: the whole city is about 700 km across. */
    static final double MAX_DISTANCE_KM = 200;
    static final int MAX_MIN_COUNT = 1000;

    private final AnalysisRepository repository;
    private final IndicatorService indicators;

    AnalysisService(AnalysisRepository repository, IndicatorService indicators) {
        this.repository = repository;
        this.indicators = indicators;
    }

    /** GeoJSON features: weak organisations with their cluster number, and one hull per cluster. */
    public List<String> weakClusters(String period, double distanceKm, int minCount) {
        String checked = indicators.checkPeriod(requirePeriod(period));
        double metres = metres(distanceKm);
        if (minCount < 1 || minCount > MAX_MIN_COUNT) {
            throw ApiProblem.badRequest("problem.bad-min-count", minCount, MAX_MIN_COUNT);
        }
        return withinTime(() -> repository.weakClusters(checked, metres, minCount));
    }

    /** GeoJSON features: every village and grid branch with its Gi* z-score and significance. */
    public List<String> hotSpots(double distanceKm) {
        double metres = metres(distanceKm);
        return withinTime(() -> repository.hotSpots(metres));
    }

    /** GeoJSON features: villages and grid branches with no contact point within the distance. */
    public List<String> coverageGaps(double distanceKm) {
        double metres = metres(distanceKm);
        return withinTime(() -> repository.coverageGaps(metres));
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
