package org.jiuquan.grassroots.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.jiuquan.grassroots.i18n.Translations;
import org.springframework.stereotype.Component;

/**
 * What to change when an analysis finds nothing useful: an empty table, a cluster run where every weak
 * organisation is isolated, a hot-spot run with nothing significant. Each hint names the field to change
 * (by its label on the page) and, for clusters, the distance at which clusters do appear.
 */
@Component
public class AnalysisHints {

    /** Distances tried, smallest first, when every weak organisation stands alone. */
    static final List<Double> WIDER_DISTANCES_KM = List.of(10.0, 20.0, 30.0, 50.0, 100.0, 200.0);

    private final AnalysisService analysis;
    private final Translations translations;

    AnalysisHints(AnalysisService analysis, Translations translations) {
        this.analysis = analysis;
        this.translations = translations;
    }

    /** @return the hint, or an empty string when the rows speak for themselves */
    public String hint(AnalysisKind kind, String period, double distanceKm, int minCount, AnalysisFilter filter,
                       List<AnalysisRow> rows, Locale locale) {
        String km = AnalysisText.plain(distanceKm);
        if (rows.isEmpty() && narrows(filter)) {
            return text("analysis.hint.filtered", locale, label("filters.district", locale),
                    label("filters.kind", locale), label("filters.status", locale),
                    label("analysis.index-min", locale), label("analysis.index-max", locale),
                    label("analysis.clear-area", locale));
        }
        if (narrows(filter)) {
            return "";
        }
        return switch (kind) {
            case CLUSTERS -> {
                if (rows.isEmpty()) {
                    yield text("analysis.hint.no-weak", locale, period, label("indicator.period", locale));
                }
                if (rows.stream().anyMatch(row -> row.result() != null)) {
                    yield "";
                }
                String wider = WIDER_DISTANCES_KM.stream().filter(d -> d > distanceKm)
                        .filter(d -> findsACluster(period, d, minCount)).findFirst().map(AnalysisText::plain)
                        .orElse(null);
                yield wider != null
                        ? text("analysis.hint.isolated", locale, rows.size(), km, minCount,
                                label("analysis.distance", locale), wider)
                        : text("analysis.hint.isolated-fewer", locale, rows.size(), km, minCount,
                                label("analysis.min-count", locale));
            }
            case HOT_SPOTS -> rows.stream().allMatch(row -> row.confidence() == 0)
                    ? text("analysis.hint.no-spots", locale, km, label("analysis.distance", locale)) : "";
            case COVERAGE_GAPS -> rows.isEmpty()
                    ? text("analysis.hint.no-gaps", locale, km, label("analysis.distance", locale)) : "";
        };
    }

    private boolean findsACluster(String period, double distanceKm, int minCount) {
        return !analysis.weakClusters(period, distanceKm, minCount).clusters().isEmpty();
    }

    private static boolean narrows(AnalysisFilter filter) {
        return Stream.of(filter.district(), filter.kind(), filter.status(), filter.minIndex(), filter.maxIndex(),
                filter.bbox(), filter.area()).anyMatch(Objects::nonNull);
    }

    private String label(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }
}
