package org.jiuquan.grassroots.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.jiuquan.grassroots.i18n.DataValues;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.Role;
import org.jiuquan.grassroots.indicators.DistrictRanking;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The planners' view: an analysis drawn on the map beside a table of the organisations it concerns.
 * Filters and an area drawn on the map narrow the table; selected rows stand out on the map; the table
 * goes out as Excel or CSV.
 */
@Route("analysis")
@RolesAllowed(Role.Names.ANALYST)
public class AnalysisView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AnalysisService analysis;
    private final IndicatorService indicators;
    private final MapStyleService styles;
    private final MessageSource messages;
    private final AuthenticationContext authentication;
    private final AnalysisText text;
    private final AnalysisHints hints;
    private final Map<String, District> districts = new LinkedHashMap<>();

    private final GeoMap map = new GeoMap();
    private final Select<AnalysisKind> kindSelect = new Select<>();
    private final NumberField distance = new NumberField();
    private final IntegerField minCount = new IntegerField();
    private final Select<String> period = new Select<>();
    private final Select<String> district = new Select<>();
    private final Select<String> orgKind = new Select<>();
    private final Select<String> status = new Select<>();
    private final NumberField minIndex = new NumberField();
    private final NumberField maxIndex = new NumberField();
    private final Grid<AnalysisRow> table = new Grid<>();
    private final Span rowCount = new Span();
    private final Span area = new Span();
    private final Paragraph hint = new Paragraph();
    private final Paragraph method = new Paragraph();
    private final Anchor excel = new Anchor();
    private final Anchor csv = new Anchor();
    private final Anchor mapPng = new Anchor();
    private final Anchor mapPdf = new Anchor();
    private final Grid<DistrictRanking> ranking = new Grid<>();
    private final AnalysisLegend legend = new AnalysisLegend();
    private double @Nullable [][] drawnArea;
    private boolean built;
    private final CurrentUser currentUser;

    public AnalysisView(AnalysisService analysis, IndicatorService indicators, MapStyleService styles,
                        MessageSource messages, DistrictService districtService,
                        AuthenticationContext authentication, AnalysisText text, AnalysisHints hints, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.authentication = authentication;
        this.text = text;
        this.hints = hints;
        districtService.districts().forEach(d -> districts.put(d.code(), d));
        this.analysis = analysis;
        this.indicators = indicators;
        this.styles = styles;
        this.messages = messages;
        addClassNames("dashboard", "analysis");
        setId("analysis");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analysis.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        // The language is the page's already (LanguageChoice: ?lang=, else the browser's remembered choice).
        if (!built) {
            build();
            built = true;
        }
        AnalysisKind.fromCode(AnalysisAddress.first(parameters, "analysis", "weak-clusters")).ifPresent(kindSelect::setValue);
        AnalysisAddress.number(parameters, "distance_km").ifPresent(distance::setValue);
        AnalysisAddress.number(parameters, "min_count").ifPresent(v -> minCount.setValue(v.intValue()));
        String quarter = AnalysisAddress.first(parameters, "period");
        if (quarter != null && period.getListDataView().getItems().anyMatch(quarter::equals)) {
            period.setValue(quarter);
        }
        run();
    }

    private void build() {
        List<String> periods = indicators.periods().stream().map(Period::code).toList();
        kindSelect.setId("analysis-kind");
        kindSelect.setLabel(getTranslation("analysis.kind"));
        kindSelect.setItems(AnalysisKind.values());
        kindSelect.setItemLabelGenerator(kind -> getTranslation("analysis." + kind.code()));
        kindSelect.setValue(AnalysisKind.CLUSTERS);
        distance.setId("analysis-distance");
        distance.setLabel(getTranslation("analysis.distance"));
        distance.setValue(5.0);
        minCount.setId("analysis-min-count");
        minCount.setLabel(getTranslation("analysis.min-count"));
        minCount.setValue(3);
        period.setId("analysis-period");
        period.setLabel(getTranslation("indicator.period"));
        period.setItems(periods);
        period.setValue(periods.isEmpty() ? "2017Q4" : periods.get(periods.size() - 1));
        district.setId("analysis-district");
        district.setLabel(getTranslation("filters.district"));
        district.setItems(withAll(new ArrayList<>(districts.keySet())));
        district.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("filters.all") : districtName(code));
        orgKind.setId("analysis-org-kind");
        orgKind.setLabel(getTranslation("filters.kind"));
        orgKind.setItems(withAll(OrganisationKind.BRANCH_CODES));
        orgKind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("filters.all") : getTranslation("kind." + k));
        status.setId("analysis-status");
        status.setLabel(getTranslation("filters.status"));
        status.setItems(withAll(OrganisationStatus.CODES));
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("filters.all") : getTranslation("status." + s));
        district.setValue("");
        orgKind.setValue("");
        status.setValue("");
        minIndex.setLabel(getTranslation("analysis.index-min"));
        maxIndex.setLabel(getTranslation("analysis.index-max"));
        List<com.vaadin.flow.component.HasSize> fields = List.of(kindSelect, distance, minCount, period, district,
                orgKind, status, minIndex, maxIndex);
        fields.forEach(com.vaadin.flow.component.HasSize::setWidthFull);
        district.addValueChangeListener(e -> refreshTable());
        orgKind.addValueChangeListener(e -> refreshTable());
        status.addValueChangeListener(e -> refreshTable());
        minIndex.addValueChangeListener(e -> refreshTable());
        maxIndex.addValueChangeListener(e -> refreshTable());

        Button runButton = new Button(getTranslation("analysis.run"), e -> run());
        runButton.setId("analysis-run");
        runButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button draw = new Button(getTranslation("analysis.draw"), e -> map.setDrawMode(GeoMap.DrawMode.BOX));
        draw.setId("analysis-draw");
        Button drawPolygon = new Button(getTranslation("analysis.draw-polygon"),
                e -> map.setDrawMode(GeoMap.DrawMode.POLYGON));
        drawPolygon.setId("analysis-draw-polygon");
        Button clear = new Button(getTranslation("analysis.clear-area"), e -> {
            drawnArea = null;
            map.setArea(null);
            area.setText("");
            refreshTable();
        });
        clear.setId("analysis-clear-area");
        area.setId("analysis-area");
        method.addClassName("hint");
        excel.setText(getTranslation("analysis.export-excel"));
        excel.setId("analysis-export-excel");
        csv.setText(getTranslation("analysis.export-csv"));
        csv.setId("analysis-export-csv");
        mapPng.setText(getTranslation("analysis.export-map-png"));
        mapPng.setId("analysis-export-map-png");
        mapPdf.setText(getTranslation("analysis.export-map-pdf"));
        mapPdf.setId("analysis-export-map-pdf");
        // Files, not pages: without these the router takes the click and replaces the analysis with an error.
        for (Anchor link : List.of(excel, csv, mapPng, mapPdf)) {
            link.getElement().setAttribute("download", true);
            link.setRouterIgnore(true);
        }
        Div controls = new Div(new H1(getTranslation("analysis.title")), new AccountMenu(currentUser, authentication, "analysis"),
                kindSelect, distance, minCount, period,
                runButton, method, new H3(getTranslation("filters.title")), district, orgKind, status, minIndex, maxIndex,
                new Div(draw, drawPolygon, clear), area, new Div(excel, new Span(" · "), csv), new Div(mapPng, new Span(" · "), mapPdf));
        controls.addClassName("controls");

        map.setId("map");
        map.setSizeFull();
        map.setLayers(Map.of("districts", true, "villages", false, "grid-branches", false, "contact-points", false));
        map.setLabels(Map.of("map", getTranslation("map.label")));
        map.setLanguage(Translations.isEnglish(getLocale()) ? "en" : "zh");
        map.addAreaDrawnListener(e -> {
            drawnArea = e.ring();
            map.setDrawMode(GeoMap.DrawMode.OFF);
            map.setArea(drawnArea);
            double[] b = e.bbox();
            area.setText(getTranslation("analysis.area") + ": " + String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f",
                    b[0], b[1], b[2], b[3]));
            refreshTable();
        });
        // A click on an organisation selects its row; a click on a district narrows the table to it.
        map.addFeatureClickListener(e -> {
            if (e.layer().equals("districts")) {
                district.setValue(e.id());
            } else {
                table.getListDataView().getItems().filter(r -> r.code().equals(e.id())).findFirst()
                        .ifPresent(table::select);
            }
        });
        Div mapArea = new Div(map, legend);
        mapArea.addClassName("map-area");

        table.setId("analysis-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setSelectionMode(Grid.SelectionMode.MULTI);
        table.setHeight("480px");
        // The analysis' own figures right after the name, so they stay in view on a 1920 px screen.
        table.addColumn(AnalysisRow::nameZh).setHeader(getTranslation("analysis.organisation")).setAutoWidth(true)
                .setSortable(true).setPartNameGenerator(DataValues::part);
        table.addColumn(row -> text.result(row, kindSelect.getValue()))
                .setHeader(getTranslation("analysis.detail")).setKey("result").setSortable(true).setAutoWidth(true)
                .setComparator(row -> row.result() == null ? Double.NEGATIVE_INFINITY : row.result());
        table.addColumn(row -> text.detail(row, kindSelect.getValue(), getLocale()))
                .setHeader(getTranslation("analysis.detail")).setAutoWidth(true);
        table.addColumn(row -> districtName(row.districtCode())).setHeader(getTranslation("card.district"))
                .setAutoWidth(true).setSortable(true);
        table.addColumn(row -> AnalysisText.plain(row.fortressIndex())).setHeader(getTranslation("card.fortress"))
                .setSortable(true).setComparator(AnalysisRow::fortressIndex).setAutoWidth(true);
        table.addColumn(row -> row.status() == null ? "" : getTranslation("status." + row.status()))
                .setHeader(getTranslation("card.status")).setAutoWidth(true);
        // A click on a row selects it and brings it into view (the checkboxes still pick several).
        table.addItemClickListener(e -> {
            table.select(e.getItem());
            zoomTo(List.of(e.getItem()));
        });
        table.addSelectionListener(e -> map.setHighlight(e.getAllSelectedItems().stream().map(AnalysisRow::code).toList()));
        Button zoom = new Button(getTranslation("analysis.zoom-selection"), e -> zoomToSelection());
        zoom.setId("analysis-zoom");
        rowCount.setId("analysis-count");
        ranking.setId("analysis-ranking");
        ranking.setAllRowsVisible(true);
        ranking.addThemeVariants(GridVariant.LUMO_COMPACT);
        ranking.addColumn(r -> districtName(r.districtCode())).setHeader(getTranslation("table.district"));
        ranking.addColumn(r -> r.value().stripTrailingZeros().toPlainString()).setHeader(getTranslation("table.value"));
        ranking.addColumn(DistrictRanking::rank).setHeader(getTranslation("table.rank"));
        ranking.addColumn(r -> r.change() == null ? "–" : r.change().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("table.change"));
        hint.setId("analysis-hint");
        hint.addClassName("hint");
        Div side = new Div(rowCount, hint, zoom, table, new H3(getTranslation("analysis.ranking")), ranking);
        side.addClassName("side-panel");
        add(controls, mapArea, side);
    }

    /** Runs the chosen analysis: the map fetches its result, the table and ranking are rebuilt. */
    private void run() {
        AnalysisKind kind = kindSelect.getValue();
        table.getDataProvider().refreshAll();
        method.setText(getTranslation("analysis.method." + kind.code()));
        legend.show(kind, period.getValue(), districtStyle());
        minCount.setVisible(kind == AnalysisKind.CLUSTERS);
        table.getColumnByKey("result").setHeader(getTranslation("analysis.result." + kind.code()));
        try {
            refreshTable();
            map.setOverlayUrl("/api/analysis/" + kind.code() + "?" + apiParameters(kind));
            map.setStyle(districtStyle());
            ranking.setItems(indicators.rankings(period.getValue(), AnalysisService.DISTRICT_INDICATOR, null));
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "analysis?" + apiParameters(kind)
                    + "&analysis=" + kind.code()));
        } catch (ApiProblem problem) {
            Notification.show(messages.getMessage(problem.messageKey(), problem.arguments(), getLocale()), 6000,
                    Notification.Position.TOP_CENTER);
        }
    }

    /** The districts are coloured by the weak organisations still open at the quarter's end. */
    private MapStyle districtStyle() {
        return styles.style(AnalysisService.DISTRICT_INDICATOR, period.getValue(), AnalysisService.DISTRICT_METHOD,
                AnalysisService.DISTRICT_CLASSES);
    }

    private void refreshTable() {
        AnalysisKind kind = kindSelect.getValue();
        try {
            String ring = drawnArea == null ? null : AnalysisFilter.ringText(drawnArea);
            AnalysisFilter filter = AnalysisFilter.of(blankToNull(district.getValue()), blankToNull(orgKind.getValue()),
                    blankToNull(status.getValue()), minIndex.getValue(), maxIndex.getValue(), null, ring);
            List<AnalysisRow> rows = analysis.rows(kind, period.getValue(), value(distance.getValue()),
                    minCount.getValue() == null ? 0 : minCount.getValue(), filter);
            table.setItems(rows);
            rowCount.setText(getTranslation("analysis.rows", rows.size()));
            String advice = hints.hint(kind, period.getValue(), value(distance.getValue()),
                    minCount.getValue() == null ? 0 : minCount.getValue(), filter, rows, getLocale());
            hint.setText(advice);
            hint.setVisible(!advice.isEmpty());
            String exportQuery = apiParameters(kind) + "&analysis=" + kind.code() + AnalysisAddress.filterQuery(filter, ring)
                    + "&lang=" + (Translations.isEnglish(getLocale()) ? "en" : "zh");
            excel.setHref("/api/analysis/export?format=xlsx&" + exportQuery);
            csv.setHref("/api/analysis/export?format=csv&" + exportQuery);
            // The map goes out as the screen and the table have it: the districts' quarter, the table's filters
            // and the drawn area (the file draws and lists only the organisations they keep).
            String mapQuery = apiParameters(kind) + "&analysis=" + kind.code() + "&lang="
                    + (Translations.isEnglish(getLocale()) ? "en" : "zh")
                    + (kind == AnalysisKind.CLUSTERS ? "" : "&period=" + period.getValue())
                    + AnalysisAddress.filterQuery(filter, ring);
            mapPng.setHref("/api/analysis/snapshot?format=png&size=screen&dpi=150&" + mapQuery);
            mapPdf.setHref("/api/analysis/snapshot?format=pdf&size=a4-landscape&" + mapQuery);
        } catch (ApiProblem problem) {
            Notification.show(messages.getMessage(problem.messageKey(), problem.arguments(), getLocale()), 6000,
                    Notification.Position.TOP_CENTER);
        }
    }

    private void zoomToSelection() {
        zoomTo(table.getSelectedItems());
    }

    private void zoomTo(java.util.Collection<AnalysisRow> selected) {
        if (selected.isEmpty()) {
            return;
        }
        double[] box = {180, 90, -180, -90};
        for (AnalysisRow row : selected) {
            box[0] = Math.min(box[0], row.lon() - 0.02);
            box[1] = Math.min(box[1], row.lat() - 0.02);
            box[2] = Math.max(box[2], row.lon() + 0.02);
            box[3] = Math.max(box[3], row.lat() + 0.02);
        }
        map.fitExtent(box);
    }

    private String apiParameters(AnalysisKind kind) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("distance_km", String.valueOf(value(distance.getValue())));
        if (kind == AnalysisKind.CLUSTERS) {
            parameters.put("period", period.getValue());
            parameters.put("min_count", String.valueOf(minCount.getValue() == null ? 0 : minCount.getValue()));
        }
        return QueryParameters.simple(parameters).getQueryString();
    }

    private String districtName(String code) {
        District d = districts.get(code);
        return d == null ? code : d.name(getLocale());
    }

    private static double value(@Nullable Double number) {
        return number == null ? 0 : number;
    }

    private static List<String> withAll(List<String> values) {
        List<String> all = new ArrayList<>(List.of(""));
        all.addAll(values);
        return all;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
