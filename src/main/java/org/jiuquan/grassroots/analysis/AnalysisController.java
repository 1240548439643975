package org.jiuquan.grassroots.analysis;

import java.util.List;
import java.util.Set;

import org.jiuquan.grassroots.web.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The analyses as GeoJSON FeatureCollections, for the analysis map and for GIS clients. */
@RestController
@RequestMapping("/api/analysis")
class AnalysisController {

    private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

    private final AnalysisService analysis;

    AnalysisController(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @GetMapping("/weak-clusters")
    ResponseEntity<String> weakClusters(@RequestParam String period, @RequestParam("distance_km") double distanceKm,
                                        @RequestParam("min_count") int minCount, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("period", "distance_km", "min_count"));
        return collection(analysis.weakClusters(period, distanceKm, minCount));
    }

    @GetMapping("/hot-spots")
    ResponseEntity<String> hotSpots(@RequestParam("distance_km") double distanceKm, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("distance_km"));
        return collection(analysis.hotSpots(distanceKm));
    }

    @GetMapping("/coverage-gaps")
    ResponseEntity<String> coverageGaps(@RequestParam("distance_km") double distanceKm, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("distance_km"));
        return collection(analysis.coverageGaps(distanceKm));
    }

    private static ResponseEntity<String> collection(List<String> features) {
        return ResponseEntity.ok().contentType(GEOJSON).body("{\"type\":\"FeatureCollection\",\"numberReturned\":"
                + features.size() + ",\"features\":[" + String.join(",", features) + "]}");
    }
}
