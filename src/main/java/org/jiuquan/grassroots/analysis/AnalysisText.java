package org.jiuquan.grassroots.analysis;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.i18n.Translations;
import org.springframework.stereotype.Component;

/**
 * An analysis row's cells in words, the same on screen and in the files: district names rather than codes,
 * whole numbers without ".0", hot and cold spots named with their confidence rather than "hot 95".
 */
@Component
public class AnalysisText {

    private final Translations translations;
    private final Map<String, District> districts;

    AnalysisText(Translations translations, DistrictService districts) {
        this.translations = translations;
        this.districts = districts.districts().stream()
                .collect(Collectors.toMap(District::code, Function.identity()));
    }

    public String district(String code, Locale locale) {
        District district = districts.get(code);
        return district == null ? code : district.name(locale);
    }

    /** The result column: a cluster's number, a z-score to two decimals, a distance in whole metres. */
    public String result(AnalysisRow row, AnalysisKind kind) {
        if (row.result() == null) {
            return "";
        }
        return switch (kind) {
            case CLUSTERS, COVERAGE_GAPS -> String.valueOf(Math.round(row.result()));
            case HOT_SPOTS -> String.format(Locale.ROOT, "%.2f", row.result());
        };
    }

    /** What the result means: isolated or in a cluster, which spot at what confidence, who is nearest. */
    public String detail(AnalysisRow row, AnalysisKind kind, Locale locale) {
        return switch (kind) {
            case CLUSTERS -> row.result() == null ? text("analysis.detail.isolated", locale)
                    : text("analysis.detail.cluster", locale, Math.round(row.result()));
            case HOT_SPOTS -> switch (row.detail()) {
                case "hot" -> text("legend.hot", locale, row.confidence());
                case "cold" -> text("legend.cold", locale, row.confidence());
                default -> text("legend.not-significant", locale);
            };
            case COVERAGE_GAPS -> row.detail();
        };
    }

    /** A number as people write it: 85 rather than 85.0, 72.5 as it is. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }
}
