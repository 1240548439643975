package org.jiuquan.grassroots.snapshot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jiuquan.grassroots.datachanges.ReferenceCache;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.i18n.Formats;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.indicators.DistrictRanking;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.IndicatorValue;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.map.QuarterComparison;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Renders snapshots, meeting packs and slide decks. At most two renders run at once (a large PNG holds
 * tens of MB while drawn); a request that cannot start within 20 s gets a 503 instead of piling up.
 * Files are made whole in memory and handed out only when complete, so a failure never leaves half a file.
 */
@Service
public class SnapshotService {

    static final int CONCURRENT_RENDERS = 2;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SnapshotRepository repository;
    private final MapStyleService styles;
    private final IndicatorService indicators;
    private final DistrictService districts;
    private final CjkFont font;
    private final Translations translations;
    private final WeakOrganisationList weakOrganisations;
    private final TownshipPages townshipPages;
    private final Semaphore renders = new Semaphore(CONCURRENT_RENDERS, true);
    private final int maxRawPoints;
    /** District outlines and whether the data is synthetic change only with the data: cached until then. */
    private final ReferenceCache cache;
    private final Clock clock;

    SnapshotService(SnapshotRepository repository, MapStyleService styles, IndicatorService indicators,
                    DistrictService districts, CjkFont font, Translations translations,
                    WeakOrganisationList weakOrganisations, TownshipPages townshipPages, ReferenceCache cache,
                    @Value("${jiuquan.tiles.max-raw-points}") int maxRawPoints, Clock clock) {
        this.clock = clock;
        this.maxRawPoints = maxRawPoints;
        this.repository = repository;
        this.styles = styles;
        this.indicators = indicators;
        this.districts = districts;
        this.font = font;
        this.translations = translations;
        this.weakOrganisations = weakOrganisations;
        this.townshipPages = townshipPages;
        this.cache = cache;
    }

    /** One page of the view, as PNG or PDF. */
    public byte[] render(SnapshotRequest request, @Nullable String exportedBy) {
        return bounded(() -> {
            PageContent page = viewPage(request, exportedBy, null, List.of(), "", null);
            return request.format() == SnapshotRequest.Format.PNG ? png(page, request.dpi()) : pdf(List.of(page));
        });
    }

    /** One page of an analysis: the districts (as the analysis map shows them) with the analysis over them. */
    public byte[] renderAnalysis(SnapshotRequest request, PageContent.Overlay overlay, @Nullable String exportedBy) {
        return bounded(() -> {
            PageContent page = viewPage(request, exportedBy, null, List.of(), "", overlay);
            return request.format() == SnapshotRequest.Format.PNG ? png(page, request.dpi()) : pdf(List.of(page));
        });
    }

    /**
     * The meeting pack of a view's indicator and quarter: a cover with the whole city and the city's key
     * figures, then one page per district, zoomed to it, with every indicator, its rank and change, and the
     * district's weak and rectifying organisations of the quarter, listed and marked on its map.
     */
    public byte[] meetingPack(DashboardState view, PageSize size, @Nullable String exportedBy) {
        return meetingPack(view, size, exportedBy, null, false);
    }

    /** As above, for one district only (or all: null), with a page per township after each district's page. */
    public byte[] meetingPack(DashboardState view, PageSize size, @Nullable String exportedBy,
                              @Nullable String onlyDistrict, boolean withTownships) {
        return bounded(() -> {
            Locale locale = locale(view);
            DashboardState city = view.withBbox(null).withFilters(null, null, null);
            SnapshotRequest cover = new SnapshotRequest(city, null, size, 150, SnapshotRequest.Format.PDF,
                    tr("snapshot.pack-title", locale, defaultTitle(view, locale)), null);
            List<PageContent> pages = new ArrayList<>();
            pages.add(viewPage(cover, exportedBy, null, cityFigures(view, locale), tr("snapshot.city-figures", locale),
                    null));
            for (District district : districts.districts()) {
                if (onlyDistrict != null && !onlyDistrict.equals(district.code())) {
                    continue;
                }
                SnapshotRequest page = new SnapshotRequest(city, district.code(), size, 150, SnapshotRequest.Format.PDF,
                        district.name(locale) + " · " + defaultTitle(view, locale), null);
                double[] extent = MapFrame.extent(district.minLon(), district.minLat(), district.maxLon(),
                        district.maxLat(), 0.06);
                var weak = weakOrganisations.of(district.code(), view.period());
                List<PageContent.TableRow> table = new ArrayList<>(districtTable(view, district, locale));
                table.addAll(weakOrganisations.rows(weak, locale));
                pages.add(viewPage(page, exportedBy, extent, table,
                        tr("snapshot.district-table", locale, district.name(locale)),
                        weakOrganisations.marks(weak, locale)));
                if (withTownships) {
                    for (TownshipPages.TownshipPage township : townshipPages.ofDistrict(district.code(), view.period(), locale)) {
                        pages.add(townshipPage(city, size, 150, SnapshotRequest.Format.PDF, exportedBy, township, locale));
                    }
                }
            }
            return pdf(pages);
        });
    }

