package org.jiuquan.grassroots.analysis;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jiuquan.grassroots.map.MapStyle;

/**
 * The analysis map's legend: the overlay's symbols for the analysis shown, then the districts' classes of
 * the quarter's indicator.
 */
class AnalysisLegend extends Div {

    AnalysisLegend() {
        addClassName("map-legend");
        setId("legend");
    }

    /** The overlay's symbols, as <geo-map> draws them for each analysis (frontend/src/geo-map.ts). */
    void show(AnalysisKind kind, String period, MapStyle districtStyle) {
        removeAll();
        Div title = new Div(getTranslation("analysis." + kind.code()));
        title.addClassName("legend-title");
        add(title);
        switch (kind) {
            case CLUSTERS -> {
                legendRow("#E69F00", getTranslation("legend.cluster-member"));
                legendRow("#999999", getTranslation("legend.noise"));
            }
            case HOT_SPOTS -> {
                legendRow("#cb181d", getTranslation("legend.hot", 99));
                legendRow("#fb6a4a", getTranslation("legend.hot", 95));
                legendRow("#fcae91", getTranslation("legend.hot", 90));
                legendRow("#d9d9d9", getTranslation("legend.not-significant"));
                legendRow("#bdd7e7", getTranslation("legend.cold", 90));
                legendRow("#6baed6", getTranslation("legend.cold", 95));
                legendRow("#2171b5", getTranslation("legend.cold", 99));
            }
            case COVERAGE_GAPS -> legendRow("#D55E00", getTranslation("legend.gap"));
        }
        Div areas = new Div(getTranslation("analysis.ranking") + " · " + period);
        areas.addClassName("legend-title");
        add(areas);
        for (MapStyle.LegendClass entry : districtStyle.legend()) {
            String from = String.valueOf(Math.round(entry.from()));
            String to = String.valueOf(Math.round(entry.to()));
            Span swatch = new Span();
            swatch.addClassNames("legend-swatch", "shape-square");
            swatch.getStyle().set("background-color", entry.color());
            Div row = new Div(swatch, new Span(from.equals(to) ? from : from + " – " + to));
            row.addClassName("legend-row");
            add(row);
        }
    }

    private void legendRow(String colour, String text) {
        Span swatch = new Span();
        swatch.addClassNames("legend-swatch", "shape-circle");
        swatch.getStyle().set("background-color", colour);
        Div row = new Div(swatch, new Span(text));
        row.addClassNames("legend-row", "legend-class");
        row.getElement().setAttribute("data-color", colour);
        add(row);
    }
}
