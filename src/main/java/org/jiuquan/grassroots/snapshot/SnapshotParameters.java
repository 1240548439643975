package org.jiuquan.grassroots.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a snapshot request from URL parameters: the dashboard's own (so a dashboard URL's query is a valid
 * snapshot query) plus {@code size}, {@code dpi}, {@code format}, {@code title}, {@code notes} and
 * {@code selection}. Unlike the dashboard, which replaces a bad value by its default, a script asking for
 * a file gets a 400 naming the parameter: a wrong file is worse than none.
 */
@Component
public class SnapshotParameters {

    public static final Set<String> NAMES = Set.of("indicator", "period", "method", "classes", "district", "kind",
            "status", "layers", "bbox", "lang", "present", "size", "dpi", "format", "title", "notes", "selection",
            "compare");

    private final IndicatorService indicators;
    private final DistrictService districts;

    SnapshotParameters(IndicatorService indicators, DistrictService districts) {
        this.indicators = indicators;
        this.districts = districts;
    }

    /** @throws ApiProblem (400) for an unknown parameter or a value out of range */
    public SnapshotRequest parse(Map<String, List<String>> parameters) {
        QueryParameters.allowOnly(parameters.keySet(), NAMES);
        List<String> periods = indicators.periods().stream().map(Period::code).toList();
        DashboardState.Parsed parsed = DashboardState.parse(parameters, indicators.indicatorsByCode().keySet(), periods);
        if (!parsed.invalid().isEmpty()) {
            Map.Entry<String, String> bad = parsed.invalid().get(0);
            throw ApiProblem.badRequest("problem.bad-view-parameter", bad.getKey(), bad.getValue());
        }
        DashboardState view = parsed.state();
        if (view.bbox() != null && !insideCity(view.bbox())) {
            throw ApiProblem.badRequest("problem.extent-outside-city", String.join(",", parameters.get("bbox")));
        }
        String sizeText = first(parameters, "size", "screen");
        PageSize size = PageSize.ofCode(sizeText).orElseThrow(() -> ApiProblem.badRequest("problem.bad-size",
                sizeText, String.join(", ", java.util.Arrays.stream(PageSize.values()).map(PageSize::code).toList())));
        String dpiText = first(parameters, "dpi", "96");
        int dpi;
        try {
            dpi = Integer.parseInt(dpiText);
        } catch (NumberFormatException e) {
            dpi = -1;
        }
        if (dpi < SnapshotRequest.MIN_DPI || dpi > SnapshotRequest.MAX_DPI) {
            throw ApiProblem.badRequest("problem.bad-dpi", dpiText, SnapshotRequest.MIN_DPI, SnapshotRequest.MAX_DPI);
        }
        String formatText = first(parameters, "format", "png");
        SnapshotRequest.Format format = switch (formatText) {
            case "png" -> SnapshotRequest.Format.PNG;
            case "pdf" -> SnapshotRequest.Format.PDF;
            default -> throw ApiProblem.badRequest("problem.bad-snapshot-format", formatText);
        };
        String title = text(parameters, "title", SnapshotRequest.MAX_TITLE);
        String notes = text(parameters, "notes", SnapshotRequest.MAX_NOTES);
        String selection = parameters.containsKey("selection") ? first(parameters, "selection", "") : null;
        if (selection != null && !selection.matches("[0-9]{6}|[0-9]{12}")) {
            throw ApiProblem.badRequest("problem.bad-view-parameter", "selection", selection);
        }
        return new SnapshotRequest(view, selection, size, dpi, format, title, notes);
    }

    /** The extent must overlap the city: an extent elsewhere would give an empty map. */
    private boolean insideCity(double[] bbox) {
        double[] city = districts.cityBounds();
        return bbox[0] < city[2] && bbox[2] > city[0] && bbox[1] < city[3] && bbox[3] > city[1];
    }

    private static String first(Map<String, List<String>> parameters, String name, String fallback) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0).strip();
    }

    private static @Nullable String text(Map<String, List<String>> parameters, String name, int max) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        String value = values.get(0).strip();
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw ApiProblem.badRequest("problem.bad-text", name, max);
        }
        return value;
    }
}