    /** One township's page (TownshipPages): its area, organisations, indicators and weak ones; null if unknown. */
    public byte @Nullable [] renderTownship(SnapshotRequest request, String townshipCode, @Nullable String exportedBy) {
        Locale locale = locale(request.view());
        TownshipPages.TownshipPage township = townshipPages.ofTownship(townshipCode, request.view().period(), locale);
        if (township == null) {
            return null;
        }
        return bounded(() -> {
            PageContent page = townshipPage(request.view(), request.size(), request.dpi(), request.format(), exportedBy,
                    township, locale);
            return request.format() == SnapshotRequest.Format.PNG ? png(page, request.dpi()) : pdf(List.of(page));
        });
    }

    private PageContent townshipPage(DashboardState view, PageSize size, int dpi, SnapshotRequest.Format format,
                                     @Nullable String exportedBy, TownshipPages.TownshipPage township, Locale locale) {
        District district = districts.districts().stream().filter(d -> d.code().equals(township.districtCode()))
                .findFirst().orElseThrow();
        SnapshotRequest page = new SnapshotRequest(view, null, size, dpi, format,
                district.name(locale) + " " + township.nameZh() + " · " + defaultTitle(view, locale), null);
        return viewPage(page, exportedBy, township.extent3857(), township.table(), township.tableTitle(),
                township.overlay());
    }

    /** One PDF page per slide (a saved view with its title), in the slides' order. */
    public byte[] slides(List<Slide> slides, PageSize size, @Nullable String exportedBy) {
        return bounded(() -> {
            List<PageContent> pages = new ArrayList<>();
            for (Slide slide : slides) {
                pages.add(viewPage(new SnapshotRequest(slide.view(), null, size, 150, SnapshotRequest.Format.PDF,
                        slide.title(), null), exportedBy, null, List.of(), "", null));
            }
            return pdf(pages);
        });
    }

    /** A saved view to show as a slide. */
    public record Slide(String title, DashboardState view) {
    }

    // ---- pages ----

    private PageContent viewPage(SnapshotRequest request, @Nullable String exportedBy, double @Nullable [] extentOverride,
                                 List<PageContent.TableRow> table, String tableTitle,
                                 PageContent.@Nullable Overlay overlay) {
        DashboardState view = request.view();
        Locale locale = locale(view);
        boolean english = Translations.isEnglish(locale);
        Map<String, Indicator> byCode = indicators.indicatorsByCode();
        Indicator indicator = shownIndicator(byCode, view);
        MapStyle style = styles.style(view.indicator(), view.period(), view.method(), view.classes());
        double[] extent = extentOverride != null ? extentOverride : view.bbox() != null
                ? MapFrame.extent(view.bbox()[0], view.bbox()[1], view.bbox()[2], view.bbox()[3], 0)
                : cityExtent();
        // Simplify outlines to about half a device pixel of the largest page: invisible, and much less to draw.
        double devicePixels = Math.max(request.size().pixelWidth(Math.max(request.dpi(), 150)), 1);
        double tolerance = (extent[2] - extent[0]) / devicePixels / 2;
        double[] around = around(extent, request.size());
        Map<String, List<SnapshotRepository.MapPoint>> points = points(view, around, extent);
        Map<String, String> layerNames = new LinkedHashMap<>();
        points.keySet().forEach(layer -> layerNames.put(layer,
                tr(layer.equals("contact-points") ? "legend.contact-badge" : "layers." + layer, locale)));
        // A second quarter beside the selected one, coloured with the selected quarter's classes so that one
        // legend holds for both halves (as the map's swipe does).
        PageContent.Comparison comparison = null;
        String compare = view.compare();
        if (compare != null && !compare.equals(view.period())) {
            MapStyle compared = QuarterComparison.onClassesOf(style,
                    styles.style(view.indicator(), compare, view.method(), view.classes()));
            comparison = new PageContent.Comparison(periodLabel(compare, locale), periodLabel(view.period(), locale),
                    compared, points(view.withPeriod(compare), around, extent));
        }
        String selection = request.selection();
        String selectedDistrict = selection != null && selection.length() == 6 ? selection : null;
        SnapshotRepository.MapPoint selectedPoint = selection != null && selection.length() == 12
                ? repository.organisation(selection) : null;

        String unit = english ? indicator.unitEn() : indicator.unitZh();
        List<String> classLabels = style.legend().stream().map(c -> classLabel(c, style.decimals(), unit, locale))
                .toList();
        PageContent.Legend legend = new PageContent.Legend(tr("legend.title", locale),
                (english ? indicator.nameEn() : indicator.nameZh()) + (unit.isBlank() ? "" : "（" + unit + "）"),
                classLabels, tr("legend.no-data", locale), layerNames, tr("legend.weak", locale),
                points.values().stream().flatMap(List::stream).anyMatch(SnapshotRepository.MapPoint::aggregated)
                        ? tr("legend.cluster", locale) : null,
                tr("snapshot.north", locale), tr("snapshot.km", locale));

        ZonedDateTime now = ZonedDateTime.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        String who = exportedBy != null ? exportedBy : tr("snapshot.host", locale, hostName());
        List<String> footer = new ArrayList<>();
        footer.add(tr("snapshot.period-line", locale, periodLabel(view.period(), locale), TIME.format(now), who));
        footer.add(tr("snapshot.source", locale));
        if (cache.get("synthetic", repository::anySynthetic)) {
            footer.add(tr("snapshot.synthetic", locale));
        }
        if (request.notes() != null) {
            footer.add(tr("snapshot.notes", locale, request.notes()));
        }
        String title = request.title() != null ? request.title() : defaultTitle(view, locale);
        List<SnapshotRepository.DistrictShape> shapes = cache.get("districtShapes",
                () -> List.copyOf(repository.districts(tolerance)), tolerance);
        return new PageContent(request.size(), title, subtitle(view, style, locale), style, view.layers().contains("districts"),
                shapes, points, extent, selectedDistrict, selectedPoint, english, legend,
                tableTitle, table, footer, tr("snapshot.watermark", locale, who, TIME.format(now)), overlay,
                comparison);
    }

