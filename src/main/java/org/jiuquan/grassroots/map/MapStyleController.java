package org.jiuquan.grassroots.map;

import java.util.Set;

import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The map's style as JSON, for scripts and renderers outside the dashboard. */
@RestController
class MapStyleController {

    private final MapStyleService styles;

    MapStyleController(MapStyleService styles) {
        this.styles = styles;
    }

    @GetMapping("/api/map-style")
    MapStyle style(@RequestParam String indicator, @RequestParam(required = false) @Nullable String period,
                   @RequestParam(defaultValue = "quantile") String method,
                   @RequestParam(defaultValue = "5") int classes, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("indicator", "period", "method", "classes"));
        return styles.style(indicator, period == null ? "" : period, method, classes);
    }
}
