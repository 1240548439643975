package org.jiuquan.grassroots.analysis;

import java.util.Locale;
import java.util.Set;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
    private final AnalysisExportService exports;
    private final WrittenRuns written;

    AnalysisController(AnalysisService analysis, AnalysisExportService exports, WrittenRuns written) {
        this.analysis = analysis;
        this.exports = exports;
        this.written = written;
    }

    @GetMapping("/weak-clusters")
    ResponseEntity<byte[]> weakClusters(@RequestParam String period, @RequestParam("distance_km") double distanceKm,
                                        @RequestParam("min_count") int minCount, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("period", "distance_km", "min_count"));
        return collection(analysis.weakClusters(period, distanceKm, minCount));
    }

    @GetMapping("/hot-spots")
    ResponseEntity<byte[]> hotSpots(@RequestParam("distance_km") double distanceKm, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("distance_km"));
        return collection(analysis.hotSpots(distanceKm));
    }

    @GetMapping("/coverage-gaps")
    ResponseEntity<byte[]> coverageGaps(@RequestParam("distance_km") double distanceKm, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("distance_km"));
        return collection(analysis.coverageGaps(distanceKm));
    }

    /**
     * The analysis table as a file: {@code analysis} (weak-clusters, hot-spots, coverage-gaps), its
     * parameters, the table's filters ({@code district}, {@code org_kind}, {@code status}, {@code min_index},
     * {@code max_index}, {@code bbox}), {@code format} (csv or xlsx) and {@code lang} (zh or en).
     */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam String analysis, @RequestParam(defaultValue = "csv") String format,
                                  @RequestParam(defaultValue = "2017Q4") String period,
                                  @RequestParam(value = "distance_km", defaultValue = "5") double distanceKm,
                                  @RequestParam(value = "min_count", defaultValue = "3") int minCount,
                                  @RequestParam(required = false) @Nullable String district,
                                  @RequestParam(value = "org_kind", required = false) @Nullable String orgKind,
                                  @RequestParam(required = false) @Nullable String status,
                                  @RequestParam(value = "min_index", required = false) @Nullable Double minIndex,
                                  @RequestParam(value = "max_index", required = false) @Nullable Double maxIndex,
                                  @RequestParam(required = false) @Nullable String bbox,
                                  @RequestParam(required = false) @Nullable String area,
                                  @RequestParam(required = false) @Nullable String lang, HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("analysis", "format", "period", "distance_km", "min_count",
                "district", "org_kind", "status", "min_index", "max_index", "bbox", "area", "lang"));
        AnalysisKind kind = AnalysisKind.fromCode(analysis)
                .orElseThrow(() -> ApiProblem.badRequest("problem.bad-analysis", analysis));
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ApiProblem.badRequest("problem.bad-format", format);
        }
        AnalysisFilter filter = AnalysisFilter.of(district, orgKind, status, minIndex, maxIndex, bbox, area);
        Locale locale = lang != null ? Locale.forLanguageTag(lang) : LocaleContextHolder.getLocale();
        byte[] body = exports.table(kind, period, distanceKm, minCount, filter, format, locale, request.getQueryString());
        boolean excel = format.equals("xlsx");
        return ResponseEntity.ok()
                .contentType(excel
                        ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jiuquan-" + kind.code() + "-" + period + "." + format).build().toString())
                .body(body);
    }

    /**
     * The typed result written as GeoJSON here, at the edge, once per kept run. The ETag lets a browser
     * revalidate: Spring answers 304 with no body when its If-None-Match holds it. "private, no-cache": the
     * browser may keep the bytes but asks each time (after the security checks), so a data change is never
     * missed.
     */
    private ResponseEntity<byte[]> collection(AnalysisResult result) {
        WrittenRuns.Written run = written.of(result);
        return ResponseEntity.ok().contentType(GEOJSON).eTag(run.etag())
                .cacheControl(CacheControl.noCache().cachePrivate()).body(run.body());
    }
}
