package org.jiuquan.grassroots.indicators;

import java.util.List;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.datachanges.ReferenceCache;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reads indicators and their values; unknown periods and indicators are refused with a clear problem. */
@Service
public class IndicatorService {

    /** The figures a meeting asks for first (city cards, a meeting pack's cover); all others are a menu away. */
    public static final List<String> KEY_FIGURES = List.of("villages", "grid_branches", "contact_points",
            "weak_rectified", "weak_open", "party_lectures", "enterprise_coverage", "social_org_coverage");

    private final IndicatorRepository repository;
    private final ReferenceCache cache;

    IndicatorService(IndicatorRepository repository, ReferenceCache cache) {
        this.repository = repository;
        this.cache = cache;
    }

    /** Cached until the data changes (ReferenceCache), like the indicators. */
    public List<Period> periods() {
        return cache.get("periods", () -> List.copyOf(repository.periods()));
    }

    public List<Indicator> indicators() {
        return cache.get("indicators", () -> List.copyOf(repository.indicators()));
    }

    /** One indicator's values in every district for every quarter, by quarter: the chart's one statement. */
    public List<IndicatorValue> districtHistory(String indicator) {
        return repository.districtHistory(indicator);
    }

    /** The latest period: what the app shows when nobody chose one. */
    public String latestPeriod() {
        List<Period> periods = periods();
        return periods.isEmpty() ? "2017Q4" : periods.get(periods.size() - 1).code();
    }

    /** @throws ApiProblem 400 if there is no such period */
    public String checkPeriod(@Nullable String period) {
        if (period == null || period.isBlank()) {
            return latestPeriod();
        }
        List<String> codes = periods().stream().map(Period::code).toList();
        if (!codes.contains(period)) {
            throw ApiProblem.badRequest("problem.unknown-period", period, String.join(", ", codes));
        }
        return period;
    }

    public List<IndicatorValue> cityValues(@Nullable String period) {
        return repository.cityValues(checkPeriod(period));
    }

    public List<IndicatorValue> districtValues(@Nullable String period, @Nullable String indicator) {
        String checkedPeriod = checkPeriod(period);
        if (indicator != null && indicators().stream().noneMatch(i -> i.code().equals(indicator))) {
            throw ApiProblem.badRequest("problem.unknown-indicator", indicator);
        }
        return repository.districtValues(checkedPeriod, indicator);
    }

    /** Rank and quarter-on-quarter change of every district (or one) for every indicator (or one). */
    public List<DistrictRanking> rankings(@Nullable String period, @Nullable String indicator,
                                          @Nullable String district) {
        return repository.rankings(checkPeriod(period), indicator, district);
    }

    public java.util.Map<String, Indicator> indicatorsByCode() {
        return cache.get("indicatorsByCode", () -> java.util.Collections.unmodifiableMap(indicators().stream()
                .collect(Collectors.toMap(Indicator::code, i -> i, (a, b) -> a, java.util.LinkedHashMap::new))));
    }
}