    /** The shown point layers of a view, dense ones as counts on a 64-cell grid (like the aggregated tiles). */
    private Map<String, List<SnapshotRepository.MapPoint>> points(DashboardState view, double[] around, double[] extent) {
        Map<String, List<SnapshotRepository.MapPoint>> points = new LinkedHashMap<>();
        for (String layer : List.of("villages", "grid-branches", "enterprises", "social-organisations",
                "contact-points")) {
            if (view.layers().contains(layer) && kindAllows(view.kind(), layer)) {
                points.put(layer, repository.points(layer, view, around, maxRawPoints, (extent[2] - extent[0]) / 64));
            }
        }
        return points;
    }

    private List<PageContent.TableRow> cityFigures(DashboardState view, Locale locale) {
        Map<String, Indicator> byCode = indicators.indicatorsByCode();
        List<IndicatorValue> values = indicators.cityValues(view.period());
        List<PageContent.TableRow> rows = new ArrayList<>();
        for (String code : IndicatorService.KEY_FIGURES) {
            Indicator indicator = byCode.get(code);
            IndicatorValue value = values.stream().filter(v -> v.indicatorCode().equals(code)).findFirst().orElse(null);
            if (indicator != null && value != null) {
                rows.add(new PageContent.TableRow(name(indicator, locale), number(value.value(), indicator, locale), "",
                        code.equals(view.indicator())));
            }
        }
        return rows;
    }

    private List<PageContent.TableRow> districtTable(DashboardState view, District district, Locale locale) {
        Map<String, Indicator> byCode = indicators.indicatorsByCode();
        List<PageContent.TableRow> rows = new ArrayList<>();
        List<DistrictRanking> rankings = indicators.rankings(view.period(), null, district.code());
        // The map's indicator first, then the others in their usual order.
        rankings = new ArrayList<>(rankings);
        rankings.sort((a, b) -> Boolean.compare(!a.indicatorCode().equals(view.indicator()),
                !b.indicatorCode().equals(view.indicator())));
        // The key figures and the map indicator's own group: a table a meeting can read, not all 47 rows.
        Indicator shown = shownIndicator(byCode, view);
        for (DistrictRanking ranking : rankings) {
            Indicator indicator = byCode.get(ranking.indicatorCode());
            if (indicator == null || !(IndicatorService.KEY_FIGURES.contains(indicator.code())
                    || indicator.category().equals(shown.category()))) {
                continue;
            }
            rows.add(new PageContent.TableRow(name(indicator, locale), number(ranking.value(), indicator, locale),
                    tr("snapshot.rank", locale, ranking.rank()) + "  "
                            + Formats.change(ranking.change(), indicator.decimals(), locale),
                    ranking.indicatorCode().equals(view.indicator())));
        }
        return rows;
    }

    // ---- output ----

