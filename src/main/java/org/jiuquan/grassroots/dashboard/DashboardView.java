package org.jiuquan.grassroots.dashboard;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.basemap.BaseLayerService;
import org.jiuquan.grassroots.districts.DistrictService;
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
import org.jiuquan.grassroots.snapshot.BookmarkService;
import org.jiuquan.grassroots.snapshot.SnapshotPanel;
import org.jiuquan.grassroots.snapshot.SnapshotService;
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

    private final IndicatorService indicators;
    private final MapStyleService styles;
    private final OrganisationService organisations;
    private final DistrictService districtService;
    private final BaseLayerService baseLayers;
    private final AuthenticationContext authentication;
    private final SnapshotService snapshots;
    private final BookmarkService bookmarks;
    private final AuditLog audit;
    private final Clock clock;

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

    public DashboardView(IndicatorService indicators, MapStyleService styles, OrganisationService organisations,
                         DistrictService districtService, AuthenticationContext authentication,
                         SnapshotService snapshots, BookmarkService bookmarks, AuditLog audit,
                         BaseLayerService baseLayers, Clock clock) {
        this.clock = clock;
        this.authentication = authentication;
        this.snapshots = snapshots;
        this.bookmarks = bookmarks;
        this.audit = audit;
        this.indicators = indicators;
        this.styles = styles;
        this.organisations = organisations;
        this.districtService = districtService;
        this.baseLayers = baseLayers;
        this.slides = new SlideShow(bookmarks);
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
            build(new DistrictNames(districtService.districts()));
            built = true;
        }
        slides.readFrom(parameters);
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

    private void build(DistrictNames names) {
        FeatureCards featureCards = new FeatureCards(card, map, indicators, organisations, names, indicatorsByCode,
                periods, () -> state, clock, code -> side().selectRow(code), () -> {
                    applyIndicator();
                    map.reloadData();
                });
        cards = featureCards;
        snapshotPanel = new SnapshotPanel(snapshots, bookmarks, audit, () -> state, featureCards::selectedCode,
                bookmark -> slides.open(bookmark, state.presentation()));
        Map<String, Long> counts = new LinkedHashMap<>(organisations.layerCounts());
        counts.put("districts", (long) names.districts().size());
        map.setLayerCounts(counts);
        layerPanel = new LayerPanel(counts, (layer, on) -> {
            state = state.withLayer(layer, on);
            applyLayers();
            updateUrl();
        });
        filterPanel = new FilterPanel(names, this::onFilters);
        indicatorPanel = new IndicatorPanel(indicatorsByCode, periods, choice -> {
            state = choice.applyTo(state);
            applyIndicator();
            updateUrl();
        });
        Div controls = new Div(new DashboardHeader(authentication, this::switchLanguage, () -> setPresentation(true)),
                new SearchBox(organisations, names, map, featureCards::open), layerPanel, filterPanel, indicatorPanel,
                snapshotPanel);
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
        map.setBasemapUrl(String.join(" ", baseLayers.current().tileUrls()));
        map.addFeatureClickListener(event -> featureCards.open(event.layer(), event.id()));
        map.addViewMovedListener(event -> {
            state = state.withBbox(event.bbox());
            updateUrl();
        });
        exitPresentation.setText(getTranslation("present.exit"));
        exitPresentation.setId("exit-presentation");
        exitPresentation.addClassName("exit-presentation");
        exitPresentation.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        exitPresentation.addClickListener(event -> setPresentation(false));

        // Choosing a district anywhere (a bar here, the filter, a table row) selects it everywhere.
        side = new SidePanel(indicators, organisations, names, indicatorsByCode, periods, state, code -> {
            if (code == null) {
                map.setSelection(null);
            } else {
                map.fitDistrict(code);
                featureCards.open("districts", code);
            }
        }, code -> filterPanel().chooseDistrict(code));
        add(DashboardHeader.drawerBar(this, controls, side), controls, mapArea, side);
        listenForKeys();
    }

    /** Presentation mode's keys, heard on the whole page: the map, a card or nothing at all may have the focus. */
    private void listenForKeys() {
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
            Shortcuts.addShortcutListener(this, () -> slides.step(step, state.presentation()), key).listenOn(ui)
                    .allowBrowserDefault();
        }
    }

    // ---- applying state ----

    private void applyAll() {
        layerPanel().show(state.layers());
        filterPanel().show(state);
        indicatorPanel().show(state);
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

    /** A person chose filters: a new district is zoomed to, and its townships drawn over it (the drill-down). */
    private void onFilters(GeoMap.Filters chosen, boolean districtChanged) {
        state = state.withFilters(chosen.district(), chosen.kind(), chosen.status());
        applyFilters();
        if (districtChanged && state.district() != null) {
            map.fitDistrict(state.district());
        }
        updateUrl();
    }

    private void applyFilters() {
        map.setFilters(new GeoMap.Filters(state.district(), state.kind(), state.status()));
        filterPanel().showLevel(state.district());
        legend.showTownships(state.district() != null);
        side().show(state);
    }

    /** Indicator, period or classification changed: map colours, legend, cards, table, chart and open card. */
    private void applyIndicator() {
        MapStyle style = styles.style(state.indicator(), state.period(), state.method(), state.classes());
        map.setStyle(style);
        map.setPeriod(state.period());
        applyCompare(style);
        legend.show(style, currentIndicator(), state.period(), getLocale());
        side().show(state);
        if (cards != null) {
            cards.refreshDistrictCard();
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
        getUI().ifPresent(ui -> ui.getPage().setLocation("./?" + QueryParameters.simple(state.toParameters()).getQueryString()));
    }

    private void updateUrl() {
        Map<String, String> parameters = new LinkedHashMap<>(state.toParameters());
        if (slides.current() >= 0 && state.presentation()) {
            parameters.put("slide", String.valueOf(slides.current()));
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

    private SidePanel side() {
        return Objects.requireNonNull(side, "built in beforeEnter");
    }
}
