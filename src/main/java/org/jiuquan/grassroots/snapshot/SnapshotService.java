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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private final ViewPages pages;
    private final IndicatorService indicators;
    private final DistrictService districts;
    private final CjkFont font;
    private final WeakOrganisationList weakOrganisations;
    private final TownshipPages townshipPages;
    private final Semaphore renders = new Semaphore(CONCURRENT_RENDERS, true);

    SnapshotService(ViewPages pages, IndicatorService indicators, DistrictService districts, CjkFont font,
                    WeakOrganisationList weakOrganisations, TownshipPages townshipPages) {
        this.pages = pages;
        this.indicators = indicators;
        this.districts = districts;
        this.font = font;
        this.weakOrganisations = weakOrganisations;
        this.townshipPages = townshipPages;
    }

    /** One page of the view, as PNG or PDF. */
    public byte[] render(SnapshotRequest request, @Nullable String exportedBy) {
        return bounded(() -> {
            PageContent page = pages.viewPage(request, exportedBy, null, List.of(), "", null);
            return request.format() == SnapshotRequest.Format.PNG ? png(page, request.dpi()) : pdf(List.of(page));
        });
    }

    /** One page of an analysis: the districts (as the analysis map shows them) with the analysis over them. */
    public byte[] renderAnalysis(SnapshotRequest request, AnalysisPage analysis, @Nullable String exportedBy) {
        return bounded(() -> {
            PageContent page = pages.viewPage(request, exportedBy, analysis.extent3857(), analysis.table(),
                    analysis.tableTitle(), analysis.overlay(), analysis.filters());
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
        return bounded(() -> pdf(meetingPackPages(view, size, exportedBy, onlyDistrict, withTownships)));
    }

    /** The meeting pack's pages, in order, before they are drawn (the layout tests draw them themselves). */
    List<PageContent> meetingPackPages(DashboardState view, PageSize size, @Nullable String exportedBy,
                                       @Nullable String onlyDistrict, boolean withTownships) throws IOException {
        Locale locale = ViewPages.locale(view);
        DashboardState city = view.withBbox(null).withFilters(null, null, null);
        SnapshotRequest cover = new SnapshotRequest(city, null, size, 150, SnapshotRequest.Format.PDF,
                pages.tr("snapshot.pack-title", locale, pages.defaultTitle(view, locale)), null);
        List<Callable<PageContent>> builds = new ArrayList<>();
        builds.add(() -> pages.viewPage(cover, exportedBy, null, cityFigures(view, locale),
                pages.tr("snapshot.city-figures", locale), null));
        for (District district : districts.districts()) {
            if (onlyDistrict != null && !onlyDistrict.equals(district.code())) {
                continue;
            }
            builds.add(() -> districtPage(view, city, district, size, exportedBy, locale));
            if (withTownships) {
                for (TownshipPages.TownshipPage township : townshipPages.ofDistrict(district.code(), view.period(), locale)) {
                    builds.add(() -> townshipPage(city, size, 150, SnapshotRequest.Format.PDF, exportedBy, township,
                            locale));
                }
            }
        }
        return inParallel(builds);
    }

    /** One township's page (TownshipPages): its area, organisations, indicators and weak ones; null if unknown. */
    public byte @Nullable [] renderTownship(SnapshotRequest request, String townshipCode, @Nullable String exportedBy) {
        Locale locale = ViewPages.locale(request.view());
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
                district.name(locale) + " " + township.nameZh() + " · " + pages.defaultTitle(view, locale), null);
        return pages.viewPage(page, exportedBy, township.extent3857(), township.table(), township.tableTitle(),
                township.overlay());
    }

    /**
     * A district's page: zoomed to it, with its own organisations only (the neighbours' points would be
     * read and drawn for nothing, and a district's page is about that district), its figures, and its weak
     * and rectifying organisations listed and marked.
     */
    private PageContent districtPage(DashboardState view, DashboardState city, District district, PageSize size,
                                     @Nullable String exportedBy, Locale locale) {
        SnapshotRequest page = new SnapshotRequest(city.withFilters(district.code(), null, null), district.code(), size,
                150, SnapshotRequest.Format.PDF, district.name(locale) + " · " + pages.defaultTitle(view, locale), null);
        double[] extent = MapFrame.extent(district.minLon(), district.minLat(), district.maxLon(), district.maxLat(), 0.06);
        var weak = weakOrganisations.of(district.code(), view.period());
        List<PageContent.TableRow> table = new ArrayList<>(districtTable(view, district, locale));
        table.addAll(weakOrganisations.rows(weak, locale));
        return pages.viewPage(page, exportedBy, extent, table, pages.tr("snapshot.district-table", locale,
                district.name(locale)), weakOrganisations.marks(weak, locale));
    }

    /**
     * Reads the pages' data two at a time (a pack's time is mostly its queries, one core each in PostGIS),
     * in the given order; drawing then runs on one thread, into one document.
     */
    private static List<PageContent> inParallel(List<Callable<PageContent>> builds) throws IOException {
        try (ExecutorService workers = Executors.newFixedThreadPool(CONCURRENT_RENDERS)) {
            List<PageContent> contents = new ArrayList<>();
            for (Future<PageContent> page : workers.invokeAll(builds)) {
                contents.add(page.get());
            }
            return contents;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.snapshot-busy");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One PDF page per slide (a saved view with its title), in the slides' order. */
    public byte[] slides(List<Slide> slides, PageSize size, @Nullable String exportedBy) {
        return bounded(() -> {
            List<PageContent> contents = new ArrayList<>();
            for (Slide slide : slides) {
                contents.add(pages.viewPage(new SnapshotRequest(slide.view(), null, size, 150, SnapshotRequest.Format.PDF,
                        slide.title(), null), exportedBy, null, List.of(), "", null));
            }
            return pdf(contents);
        });
    }

    /**
     * What an analysis page adds to the districts: the analysis drawn (as the table's filters keep it), the
     * extent (null: the city), the organisations kept as the side table, and the filters the view cannot name.
     */
    record AnalysisPage(PageContent.Overlay overlay, double @Nullable [] extent3857, List<PageContent.TableRow> table,
                        String tableTitle, List<String> filters) {
    }

    /** A saved view to show as a slide. */
    public record Slide(String title, DashboardState view) {
    }

    private List<PageContent.TableRow> cityFigures(DashboardState view, Locale locale) {
        Map<String, Indicator> byCode = indicators.indicatorsByCode();
        List<IndicatorValue> values = indicators.cityValues(view.period());
        List<PageContent.TableRow> rows = new ArrayList<>();
        for (String code : IndicatorService.KEY_FIGURES) {
            Indicator indicator = byCode.get(code);
            IndicatorValue value = values.stream().filter(v -> v.indicatorCode().equals(code)).findFirst().orElse(null);
            if (indicator != null && value != null) {
                rows.add(new PageContent.TableRow(ViewPages.name(indicator, locale), ViewPages.number(value.value(), indicator, locale), "",
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
        Indicator shown = ViewPages.shownIndicator(byCode, view);
        for (DistrictRanking ranking : rankings) {
            Indicator indicator = byCode.get(ranking.indicatorCode());
            if (indicator == null || !(IndicatorService.KEY_FIGURES.contains(indicator.code())
                    || indicator.category().equals(shown.category()))) {
                continue;
            }
            rows.add(new PageContent.TableRow(ViewPages.name(indicator, locale), ViewPages.number(ranking.value(), indicator, locale),
                    pages.tr("snapshot.rank", locale, ranking.rank()) + "  "
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

    /** A legend line (see ViewPages.classLabel). */
    String classLabel(MapStyle.LegendClass entry, int decimals, String unit, Locale locale) {
        return pages.classLabel(entry, decimals, unit, locale);
    }
}
