package org.jiuquan.grassroots.snapshot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jiuquan.grassroots.analysis.AnalysisFilter;
import org.jiuquan.grassroots.analysis.AnalysisKind;
import org.jiuquan.grassroots.analysis.AnalysisService;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Snapshots over HTTP, for scripts and for the dashboard's download links: the view as the dashboard's
 * URL parameters, plus the page. Every file handed out is audited.
 */
@RestController
class SnapshotController {

    private final SnapshotParameters parameters;
    private final SnapshotExportService exports;
    private final BookmarkService bookmarks;
    private final AnalysisOverlays overlays;
    private final Translations translations;
    private final Clock clock;

    SnapshotController(SnapshotParameters parameters, SnapshotExportService exports, BookmarkService bookmarks,
                       AnalysisOverlays overlays, Translations translations, Clock clock) {
        this.clock = clock;
        this.overlays = overlays;
        this.translations = translations;
        this.parameters = parameters;
        this.exports = exports;
        this.bookmarks = bookmarks;
    }

    /**
     * {@code GET /api/snapshot?format=png|pdf&size=a4-landscape&dpi=300&title=…&notes=…&<dashboard view>}; with
     * {@code township=620921101} (9 digits) the page shows that township (TownshipPages).
     */
    @GetMapping("/api/snapshot")
    ResponseEntity<byte[]> snapshot(HttpServletRequest request) {
        Map<String, List<String>> query = parameters(request);
        List<String> township = query.remove("township");
        SnapshotRequest snapshot = parameters.parse(query);
        byte[] file = township == null ? exports.snapshot(snapshot, request.getQueryString())
                : townshipSnapshot(snapshot, township, request.getQueryString());
        return file(file, snapshot.format().mediaType(), "jiuquan-" + snapshot.view().indicator() + "-"
                + snapshot.view().period() + "." + snapshot.format().extension());
    }

    /**
     * {@code GET /api/snapshot/meeting-pack?indicator=…&period=…&size=a4-landscape&lang=zh}: a cover and a page per
     * district; {@code district=620921} only that district's page, {@code townships=true} a page per township after it.
     */
    @GetMapping("/api/snapshot/meeting-pack")
    ResponseEntity<byte[]> meetingPack(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("indicator", "period", "method", "classes", "layers", "lang", "size",
                "district", "townships"));
        Map<String, List<String>> query = parameters(request);
        boolean townships = TownshipParameters.townshipPages(query.remove("townships"));
        SnapshotRequest view = parameters.parse(query);
        if (townships && view.view().district() == null) {
            throw ApiProblem.badRequest("problem.township-pages-need-district");
        }
        byte[] file = exports.meetingPack(exports.requester(), view.view(), view.size(), view.view().district(),
                townships, request.getQueryString());
        return file(file, "application/pdf", "jiuquan-meeting-pack-" + view.view().indicator() + "-"
                + view.view().period() + ".pdf");
    }

    /** {@code GET /api/snapshot/slides?size=screen&lang=zh}: every saved slide, one page each, in order. */
    @GetMapping("/api/snapshot/slides")
    ResponseEntity<byte[]> slides(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("size", "lang"));
        SnapshotRequest page = parameters.parse(parameters(request));
        List<SnapshotService.Slide> slides = bookmarks.slides();
        if (slides.isEmpty()) {
            throw ApiProblem.notFound("problem.no-bookmarks");
        }
        byte[] file = exports.slides(slides, page.size());
        return file(file, "application/pdf", "jiuquan-slides-" + LocalDate.now(clock.withZone(AuditLog.ZONE)) + ".pdf");
    }

    /**
     * {@code GET /api/analysis/snapshot?analysis=hot-spots&distance_km=5&format=pdf&size=…}: the analysis map
     * (analysts and up, by the rule of /api/analysis). Also {@code period} and {@code min_count} for clusters, and
     * the table's filters as /api/analysis/export takes them ({@code district}, {@code org_kind}, {@code status},
     * {@code min_index}, {@code max_index}, {@code area}): the map then draws and lists only what they keep.
     */
    @GetMapping("/api/analysis/snapshot")
    ResponseEntity<byte[]> analysis(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of("analysis", "period", "distance_km", "min_count", "size", "dpi",
                "format", "title", "notes", "lang", "area", "district", "org_kind", "status", "min_index", "max_index"));
        String code = request.getParameter("analysis") == null ? "" : request.getParameter("analysis");
        AnalysisKind kind = AnalysisKind.fromCode(code)
                .orElseThrow(() -> ApiProblem.badRequest("problem.bad-analysis", code));
        double distanceKm = number(request, "distance_km", 5);
        int minCount = (int) number(request, "min_count", 3);
        Map<String, List<String>> page = new java.util.LinkedHashMap<>();
        parameters(request).forEach((name, values) -> {
            if (Set.of("size", "dpi", "format", "title", "notes", "lang", "period").contains(name)) {
                page.put(name, values);
            }
        });
        // The analysis map as on screen: the districts in the classes of its indicator, no point layers, the
        // analysis (and the area drawn, if any) over them.
        page.put("layers", List.of("districts"));
        page.put("indicator", List.of(AnalysisService.DISTRICT_INDICATOR));
        page.put("method", List.of(AnalysisService.DISTRICT_METHOD));
        page.put("classes", List.of(String.valueOf(AnalysisService.DISTRICT_CLASSES)));
        SnapshotRequest snapshot = parameters.parse(page);
        if (snapshot.title() == null) {
            snapshot = new SnapshotRequest(snapshot.view(), null, snapshot.size(), snapshot.dpi(), snapshot.format(),
                    translations.getTranslation("analysis." + kind.code(), locale(snapshot)) + " · " + distanceKm + " km",
                    snapshot.notes());
        }
        AnalysisFilter filter = AnalysisFilter.of(blankToNull(request.getParameter("district")),
                blankToNull(request.getParameter("org_kind")), blankToNull(request.getParameter("status")),
                optionalNumber(request, "min_index"), optionalNumber(request, "max_index"), null,
                blankToNull(request.getParameter("area")));
        // The district, kind and status go into the view, so the subtitle names them as a dashboard snapshot's does.
        snapshot = new SnapshotRequest(snapshot.view().withFilters(filter.district(), filter.kind(), filter.status()),
                null, snapshot.size(), snapshot.dpi(), snapshot.format(), snapshot.title(), snapshot.notes());
        SnapshotService.AnalysisPage analysisPage = overlays.page(kind, snapshot.view().period(), distanceKm, minCount, filter,
                locale(snapshot));
        byte[] file = exports.analysis(snapshot, analysisPage, kind, request.getQueryString());
        return file(file, snapshot.format().mediaType(), "jiuquan-" + kind.code() + "." + snapshot.format().extension());
    }

    private byte[] townshipSnapshot(SnapshotRequest snapshot, List<String> township, @Nullable String query) {
        String code = TownshipParameters.townshipCode(township);
        byte[] file = exports.township(snapshot, code, query);
        if (file == null) {
            throw ApiProblem.notFound("problem.unknown-township", code);
        }
        return file;
    }

    private static double number(HttpServletRequest request, String name, double fallback) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("problem.type-mismatch", name, value);
        }
    }

    private static @Nullable Double optionalNumber(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : number(request, name, 0);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static java.util.Locale locale(SnapshotRequest snapshot) {
        return snapshot.view().lang().equals("en") ? Translations.ENGLISH : Translations.CHINESE;
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> out.put(name, List.of(values)));
        return out;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String mediaType, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
