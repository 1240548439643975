package org.jiuquan.grassroots.indicators;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** Indicator data as JSON for the dashboard: definitions, periods, city figures and district values. */
@RestController
@RequestMapping("/api")
class IndicatorController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

    private final IndicatorService service;

    IndicatorController(IndicatorService service) {
        this.service = service;
    }

    @GetMapping("/periods")
    ResponseEntity<List<Period>> periods(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of());
        return ResponseEntity.ok().cacheControl(CACHE).body(service.periods());
    }

    @GetMapping("/indicators")
    ResponseEntity<List<Indicator>> indicators(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of());
        return ResponseEntity.ok().cacheControl(CACHE).body(service.indicators());
    }

    @GetMapping("/city-totals")
    ResponseEntity<List<IndicatorValue>> cityTotals(@RequestParam(required = false) @Nullable String period,
                                                    HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("period"));
        return ResponseEntity.ok().cacheControl(CACHE).body(service.cityValues(period));
    }

    @GetMapping("/district-values")
    ResponseEntity<List<IndicatorValue>> districtValues(@RequestParam(required = false) @Nullable String period,
                                                        @RequestParam(required = false) @Nullable String indicator,
                                                        HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("period", "indicator"));
        return ResponseEntity.ok().cacheControl(CACHE).body(service.districtValues(period, indicator));
    }
}
