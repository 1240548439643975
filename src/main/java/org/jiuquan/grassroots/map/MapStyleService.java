package org.jiuquan.grassroots.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.datachanges.ReferenceCache;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.IndicatorValue;
import org.jiuquan.grassroots.web.ApiProblem;
import org.springframework.stereotype.Service;

/** Makes the one {@link MapStyle} for an indicator, period and classification, from the values in PostGIS. */
@Service
public class MapStyleService {

    private final IndicatorService indicators;
    private final ReferenceCache cache;

    MapStyleService(IndicatorService indicators, ReferenceCache cache) {
        this.indicators = indicators;
        this.cache = cache;
    }

    /**
     * Cached until the data changes (ReferenceCache): a page, its snapshot and the tiles' colours ask for the
     * same style several times per action.
     *
     * @throws ApiProblem 400 for an unknown indicator, period or method, or classes outside 3-7 (not cached)
     */
    public MapStyle style(String indicatorCode, String period, String method, int classes) {
        return cache.get("style", () -> makeStyle(indicatorCode, period, method, classes),
                indicatorCode, period, method, classes);
    }

    private MapStyle makeStyle(String indicatorCode, String period, String method, int classes) {
        Classification classification = classification(method);
        if (classes < Classification.MIN_CLASSES || classes > Classification.MAX_CLASSES) {
            throw ApiProblem.badRequest("problem.bad-classes", classes);
        }
        Indicator indicator = indicators.indicatorsByCode().get(indicatorCode);
        if (indicator == null) {
            throw ApiProblem.badRequest("problem.unknown-indicator", indicatorCode);
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (IndicatorValue value : indicators.districtValues(period, indicatorCode)) {
            values.put(value.districtCode(), value.value());
        }
        double[] numbers = values.values().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double[] limits = classification.breaks(numbers, classes);
        int classCount = Math.max(1, limits.length - 1);
        List<String> ramp = ColorRamps.ramp(classCount, indicator.higherIsBetter());

        Map<String, String> colors = new LinkedHashMap<>();
        int[] perClass = new int[classCount];
        values.forEach((district, value) -> {
            int index = Classification.classOf(value.doubleValue(), limits);
            colors.put(district, ramp.get(index));
            perClass[index]++;
        });
        List<MapStyle.LegendClass> legend = new ArrayList<>();
        for (int i = 0; i < classCount && limits.length > 0; i++) {
            double to = limits.length > i + 1 ? limits[i + 1] : limits[i];
            legend.add(new MapStyle.LegendClass(limits[i], to, ramp.get(i), perClass[i]));
        }
        return new MapStyle(indicatorCode, indicators.checkPeriod(period), classification.code(), classCount,
                indicator.higherIsBetter(), indicator.decimals(), legend, colors, values, MapStyle.POINTS,
                MapStyle.WEAK_RING);
    }

    private static Classification classification(String method) {
        try {
            return Classification.fromCode(method);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("problem.bad-method", method);
        }
    }
}
