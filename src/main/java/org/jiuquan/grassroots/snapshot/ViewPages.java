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
import org.springframework.stereotype.Component;

/**
 * Builds what one page of a view shows (PageContent), in the reader's language: the view's extent, its point
 * layers (dense ones as counts), legend, subtitle, footer and watermark. Snapshots, meeting packs and slides
 * all make their pages here, and so can any other kind of pack: give it the view, an extent of its own, a
 * side table and an overlay.
 */
@Component
class ViewPages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SnapshotRepository repository;
    private final MapStyleService styles;
    private final IndicatorService indicators;
    private final DistrictService districts;
    private final Translations translations;
    private final int maxRawPoints;
    /** District outlines and whether the data is synthetic change only with the data: cached until then. */
    private final ReferenceCache cache;
    private final Clock clock;

    ViewPages(SnapshotRepository repository, MapStyleService styles, IndicatorService indicators,
              DistrictService districts, Translations translations, ReferenceCache cache,
              @Value("${jiuquan.tiles.max-raw-points}") int maxRawPoints, Clock clock) {
        this.repository = repository;
        this.styles = styles;
        this.indicators = indicators;
        this.districts = districts;
        this.translations = translations;
        this.cache = cache;
        this.maxRawPoints = maxRawPoints;
        this.clock = clock;
    }

    PageContent viewPage(SnapshotRequest request, @Nullable String exportedBy, double @Nullable [] extentOverride,
                                 List<PageContent.TableRow> table, String tableTitle,
                                 PageContent.@Nullable Overlay overlay) {
        return viewPage(request, exportedBy, extentOverride, table, tableTitle, overlay, List.of());
    }

    /** As above; {@code moreFilters} name conditions the view does not hold (an index range, a drawn area). */
    PageContent viewPage(SnapshotRequest request, @Nullable String exportedBy, double @Nullable [] extentOverride,
                         List<PageContent.TableRow> table, String tableTitle, PageContent.@Nullable Overlay overlay,
                         List<String> moreFilters) {
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
        Map<String, List<SnapshotRepository.MapPoint>> points = points(view, around, extent, request.size());
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
                    compared, points(view.withPeriod(compare), around, extent, request.size()));
        }
        String selection = request.selection();
        String selectedDistrict = selection != null && selection.length() == 6 ? selection : null;
        SnapshotRepository.MapPoint selectedPoint = selection != null && selection.length() == 12
                ? repository.organisation(selection) : null;

        String unit = english ? indicator.unitEn() : indicator.unitZh();
        List<String> classLabels = style.legend().stream().map(c -> classLabel(c, style.decimals(), unit, locale))
                .toList();
        PageContent.Legend legend = new PageContent.Legend(tr("legend.title", locale),
                (english ? indicator.nameEn() : indicator.nameZh())
                        + (unit.isBlank() ? "" : english ? " (" + unit + ")" : "（" + unit + "）"),
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
        return new PageContent(request.size(), title, subtitle(view, style, locale, moreFilters), style, view.layers().contains("districts"),
                shapes, points, extent, selectedDistrict, selectedPoint, english, legend,
                tableTitle, table, footer, tr("snapshot.watermark", locale, who, TIME.format(now)), overlay,
                comparison);
    }

    /** The shown point layers of a view, dense ones as counts per cell (CountGrid, like the aggregated tiles). */
    private Map<String, List<SnapshotRepository.MapPoint>> points(DashboardState view, double[] around, double[] extent,
                                                                  PageSize size) {
        Map<String, List<SnapshotRepository.MapPoint>> points = new LinkedHashMap<>();
        for (String layer : List.of("villages", "grid-branches", "enterprises", "social-organisations",
                "contact-points")) {
            if (view.layers().contains(layer) && kindAllows(view.kind(), layer)) {
                points.put(layer, repository.points(layer, view, around, maxRawPoints,
                        CountGrid.cellMetres(extent, size)));
            }
        }
        return points;
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

    String defaultTitle(DashboardState view, Locale locale) {
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
    private String subtitle(DashboardState view, MapStyle style, Locale locale, List<String> moreFilters) {
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
        filters.addAll(moreFilters);
        return filters.isEmpty() ? text : text + " · " + tr("snapshot.filters", locale, String.join(", ", filters));
    }

    String periodLabel(String period, Locale locale) {
        return tr("snapshot.period", locale, period.substring(0, 4), period.substring(5));
    }

    /** The map's indicator: a DashboardState holds only known indicators (DashboardState.parse checks them). */
    static Indicator shownIndicator(Map<String, Indicator> byCode, DashboardState view) {
        return Objects.requireNonNull(byCode.get(view.indicator()), view.indicator());
    }

    static String name(Indicator indicator, Locale locale) {
        return Translations.isEnglish(locale) ? indicator.nameEn() : indicator.nameZh();
    }

    static String number(BigDecimal value, Indicator indicator, Locale locale) {
        return Formats.withUnit(Formats.number(value, indicator.decimals(), locale),
                Translations.isEnglish(locale) ? indicator.unitEn() : indicator.unitZh());
    }

    static Locale locale(DashboardState view) {
        return view.lang().equals("en") ? Translations.ENGLISH : Translations.CHINESE;
    }

    String tr(String key, Locale locale, Object... parameters) {
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