    private byte[] png(PageContent page, int dpi) throws IOException {
        BufferedImage image = new BufferedImage(page.size().pixelWidth(dpi), page.size().pixelHeight(dpi),
                BufferedImage.TYPE_INT_RGB);
        Java2DCanvas canvas = new Java2DCanvas(image, dpi / 72.0, font);
        try {
            PageDrawing.draw(canvas, page);
        } finally {
            canvas.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private byte[] pdf(List<PageContent> pages) throws IOException {
        try (PDDocument document = new PDDocument(); CjkFont.Loaded loaded = font.loadInto(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(pages.get(0).title());
            info.setCreator("酒泉市基层党组织覆盖地图 / Jiuquan grassroots coverage map");
            for (PageContent content : pages) {
                PDPage page = new PDPage(new PDRectangle((float) content.size().width(), (float) content.size().height()));
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    PageDrawing.draw(new PdfCanvas(stream, loaded.font(), content.size().height()), content);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @FunctionalInterface
    private interface Render {
        byte[] run() throws IOException;
    }

    private byte[] bounded(Render render) {
        if (!font.available()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.font-missing");
        }
        try {
            if (!renders.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.snapshot-busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.snapshot-busy");
        }
        try {
            return render.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            renders.release();
        }
    }

    // ---- texts and extents ----

    private double[] cityExtent() {
        double[] city = districts.cityBounds();
        return MapFrame.extent(city[0], city[1], city[2], city[3], 0.02);
    }

    /** A box around the extent large enough for any page shape, so the map's margins hold points too. */
    private static double[] around(double[] extent, PageSize size) {
        double w = extent[2] - extent[0];
        double h = extent[3] - extent[1];
        double side = Math.max(w, h) * Math.max(size.width() / size.height(), size.height() / size.width());
        double cx = (extent[0] + extent[2]) / 2;
        double cy = (extent[1] + extent[3]) / 2;
        return new double[] {cx - side, cy - side, cx + side, cy + side};
    }

    private static boolean kindAllows(@Nullable String kind, String layer) {
        return kind == null || layer.equals("contact-points") || layer.equals(switch (kind) {
            case "village" -> "villages";
            case "grid_branch" -> "grid-branches";
            case "enterprise" -> "enterprises";
            default -> "social-organisations";
        });
    }

    private String defaultTitle(DashboardState view, Locale locale) {
        Indicator indicator = shownIndicator(indicators.indicatorsByCode(), view);
        return tr("snapshot.default-title", locale, name(indicator, locale), periodLabel(view.period(), locale));
    }

    /**
     * One legend line: "65.5%" when a class holds a single value (as with few districts), else "from – to".
     * Compared as printed, so two values that round alike read as one.
     */
    String classLabel(MapStyle.LegendClass entry, int decimals, String unit, Locale locale) {
        String from = Formats.number(entry.from(), decimals, locale);
        String to = Formats.number(entry.to(), decimals, locale);
        return from.equals(to)
                ? tr("snapshot.class-label-one", locale, Formats.withUnit(to, unit), entry.districts())
                : tr("snapshot.class-label", locale, Formats.withUnit(from, ""), Formats.withUnit(to, unit),
                        entry.districts());
    }

    /** The method and the number of classes actually drawn (fewer than asked when values repeat). */
    private String subtitle(DashboardState view, MapStyle style, Locale locale) {
        String text = tr("snapshot.subtitle", locale, tr("method." + view.method(), locale), style.legend().size());
        List<String> filters = new ArrayList<>();
        if (view.district() != null) {
            districts.districts().stream().filter(d -> d.code().equals(view.district())).findFirst()
                    .ifPresent(d -> filters.add(d.name(locale)));
        }
        if (view.kind() != null) {
            filters.add(tr("kind." + view.kind(), locale));
        }
        if (view.status() != null) {
            filters.add(tr("status." + view.status(), locale));
        }
        return filters.isEmpty() ? text : text + " · " + tr("snapshot.filters", locale, String.join(", ", filters));
    }

    private String periodLabel(String period, Locale locale) {
        return tr("snapshot.period", locale, period.substring(0, 4), period.substring(5));
    }

    /** The map's indicator: a DashboardState holds only known indicators (DashboardState.parse checks them). */
    private static Indicator shownIndicator(Map<String, Indicator> byCode, DashboardState view) {
        return Objects.requireNonNull(byCode.get(view.indicator()), view.indicator());
    }

    private static String name(Indicator indicator, Locale locale) {
        return Translations.isEnglish(locale) ? indicator.nameEn() : indicator.nameZh();
    }

    private static String number(BigDecimal value, Indicator indicator, Locale locale) {
        return Formats.withUnit(Formats.number(value, indicator.decimals(), locale),
                Translations.isEnglish(locale) ? indicator.unitEn() : indicator.unitZh());
    }

    private static Locale locale(DashboardState view) {
        return view.lang().equals("en") ? Translations.ENGLISH : Translations.CHINESE;
    }

    private String tr(String key, Locale locale, Object... parameters) {
        return translations.getTranslation(key, locale, parameters);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
