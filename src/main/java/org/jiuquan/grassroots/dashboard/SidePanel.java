package org.jiuquan.grassroots.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.jiuquan.grassroots.i18n.Translations;
import org.jiuquan.grassroots.indicators.DistrictRanking;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.indicators.IndicatorService;
import org.jiuquan.grassroots.indicators.IndicatorValue;
import org.jiuquan.grassroots.indicators.Period;
import org.jiuquan.grassroots.map.DashboardState;
import org.jiuquan.grassroots.map.IndicatorChart;
import org.jiuquan.grassroots.organisations.OrganisationService;
import org.jspecify.annotations.Nullable;

/**
 * The figures beside the map: the key figures of the city or the chosen district, the district table and the
 * chart of the indicator across districts and quarters. Each follows the dashboard's state when shown.
 */
final class SidePanel extends Div {

    private final IndicatorService indicators;
    private final OrganisationService organisations;
    private final DistrictNames names;
    private final Map<String, Indicator> indicatorsByCode;
    private final List<Period> periods;
    private final H3 figuresTitle = new H3();
    private final CityFigures figures = new CityFigures();
    private final DistrictTable table;
    private final IndicatorChart chart = new IndicatorChart();
    private DashboardState state;

    /**
     * @param rowClicked told of the district whose table row a person selected, or null when deselected
     * @param barClicked told of the district whose chart bar a person clicked
     */
    SidePanel(IndicatorService indicators, OrganisationService organisations, DistrictNames names,
              Map<String, Indicator> indicatorsByCode, List<Period> periods, DashboardState initial,
              Consumer<@Nullable String> rowClicked, Consumer<String> barClicked) {
        this.indicators = indicators;
        this.organisations = organisations;
        this.names = names;
        this.indicatorsByCode = indicatorsByCode;
        this.periods = periods;
        this.state = initial;
        table = new DistrictTable(this::indicator, rowClicked);
        figuresTitle.setId("figures-title");
        chart.addBarClickListener(event -> {
            List<String> codes = names.codes();
            if (event.index() >= 0 && event.index() < codes.size()) {
                barClicked.accept(codes.get(event.index()));
            }
        });
        chart.setId("indicator-chart");
        add(figuresTitle, figures, new H3(getTranslation("table.title")), table, new H3(getTranslation("chart.title")),
                chart);
        addClassName("side-panel");
    }

    /** Shows figures, table and chart for the state. */
    void show(DashboardState shown) {
        this.state = shown;
        showFigures();
        showTable();
        showChart();
    }

    /** Redraws the chart only (presentation mode enlarges it). */
    void showChart(DashboardState shown) {
        this.state = shown;
        showChart();
    }

    void selectRow(String districtCode) {
        table.selectRow(districtCode);
    }

    /** The key figures of the chosen district, or of the whole city when none is chosen. */
    private void showFigures() {
        String district = state.district();
        if (district == null) {
            figuresTitle.setText(getTranslation("cards.title"));
            figures.show(indicators.cityValues(state.period()), indicatorsByCode, getLocale());
        } else {
            figuresTitle.setText(getTranslation("cards.district-title", names.name(district, getLocale())));
            figures.show(indicators.rankings(state.period(), null, district).stream()
                    .map(r -> new IndicatorValue(r.indicatorCode(), district, state.period(), r.value())).toList(),
                    indicatorsByCode, getLocale());
        }
        figures.getElement().setAttribute("data-district", district == null ? "" : district);
    }

    private void showTable() {
        List<DistrictRanking> rankings = indicators.rankings(state.period(), state.indicator(), null);
        Map<String, Long> matching = organisations.matchingPerDistrict(state.kind(), state.status(), state.district(),
                state.period());
        table.show(rankings.stream()
                .filter(r -> state.district() == null || r.districtCode().equals(state.district()))
                .map(r -> new DistrictRow(r.districtCode(), names.name(r.districtCode(), getLocale()), r.value(),
                        r.rank(), r.change(), matching.getOrDefault(r.districtCode(), 0L)))
                .sorted(Comparator.comparingInt(DistrictRow::rank))
                .toList());
    }

    private void showChart() {
        List<String> codes = names.codes();
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
        Indicator indicator = indicator();
        int selected = state.district() == null ? -1 : codes.indexOf(state.district());
        chart.setData(new IndicatorChart.Data(Translations.isEnglish(getLocale()) ? indicator.unitEn() : indicator.unitZh(),
                codes.stream().map(code -> names.name(code, getLocale())).toList(), series, state.presentation(),
                selected < 0 ? null : selected));
    }

    private Indicator indicator() {
        // DashboardState.parse accepts only the indicators of indicatorsByCode.
        return Objects.requireNonNull(indicatorsByCode.get(state.indicator()), state.indicator());
    }
}
