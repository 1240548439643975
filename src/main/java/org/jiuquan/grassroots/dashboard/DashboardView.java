package org.jiuquan.grassroots.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jiuquan.grassroots.i18n.LanguageChoice;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.GeoMap;
import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.map.QuarterComparison;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jiuquan.grassroots.security.Role;
import org.jiuquan.grassroots.snapshot.SnapshotPanel;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard: a large map, the controls on the left (layers, filters, indicator), the city figures,
 * district table and chart on the right, a legend and detail cards over the map. Its state lives in the
 * URL ({@link DashboardState}), so any view can be bookmarked, shared or presented. This class holds the
 * state and passes it to its parts, each with one job (panels, cards, slide show); they report a person's
 * choices back here, and this class keeps the URL in step.
 */
@Route("")
@RolesAllowed(Role.Names.VIEWER)
public class DashboardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final DashboardServices services;
    private final IndicatorService indicators;
    private final MapStyleService styles;
    private final OrganisationService organisations;

    private DashboardState state = DashboardState.defaults("2017Q4");
    private boolean built;
    private Map<String, Indicator> indicatorsByCode = Map.of();
    private List<Period> periods = List.of();

    private final GeoMap map = new GeoMap();
    private final Legend legend = new Legend();
    private final DetailCard card = new DetailCard();
    private final Button exitPresentation = new Button();
    private final SlideShow slides;
    private @Nullable SnapshotPanel snapshotPanel;
    private @Nullable QuarterBar quarterBar;
    private @Nullable LayerPanel layerPanel;
    private @Nullable FilterPanel filterPanel;
    private @Nullable IndicatorPanel indicatorPanel;
    private @Nullable SidePanel side;
    private @Nullable FeatureCards cards;
    private @Nullable DrillDown drillDown;

    public DashboardView(DashboardServices services) {
        this.services = services;
        this.indicators = services.indicators();
        this.styles = services.styles();
        this.organisations = services.organisations();
        this.slides = new SlideShow(services.bookmarks());
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
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        DashboardState.Parsed parsed = DashboardState.parse(parameters, indicatorsByCode.keySet(),
                periods.stream().map(Period::code).toList());
        state = parsed.state();
        if (!parameters.containsKey("lang")) {
            // No ?lang=: the browser's remembered choice (LanguageChoice), which the page already has.
            state = state.withLang(LanguageChoice.code(event.getUI().getLocale()));
        }
        Locale locale = state.lang().equals("en") ? Translations.ENGLISH : Translations.CHINESE;
        event.getUI().setLocale(locale);
        if (!built) {
            build(new DistrictNames(services.districts().districts()));
            built = true;
        }
        slides.readFrom(parameters);
        drillDown().readFrom(parameters, state).ifPresent(bad -> Notification.show(
                getTranslation("drill.bad-township", bad), 6000, Notification.Position.TOP_CENTER));
        applyAll();
        if (state.bbox() != null) {
            map.setExtent(state.bbox());
        } else {
            drillDown().zoom();
        }
        for (Map.Entry<String, String> bad : parsed.invalid()) {
            Notification.show(getTranslation("url.bad-parameter", bad.getKey(), bad.getValue()), 6000,
                    Notification.Position.TOP_CENTER);
        }
    }

    // ---- layout ----

    private void build(DistrictNames names) {
        FeatureCards featureCards = new FeatureCards(card, map, indicators, organisations, names, indicatorsByCode,
                periods, () -> state, services.clock(), services.currentUser(), code -> side().selectRow(code), () -> {
                    applyIndicator();
                    map.reloadData();
                });
        cards = featureCards;
        snapshotPanel = new SnapshotPanel(services.snapshots(), services.bookmarks(), () -> state,
                featureCards::selectedCode, () -> drillDown == null || state.district() == null ? null
                        : drillDown.township(),
                bookmark -> slides.open(bookmark, state.presentation()));
        Map<String, Long> counts = new LinkedHashMap<>(organisations.layerCounts());
        counts.put("districts", (long) names.districts().size());
        map.setLayerCounts(counts);
        layerPanel = new LayerPanel(counts, (layer, on) -> {
            state = state.withLayer(layer, on);
            applyLayers();
            updateUrl();
        });
        filterPanel = new FilterPanel(names, this::onFilters, () -> {
            drillDown().leave();
            applyFilters();
            if (state.district() != null) {
                map.fitDistrict(state.district());
            }
            updateUrl();
        });
        indicatorPanel = new IndicatorPanel(indicatorsByCode, periods, choice -> {
            state = choice.applyTo(state);
            applyIndicator();
            updateUrl();
        });
        Div controls = new Div(new DashboardHeader(services.currentUser(), services.authentication(), this::switchLanguage, () -> setPresentation(true)),
                new SearchBox(organisations, services.drillDown(), names, map, this::onFeature), layerPanel, filterPanel,
                indicatorPanel, snapshotPanel);
        controls.addClassName("controls");

        quarterBar = new QuarterBar(periods.stream().map(Period::code).toList(), this::showPeriod, () -> state.period(),
                this::showCompare);
        Div mapArea = new Div(map, legend, card, exitPresentation, slides, quarterBar);
        mapArea.addClassName("map-area");
        map.setId("map");
        map.setSizeFull();
        // The city is fitted beside the legend, and a selected feature kept out from under its card.
        map.setAvoid("[data-role=legend], #detail-card");
        // The base layer an admin chose (admin/basemap), as tile URL templates: Tianditu has two, map and names.
        map.setBasemapUrl(String.join(" ", services.baseLayers().current().tileUrls()));
        map.addFeatureClickListener(event -> onFeature(event.layer(), event.id()));
        map.addViewMovedListener(event -> {
            state = state.withBbox(event.bbox());
            updateUrl();
        });
        DashboardHeader.exitButton(exitPresentation, () -> setPresentation(false));

        // Choosing a district anywhere (a bar here, the filter, a table row) selects it everywhere.
        side = new SidePanel(indicators, organisations, names, indicatorsByCode, periods, state, code -> {
            if (code == null) {
                map.setSelection(null);
            } else if (code.equals(state.district())) {
                map.fitDistrict(code);
                featureCards.open("districts", code);
            } else {
                onFeature("districts", code);
            }
        }, code -> filterPanel().chooseDistrict(code));
        DrillDownPanel drillDownPanel = new DrillDownPanel(township -> {
            drillDown().enter(township, state);
            afterDrilling();
        }, member -> featureCards.open("organisations", member.cardId()));
        drillDown = new DrillDown(services.drillDown(), drillDownPanel, map, names);
        side.addComponentAtIndex(2, drillDownPanel);
        add(DashboardHeader.drawerBar(this, controls, side), controls, mapArea, side);
        PresentationKeys.listen(this, UI.getCurrent(), () -> setPresentation(!state.presentation()),
                () -> setPresentation(false), step -> slides.step(step, state.presentation()));
    }

    /**
     * A feature clicked on the map or found by the search: a district drills into it, a township (of the
     * district drilled into, or found by name) drills into that township; every card opens.
     */
    private void onFeature(String layer, String id) {
        if (layer.equals("townships")) {
            String district = id.substring(0, Math.min(6, id.length()));
            if (!district.equals(state.district()) && DashboardState.DISTRICTS.contains(district)) {
                state = state.withFilters(district, state.kind(), state.status());
                filterPanel().show(state);
            }
            drillDown().enter(id, state);
            afterDrilling();
            return;
        }
        if (layer.equals("districts") && !id.equals(state.district())) {
            filterPanel().chooseDistrict(id);
        }
        Objects.requireNonNull(cards, "built in beforeEnter").open(layer, id);
    }

    /** After drilling into a township: breadcrumb, legend, map filters and the lists follow; the URL holds it. */
    private void afterDrilling() {
        applyFilters();
        updateUrl();
    }

    // ---- applying state ----

    private void applyAll() {
        layerPanel().show(state.layers());
        filterPanel().show(state);
        indicatorPanel().show(state);
        map.setLanguage(state.lang());
        map.setLabels(layerPanel().mapLabels());
        if (quarterBar != null) {
            quarterBar.setCompare(state.compare());
        }
        applyLayers();
        showFilters();
        showIndicator();
        // Once, after both: the panels read the filters and the indicator alike.
        refreshPanels();
        applyPresentation();
    }

    private void applyLayers() {
        Map<String, Boolean> visible = new LinkedHashMap<>();
        DashboardState.ALL_LAYERS.forEach(layer -> visible.put(layer, state.layers().contains(layer)));
        map.setLayers(visible);
    }

    /** A person chose filters: a new district is zoomed to, and its townships drawn over it (the drill-down). */
    private void onFilters(GeoMap.Filters chosen, boolean districtChanged) {
        if (districtChanged) {
            drillDown().leave();
        }
        state = state.withFilters(chosen.district(), chosen.kind(), chosen.status());
        applyFilters();
        if (districtChanged && state.district() != null) {
            map.fitDistrict(state.district());
        }
        updateUrl();
    }

    private void applyFilters() {
        showFilters();
        refreshPanels();
    }

    private void showFilters() {
        map.setFilters(drillDown().mapFilters(state));
        filterPanel().showLevel(state.district(), drillDown().townshipName());
        legend.showTownships(state.district() != null, drillDown().approximate(state.district()));
    }

    /** Figures, tables, chart and the drill-down's list, for the state as it is now. */
    private void refreshPanels() {
        side().show(state);
        drillDown().show(state);
    }

    /** Indicator, period or classification changed: map colours, legend, cards, table, chart and open card. */
    private void applyIndicator() {
        showIndicator();
        refreshPanels();
        if (cards != null) {
            cards.refreshDistrictCard();
        }
    }

    private void showIndicator() {
        MapStyle style = styles.style(state.indicator(), state.period(), state.method(), state.classes());
        map.setStyle(style);
        map.setPeriod(state.period());
        applyCompare(style);
        legend.show(style, currentIndicator(), state.period(), getLocale());
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
        indicatorPanel().showPeriod(period);
        applyIndicator();
        updateUrl();
    }

    private void showCompare(@Nullable String period) {
        state = state.withCompare(period);
        applyCompare(styles.style(state.indicator(), state.period(), state.method(), state.classes()));
        updateUrl();
    }

    private void setPresentation(boolean on) {
        if (on == state.presentation()) {
            return;
        }
        state = state.withPresentation(on);
        if (!on) {
            slides.stop();
        }
        applyPresentation();
        side().showChart(state);
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
        slides.showCaption(state.presentation());
    }

    private void switchLanguage() {
        state = state.withLang(isEnglish() ? "zh" : "en");
        getUI().ifPresent(ui -> LanguageChoice.remember(ui, state.lang().equals("en") ? Translations.ENGLISH
                : Translations.CHINESE));
        getUI().ifPresent(ui -> ui.getPage().setLocation("./?" + QueryParameters.simple(urlParameters()).getQueryString()));
    }

    /** The state's parameters, with the drill-down's township and the slide shown, which the state does not hold. */
    private Map<String, String> urlParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(state.toParameters());
        String township = drillDown().township();
        if (state.district() != null && township != null) {
            parameters.put("township", township);
        }
        if (slides.current() >= 0 && state.presentation()) {
            parameters.put("slide", String.valueOf(slides.current()));
        }
        return parameters;
    }

    private void updateUrl() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("", QueryParameters.simple(urlParameters()))));
        if (snapshotPanel != null) {
            snapshotPanel.viewChanged();
        }
    }

    // ---- helpers ----

    private Indicator currentIndicator() {
        // DashboardState.parse accepts only the indicators of indicatorsByCode.
        return Objects.requireNonNull(indicatorsByCode.get(state.indicator()), state.indicator());
    }

    private boolean isEnglish() {
        return Translations.isEnglish(getLocale());
    }

    private LayerPanel layerPanel() {
        return Objects.requireNonNull(layerPanel, "built in beforeEnter");
    }

    private FilterPanel filterPanel() {
        return Objects.requireNonNull(filterPanel, "built in beforeEnter");
    }

    private IndicatorPanel indicatorPanel() {
        return Objects.requireNonNull(indicatorPanel, "built in beforeEnter");
    }

    private DrillDown drillDown() {
        return Objects.requireNonNull(drillDown, "built in beforeEnter");
    }

    private SidePanel side() {
        return Objects.requireNonNull(side, "built in beforeEnter");
    }
}
