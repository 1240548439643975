package org.jiuquan.grassroots.dashboard;

import org.jiuquan.grassroots.i18n.Formats;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.i18n.LanguageChoice;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.security.AccountMenu;
import org.jiuquan.grassroots.security.Role;
import org.jiuquan.grassroots.indicators.DistrictRanking;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.IndicatorValue;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.map.IndicatorChart;
import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.map.QuarterComparison;
import org.jiuquan.grassroots.organisations.DataChangeException;
import org.jiuquan.grassroots.organisations.OrganisationDetails;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.security.CurrentUser;
import org.jiuquan.grassroots.snapshot.Bookmark;
import org.jiuquan.grassroots.snapshot.BookmarkService;
import org.jiuquan.grassroots.snapshot.SnapshotPanel;
import org.jiuquan.grassroots.snapshot.SnapshotExportService;
import org.jiuquan.grassroots.organisations.SearchHit;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jspecify.annotations.Nullable;
import org.jiuquan.grassroots.basemap.BaseLayerService;

/**
 * The dashboard: a large map, the controls on the left (layers, filters, indicator), the city figures,
 * district table and chart on the right, a legend and detail cards over the map. Its state lives in the
 * URL ({@link DashboardState}), so any view can be bookmarked, shared or presented.
 */
@Route("")
@RolesAllowed(Role.Names.VIEWER)
public class DashboardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final IndicatorService indicators;
    private final MapStyleService styles;
    private final OrganisationService organisations;
    private final DistrictService districtService;
    private final BaseLayerService baseLayers;
    private final AuthenticationContext authentication;
    private final SnapshotExportService snapshots;
    private final BookmarkService bookmarks;
    private final CurrentUser currentUser;
    private @Nullable SnapshotPanel snapshotPanel;
    /** The district or organisation whose card is open: a snapshot outlines it. */
    private @Nullable String selectedCode;
    /** The slide being shown (index into the saved views), or -1. */
    private int slide = -1;
    private final Div slideCaption = new Div();
    private @Nullable QuarterBar quarterBar;

    private DashboardState state = DashboardState.defaults("2017Q4");
    private boolean built;
    private List<District> districts = List.of();
    private Map<String, Indicator> indicatorsByCode = Map.of();
    private List<Period> periods = List.of();

    private final GeoMap map = new GeoMap();
    private final Legend legend = new Legend();
    private final DetailCard card = new DetailCard();
    private final CityFigures figures = new CityFigures();
    private final H3 figuresTitle = new H3();
    private final Grid<DistrictRow> table = new Grid<>(DistrictRow.class, false);
    private final IndicatorChart chart = new IndicatorChart();
    private final Map<String, Checkbox> layerSwitches = new LinkedHashMap<>();
    private final Select<String> districtFilter = new Select<>();
    private @Nullable Breadcrumb breadcrumb;
    private final Select<String> kindFilter = new Select<>();
    private final Select<String> statusFilter = new Select<>();
    private final Select<String> indicatorSelect = new Select<>();
    private final Select<String> periodSelect = new Select<>();
    private final Select<String> methodSelect = new Select<>();
    private final Select<Integer> classesSelect = new Select<>();
    private final Button presentButton = new Button();
    private final Button exitPresentation = new Button();
    /** Set while the view itself moves a control, so its listener does not treat it as a person's choice. */
    private boolean updating;
    private final Clock clock;

    public DashboardView(IndicatorService indicators, MapStyleService styles, OrganisationService organisations,
                         DistrictService districtService, AuthenticationContext authentication,
                         SnapshotExportService snapshots, BookmarkService bookmarks, CurrentUser currentUser,
                         BaseLayerService baseLayers, Clock clock) {
        this.clock = clock;
        this.authentication = authentication;
        this.snapshots = snapshots;
        this.bookmarks = bookmarks;
        this.currentUser = currentUser;
        this.indicators = indicators;
        this.styles = styles;
        this.organisations = organisations;
        this.districtService = districtService;
        this.baseLayers = baseLayers;
        addClassName("dashboard");
        setId("dashboard");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        periods = indicators.periods();
        indicatorsByCode = indicators.indicatorsByCode();
        DashboardState.Parsed parsed = DashboardState.parse(event.getLocation().getQueryParameters().getParameters(),
                indicatorsByCode.keySet(), periods.stream().map(Period::code).toList());
        state = parsed.state();
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("lang")) {
            // No ?lang=: the browser's remembered choice (LanguageChoice), which the page already has.
            state = state.withLang(LanguageChoice.code(event.getUI().getLocale()));
        }
        Locale locale = state.lang().equals("en") ? Translations.ENGLISH : Translations.CHINESE;
        event.getUI().setLocale(locale);
        if (!built) {
            districts = districtService.districts();
            build();
            built = true;
        }
        slide = slideIndex(event.getLocation().getQueryParameters().getParameters());
        applyAll();
        if (state.bbox() != null) {
            map.setExtent(state.bbox());
        }
        for (Map.Entry<String, String> bad : parsed.invalid()) {
            Notification.show(getTranslation("url.bad-parameter", bad.getKey(), bad.getValue()), 6000,
                    Notification.Position.TOP_CENTER);
        }
    }

    // ---- layout ----

    private void build() {
        snapshotPanel = new SnapshotPanel(snapshots, bookmarks, () -> state, () -> selectedCode, this::openSlide);
        Div controls = new Div(header(), searchBox(), layerPanel(), filterPanel(), indicatorPanel(), snapshotPanel);
        controls.addClassName("controls");

        slideCaption.setId("slide-caption");
        slideCaption.addClassName("slide-caption");
        quarterBar = new QuarterBar(periods.stream().map(Period::code).toList(), this::showPeriod, () -> state.period(),
                this::showCompare);
        Div mapArea = new Div(map, legend, card, exitPresentation, slideCaption, quarterBar);
        mapArea.addClassName("map-area");
        map.setId("map");
        map.setSizeFull();
        // The city is fitted beside the legend, and a selected feature kept out from under its card.
        map.setAvoid("[data-role=legend], #detail-card");
        // The base layer an admin chose (admin/basemap), as tile URL templates: Tianditu has two, map and names.
        map.setBasemapUrl(String.join(" ", baseLayers.current().tileUrls()));
        map.addFeatureClickListener(event -> openCard(event.layer(), event.id()));
        map.addViewMovedListener(event -> {
            state = state.withBbox(event.bbox());
            updateUrl();
        });
        exitPresentation.setText(getTranslation("present.exit"));
        exitPresentation.setId("exit-presentation");
        exitPresentation.addClassName("exit-presentation");
        exitPresentation.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        exitPresentation.addClickListener(event -> setPresentation(false));

        figuresTitle.setId("figures-title");
        // Choosing a district anywhere (a bar here, the filter, a table row) selects it everywhere.
        chart.addBarClickListener(event -> {
            if (event.index() >= 0 && event.index() < districts.size()) {
                chooseDistrict(districts.get(event.index()).code());
            }
        });
        Div side = new Div(figuresTitle, figures, new H3(getTranslation("table.title")),
                districtTable(), new H3(getTranslation("chart.title")), chart);
        side.addClassName("side-panel");
        chart.setId("indicator-chart");

        add(drawerBar(controls, side), controls, mapArea, side);
        // Heard on the whole page: the map, a card or nothing at all may have the focus.
        UI ui = UI.getCurrent();
        Shortcuts.addShortcutListener(this, () -> setPresentation(!state.presentation()), Key.KEY_P, KeyModifier.ALT)
                .listenOn(ui);
        Shortcuts.addShortcutListener(this, () -> setPresentation(false), Key.ESCAPE).listenOn(ui)
                .allowBrowserDefault().allowEventPropagation();
        // In full screen the browser takes Esc for itself and leaves full screen: leave presentation with it.
        getElement().executeJs("const view = this; document.addEventListener('fullscreenchange', () => {"
                + " if (!document.fullscreenElement) view.dispatchEvent(new CustomEvent('fullscreen-left')); })");
        getElement().addEventListener("fullscreen-left", event -> setPresentation(false));
        // In presentation mode the arrow keys (and a presenter's page keys) step through the saved views, as a
        // slide show. Heard page-wide, since focus is nowhere in particular during a show; the keys keep their
        // usual meaning everywhere else (typing in a field, scrolling).
        for (Key key : List.of(Key.ARROW_RIGHT, Key.PAGE_DOWN, Key.ARROW_LEFT, Key.PAGE_UP)) {
            int step = key == Key.ARROW_RIGHT || key == Key.PAGE_DOWN ? 1 : -1;
            Shortcuts.addShortcutListener(this, () -> stepSlide(step), key).listenOn(ui).allowBrowserDefault();
        }
    }

    /**
     * On screens too narrow for three columns the side panels become drawers over the map (CSS decides which:
     * dashboard.css); these buttons open and close them.
     */
    private Div drawerBar(Div controls, Div side) {
        controls.setId("controls");
        side.setId("side-panel");
        Button openControls = new Button(getTranslation("drawer.controls"), event -> toggleDrawer("controls-open", "side-open"));
        openControls.setId("toggle-controls");
        Button openSide = new Button(getTranslation("drawer.side"), event -> toggleDrawer("side-open", "controls-open"));
        openSide.setId("toggle-side");
        for (Button button : List.of(openControls, openSide)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        }
        Div bar = new Div(openControls, openSide);
        bar.addClassName("drawer-bar");
        return bar;
    }

    private void toggleDrawer(String open, String other) {
        removeClassName(other);
        setClassName(open, !hasClassName(open));
    }

    private Div header() {
        H1 title = new H1(getTranslation("app.title"));
        Paragraph synthetic = new Paragraph(getTranslation("app.synthetic"));
        synthetic.addClassName("synthetic-notice");
        Button language = new Button(getTranslation("app.language"), event -> switchLanguage());
        language.setId("language-switch");
        language.setTooltipText(getTranslation("app.language.tooltip"));
        language.addThemeVariants(ButtonVariant.LUMO_SMALL);
        presentButton.setText(getTranslation("present.enter"));
        presentButton.setId("presentation-toggle");
        presentButton.setTooltipText(getTranslation("present.shortcut"));
        presentButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        presentButton.addClickListener(event -> setPresentation(true));
        Div buttons = new Div(language, presentButton, new AccountMenu(currentUser, authentication, ""));
        buttons.addClassName("header-buttons");
        return new Div(title, synthetic, buttons);
    }

    private ComboBox<SearchHit> searchBox() {
        ComboBox<SearchHit> search = new ComboBox<>();
        search.setId("search");
        search.setPlaceholder(getTranslation("search.placeholder"));
        search.setWidthFull();
        search.setItems(query -> organisations.search(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        search.setItemLabelGenerator(hit -> hit.layer().equals("districts")
                ? (isEnglish() ? hit.nameEn() : hit.nameZh())
                : hit.nameZh() + " · " + districtName(hit.districtCode()));
        search.addValueChangeListener(event -> {
            SearchHit hit = event.getValue();
            if (hit == null || !event.isFromClient()) {
                return;
            }
            if (hit.layer().equals("districts")) {
                map.fitDistrict(hit.id());
            } else {
                map.flyTo(hit.lon(), hit.lat(), 13);
            }
            openCard(hit.layer(), hit.id());
        });
        return search;
    }

    private Div layerPanel() {
        Map<String, Long> counts = new LinkedHashMap<>(organisations.layerCounts());
        counts.put("districts", (long) districts.size());
        map.setLayerCounts(counts);
        Div panel = new Div(new H3(getTranslation("layers.title")));
        for (String layer : DashboardState.ALL_LAYERS) {
            Checkbox box = new Checkbox(getTranslation("layers." + layer) + " (" + Formats.number(counts.getOrDefault(layer, 0L), 0, getLocale()) + ")");
            box.setId("layer-" + layer);
            box.addValueChangeListener(event -> {
                if (!updating) {
                    state = state.withLayer(layer, event.getValue());
                    applyLayers();
                    updateUrl();
                }
            });
            layerSwitches.put(layer, box);
            panel.add(box);
        }
        Paragraph note = new Paragraph(getTranslation("layers.weak-note"));
        note.addClassName("hint");
        panel.add(note);
        panel.addClassName("panel-section");
        return panel;
    }

    private Div filterPanel() {
        districtFilter.setId("filter-district");
        districtFilter.setLabel(getTranslation("filters.district"));
        List<String> districtCodes = new ArrayList<>(List.of(""));
        districtCodes.addAll(districts.stream().map(District::code).toList());
        districtFilter.setItems(districtCodes);
        districtFilter.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("filters.all") : districtName(code));
        kindFilter.setId("filter-kind");
        kindFilter.setLabel(getTranslation("filters.kind"));
        kindFilter.setItems(withAll(DashboardState.KINDS));
        kindFilter.setItemLabelGenerator(kind -> kind.isEmpty() ? getTranslation("filters.all") : getTranslation("kind." + kind));
        statusFilter.setId("filter-status");
        statusFilter.setLabel(getTranslation("filters.status"));
        statusFilter.setItems(withAll(DashboardState.STATUSES));
        statusFilter.setItemLabelGenerator(status -> status.isEmpty() ? getTranslation("filters.all") : getTranslation("status." + status));
        for (Select<String> filter : List.of(districtFilter, kindFilter, statusFilter)) {
            filter.setWidthFull();
            filter.addValueChangeListener(event -> {
                if (!updating) {
                    state = state.withFilters(blankToNull(districtFilter.getValue()), blankToNull(kindFilter.getValue()),
                            blankToNull(statusFilter.getValue()));
                    applyFilters();
                    if (event.getSource() == districtFilter && state.district() != null) {
                        map.fitDistrict(state.district());
                    }
                    updateUrl();
                    // Drilling into a district zooms to it; its townships are drawn over it.
                    if (filter == districtFilter && state.district() != null) {
                        map.fitDistrict(state.district());
                    }
                }
            });
        }
        breadcrumb = new Breadcrumb(getTranslation("breadcrumb.city"), () -> districtFilter.setValue(""));
        Div panel = new Div(new H3(getTranslation("filters.title")), breadcrumb, districtFilter, kindFilter, statusFilter);
        panel.addClassName("panel-section");
        return panel;
    }

    private Div indicatorPanel() {
        indicatorSelect.setId("indicator");
        indicatorSelect.setLabel(getTranslation("indicator.select"));
        indicatorSelect.setItemLabelGenerator(code -> indicatorName(indicatorsByCode.get(code)));
        IndicatorChoices choices = new IndicatorChoices(indicatorSelect, indicatorsByCode,
                category -> getTranslation("indicator.category." + category), change -> {
                    boolean before = updating;
                    updating = true;
                    try {
                        change.run();
                    } finally {
                        updating = before;
                    }
                });
        choices.search().setPlaceholder(getTranslation("indicator.search"));
        choices.search().setAriaLabel(getTranslation("indicator.search"));
        choices.show("");
        periodSelect.setId("period");
        periodSelect.setLabel(getTranslation("indicator.period"));
        periodSelect.setItems(periods.stream().map(Period::code).toList());
        periodSelect.setItemLabelGenerator(code -> periods.stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> p.code() + " " + (isEnglish() ? p.themeEn() : p.themeZh())).orElse(code));
        methodSelect.setId("method");
        methodSelect.setLabel(getTranslation("indicator.method"));
        methodSelect.setItems(DashboardState.METHODS);
        methodSelect.setItemLabelGenerator(method -> getTranslation("method." + method));
        classesSelect.setId("classes");
        classesSelect.setLabel(getTranslation("indicator.classes"));
        classesSelect.setItems(3, 4, 5, 6, 7);
        for (Select<?> select : List.of(indicatorSelect, periodSelect, methodSelect, classesSelect)) {
            select.setWidthFull();
        }
        indicatorSelect.addValueChangeListener(event -> onIndicatorControls());
        periodSelect.addValueChangeListener(event -> onIndicatorControls());
        methodSelect.addValueChangeListener(event -> onIndicatorControls());
        classesSelect.addValueChangeListener(event -> onIndicatorControls());
        Div panel = new Div(new H3(getTranslation("indicator.title")), choices.search(), indicatorSelect, periodSelect,
                methodSelect, classesSelect);
        panel.addClassName("panel-section");
        return panel;
    }

    private Grid<DistrictRow> districtTable() {
        table.setId("district-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        table.addColumn(DistrictRow::name).setHeader(getTranslation("table.district")).setSortable(true)
                .setComparator(DistrictRow::code).setFlexGrow(1).setKey("district");
        table.addColumn(row -> formatValue(row.value())).setHeader(getTranslation("table.value"))
                .setComparator(DistrictRow::value).setSortable(true).setKey("value").setAutoWidth(true).setFlexGrow(0);
        table.addColumn(DistrictRow::rank).setHeader(getTranslation("table.rank")).setSortable(true).setKey("rank")
                .setAutoWidth(true).setFlexGrow(0);
        table.addColumn(row -> Formats.change(row.change(), currentIndicator().decimals(), getLocale()))
                .setHeader(getTranslation("table.change")).setKey("change")
                .setComparator(row -> row.change() == null ? BigDecimal.ZERO : row.change()).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        table.addColumn(DistrictRow::matching).setHeader(getTranslation("table.matching")).setSortable(true)
                .setKey("matching").setAutoWidth(true).setFlexGrow(0);
        table.addSelectionListener(event -> {
            if (updating || !event.isFromClient()) {
                return;
            }
            event.getFirstSelectedItem().ifPresentOrElse(row -> {
                map.fitDistrict(row.code());
                openCard("districts", row.code());
            }, () -> map.setSelection(null));
        });
        return table;
    }

    // ---- applying state ----

    private void applyAll() {
        updating = true;
        try {
            layerSwitches.forEach((layer, box) -> box.setValue(state.layers().contains(layer)));
            districtFilter.setValue(state.district() == null ? "" : state.district());
            kindFilter.setValue(state.kind() == null ? "" : state.kind());
            statusFilter.setValue(state.status() == null ? "" : state.status());
            indicatorSelect.setValue(state.indicator());
            periodSelect.setValue(state.period());
            methodSelect.setValue(state.method());
            classesSelect.setValue(state.classes());
        } finally {
            updating = false;
        }
        map.setLanguage(state.lang());
        map.setLabels(Map.of("villages", getTranslation("layers.villages"),
                "grid-branches", getTranslation("layers.grid-branches"),
                "contact-points", getTranslation("layers.contact-points"),
                "enterprises", getTranslation("layers.enterprises"),
                "social-organisations", getTranslation("layers.social-organisations"),
                "map", getTranslation("map.label"), "pick.title", getTranslation("map.pick-title"),
                "swipe", getTranslation("map.swipe")));
        if (quarterBar != null) {
            quarterBar.setCompare(state.compare());
        }
        applyLayers();
        applyFilters();
        applyIndicator();
        applyPresentation();
    }

    private void applyLayers() {
        Map<String, Boolean> visible = new LinkedHashMap<>();
        DashboardState.ALL_LAYERS.forEach(layer -> visible.put(layer, state.layers().contains(layer)));
        map.setLayers(visible);
    }

    private void applyFilters() {
        map.setFilters(new GeoMap.Filters(state.district(), state.kind(), state.status()));
        if (breadcrumb != null) {
            breadcrumb.show(state.district() == null ? null : districtName(state.district()));
        }
        legend.showTownships(state.district() != null);
        refreshTable();
        refreshFigures();
        refreshChart();
    }

    /** Selects a district everywhere: the filter (and so the table, the map's points), the cards, the chart, the map's view. */
    private void chooseDistrict(String code) {
        districtFilter.setValue(code);
    }

    /** The key figures of the chosen district, or of the whole city when none is chosen. */
    private void refreshFigures() {
        String district = state.district();
        if (district == null) {
            figuresTitle.setText(getTranslation("cards.title"));
            figures.show(indicators.cityValues(state.period()), indicatorsByCode, getLocale());
        } else {
            figuresTitle.setText(getTranslation("cards.district-title", districtName(district)));
            figures.show(indicators.rankings(state.period(), null, district).stream()
                    .map(r -> new IndicatorValue(r.indicatorCode(), district, state.period(), r.value())).toList(),
                    indicatorsByCode, getLocale());
        }
        figures.getElement().setAttribute("data-district", district == null ? "" : district);
    }

    private void onIndicatorControls() {
        if (updating || indicatorSelect.getValue() == null || periodSelect.getValue() == null
                || methodSelect.getValue() == null || classesSelect.getValue() == null) {
            return;
        }
        state = state.withIndicator(indicatorSelect.getValue()).withPeriod(periodSelect.getValue())
                .withClassification(methodSelect.getValue(), classesSelect.getValue());
        applyIndicator();
        updateUrl();
    }

    /** Indicator, period or classification changed: map colours, legend, cards, table, chart and open card. */
    private void applyIndicator() {
        MapStyle style = styles.style(state.indicator(), state.period(), state.method(), state.classes());
        map.setStyle(style);
        map.setPeriod(state.period());
        applyCompare(style);
        legend.show(style, currentIndicator(), state.period(), getLocale());
        refreshFigures();
        refreshTable();
        refreshChart();
        if (card.isVisible() && !card.shownId().isEmpty() && card.shownId().length() == 6) {
            openCard("districts", card.shownId());
        }
    }

    /** The compared quarter (a swipe on the map), coloured with the shown quarter's classes: one legend for both. */
    private void applyCompare(MapStyle shown) {
        String compare = state.compare();
        map.setCompare(compare, compare == null ? null : QuarterComparison.onClassesOf(shown,
                styles.style(state.indicator(), compare, state.method(), state.classes())));
    }

    /** A quarter chosen on the map (the play button): the same as choosing it in the period list. */
    private void showPeriod(String period) {
        state = state.withPeriod(period);
        updating = true;
        try {
            periodSelect.setValue(period);
        } finally {
            updating = false;
        }
        applyIndicator();
        updateUrl();
    }

    private void showCompare(@Nullable String period) {
        state = state.withCompare(period);
        applyCompare(styles.style(state.indicator(), state.period(), state.method(), state.classes()));
        updateUrl();
    }

    private void refreshTable() {
        List<DistrictRanking> rankings = indicators.rankings(state.period(), state.indicator(), null);
        Map<String, Long> matching = organisations.matchingPerDistrict(state.kind(), state.status(), state.district(),
                state.period());
        List<DistrictRow> rows = rankings.stream()
                .filter(r -> state.district() == null || r.districtCode().equals(state.district()))
                .map(r -> new DistrictRow(r.districtCode(), districtName(r.districtCode()), r.value(), r.rank(),
                        r.change(), matching.getOrDefault(r.districtCode(), 0L)))
                .sorted(Comparator.comparingInt(DistrictRow::rank))
                .toList();
        updating = true;
        try {
            table.setItems(rows);
        } finally {
            updating = false;
        }
    }

    private void refreshChart() {
        List<String> codes = districts.stream().map(District::code).toList();
        List<IndicatorChart.Series> series = new ArrayList<>();
        // Every quarter in one statement, grouped here by quarter.
        Map<String, Map<String, BigDecimal>> byPeriod = indicators.districtHistory(state.indicator()).stream()
                .collect(Collectors.groupingBy(IndicatorValue::period,
                        Collectors.toMap(IndicatorValue::districtCode, IndicatorValue::value)));
        for (Period period : periods) {
            Map<String, BigDecimal> values = byPeriod.getOrDefault(period.code(), Map.of());
            series.add(new IndicatorChart.Series(period.code(), codes.stream()
                    .map(code -> Optional.ofNullable(values.get(code)).map(BigDecimal::doubleValue).orElse(null))
                    .toList()));
        }
        Indicator indicator = currentIndicator();
        int selected = state.district() == null ? -1 : codes.indexOf(state.district());
        chart.setData(new IndicatorChart.Data(isEnglish() ? indicator.unitEn() : indicator.unitZh(),
                codes.stream().map(this::districtName).toList(), series, state.presentation(),
                selected < 0 ? null : selected));
    }

    private void openCard(String layer, String id) {
        switch (layer) {
            case "districts" -> districts.stream().filter(d -> d.code().equals(id)).findFirst().ifPresent(district -> {
                selectedCode = district.code();
                card.showDistrict(district, indicators.rankings(state.period(), null, id), indicatorsByCode,
                        state.period().equals(periods.isEmpty() ? "" : periods.get(0).code()), getLocale());
                selectTableRow(id);
            });
            case "villages", "grid-branches", "enterprises", "social-organisations", "organisations" -> {
                Optional<OrganisationDetails> organisation = organisations.organisation(id, state.period());
                organisation.ifPresent(this::showOrganisation);
                // A search hit names no layer: the organisation's kind does.
                map.setSelection(new GeoMap.Selection(organisation.map(o -> layerOfKind(o.kind())).orElse(layer), id));
                map.revealSelection();
                return;
            }
            case "contact-points" -> organisations.contactPoint(id, state.period()).ifPresent(c ->
                    card.showContactPoint(c, districtName(c.districtCode())));
            default -> {
                return;
            }
        }
        map.setSelection(new GeoMap.Selection(layer, id));
        map.revealSelection();
    }

    private static String layerOfKind(String kind) {
        return switch (kind) {
            case "village" -> "villages";
            case "grid_branch" -> "grid-branches";
            case "enterprise" -> "enterprises";
            default -> "social-organisations";
        };
    }

    private void showOrganisation(OrganisationDetails o) {
        selectedCode = o.code();
        card.showOrganisation(o, districtName(o.districtCode()), getLocale());
        if (currentUser.has(Role.EDITOR)) {
            card.addStatusEditor(o, OrganisationStatus.CODES, statusChangeDay(o), (status, from) -> {
                try {
                    organisations.changeStatus(String.valueOf(o.id()), status, from);
                    // Everything that counts statuses follows at once: KPIs, table, chart, map layers, card.
                    applyIndicator();
                    map.reloadData();
                    organisations.organisation(String.valueOf(o.id()), state.period()).ifPresent(this::showOrganisation);
                    Notification.show(getTranslation("card.status-saved"))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (DataChangeException e) {
                    Notification.show(getTranslation("problem." + e.messageKey(), e.arguments()))
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        }
    }

    /**
     * The day a new status is recorded from, by default: the selected quarter's last day, so the change shows
     * in the quarter on screen; never before the current status began, never after today.
     */
    private java.time.LocalDate statusChangeDay(OrganisationDetails o) {
        java.time.LocalDate periodEnd = periods.stream().filter(p -> p.code().equals(state.period())).findFirst()
                .map(Period::endsOn).orElse(organisations.lastPeriodEnd());
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        java.time.LocalDate day = periodEnd.isAfter(today) ? today : periodEnd;
        return organisations.organisation(String.valueOf(o.id()))
                .map(now -> day.isBefore(now.statusSince()) ? now.statusSince() : day).orElse(day);
    }

    private void selectTableRow(String code) {
        updating = true;
        try {
            table.getListDataView().getItems().filter(row -> row.code().equals(code)).findFirst()
                    .ifPresentOrElse(table::select, table::deselectAll);
        } finally {
            updating = false;
        }
    }

    private void setPresentation(boolean on) {
        if (on == state.presentation()) {
            return;
        }
        state = state.withPresentation(on);
        if (!on) {
            slide = -1;
        }
        applyPresentation();
        refreshChart();
        legend.show(styles.style(state.indicator(), state.period(), state.method(), state.classes()),
                currentIndicator(), state.period(), getLocale());
        getElement().executeJs(on
                ? "if (document.documentElement.requestFullscreen && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {})"
                : "if (document.fullscreenElement) document.exitFullscreen().catch(() => {})");
        updateUrl();
    }

    private void applyPresentation() {
        setClassName("presentation", state.presentation());
        map.setPresentation(state.presentation());
        exitPresentation.setVisible(state.presentation());
        List<Bookmark> slides = slide >= 0 && state.presentation() ? bookmarks.all() : List.of();
        slideCaption.setVisible(slide >= 0 && slide < slides.size());
        slideCaption.setText(slide >= 0 && slide < slides.size()
                ? (slide + 1) + " / " + slides.size() + " · " + slides.get(slide).title() : "");
    }

    /** Opens a saved view in presentation mode, as the slide it is in the list. */
    private void openSlide(Bookmark bookmark) {
        List<Bookmark> slides = bookmarks.all();
        int index = slides.stream().map(Bookmark::id).toList().indexOf(bookmark.id());
        showSlide(slides, Math.max(index, 0));
    }

    private void stepSlide(int step) {
        if (!state.presentation()) {
            return;
        }
        List<Bookmark> slides = bookmarks.all();
        if (slides.isEmpty()) {
            return;
        }
        showSlide(slides, Math.floorMod(slide + step, slides.size()));
    }

    private void showSlide(List<Bookmark> slides, int index) {
        Bookmark bookmark = slides.get(index);
        String query = bookmark.query() + "&present=1&slide=" + index;
        getUI().ifPresent(ui -> ui.navigate("", QueryParameters.fromString(query)));
        if (!state.presentation()) {
            getElement().executeJs("if (document.documentElement.requestFullscreen && !document.fullscreenElement) "
                    + "document.documentElement.requestFullscreen().catch(() => {})");
        }
    }

    private static int slideIndex(Map<String, List<String>> parameters) {
        List<String> values = parameters.get("slide");
        if (values == null || values.isEmpty() || !values.get(0).matches("[0-9]{1,3}")) {
            return -1;
        }
        return Integer.parseInt(values.get(0));
    }

    private void switchLanguage() {
        state = state.withLang(isEnglish() ? "zh" : "en");
        getUI().ifPresent(ui -> LanguageChoice.remember(ui, state.lang().equals("en") ? Translations.ENGLISH
                : Translations.CHINESE));
        getUI().ifPresent(ui -> ui.getPage().setLocation("./?" + QueryParameters.simple(state.toParameters()).getQueryString()));
    }

    private void updateUrl() {
        Map<String, String> parameters = new LinkedHashMap<>(state.toParameters());
        if (slide >= 0 && state.presentation()) {
            parameters.put("slide", String.valueOf(slide));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("", QueryParameters.simple(parameters))));
        if (snapshotPanel != null) {
            snapshotPanel.viewChanged();
        }
    }

    // ---- helpers ----

    private Indicator currentIndicator() {
        // DashboardState.parse accepts only the indicators of indicatorsByCode.
        return Objects.requireNonNull(indicatorsByCode.get(state.indicator()), state.indicator());
    }

    private String formatValue(BigDecimal value) {
        Indicator indicator = currentIndicator();
        return Formats.withUnit(Formats.number(value, indicator.decimals(), getLocale()),
                isEnglish() ? indicator.unitEn() : indicator.unitZh());
    }

    private String indicatorName(@Nullable Indicator indicator) {
        return indicator == null ? "" : isEnglish() ? indicator.nameEn() : indicator.nameZh();
    }

    private String districtName(String code) {
        return districts.stream().filter(d -> d.code().equals(code)).findFirst().map(d -> d.name(getLocale())).orElse(code);
    }

    private boolean isEnglish() {
        return Translations.isEnglish(getLocale());
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
