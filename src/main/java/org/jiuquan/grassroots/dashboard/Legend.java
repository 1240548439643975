package org.jiuquan.grassroots.dashboard;

import org.jiuquan.grassroots.i18n.Formats;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.map.MapStyle;

/** The map's legend: the choropleth's classes with their limits and unit, then the point symbols. */
class Legend extends Div {

    Legend() {
        addClassName("map-legend");
        setId("legend");
    }

    void show(MapStyle style, Indicator indicator, String period, Locale locale) {
        removeAll();
        boolean english = "en".equals(locale.getLanguage());
        String unit = english ? indicator.unitEn() : indicator.unitZh();
        Div title = new Div(new Span(english ? indicator.nameEn() : indicator.nameZh()),
                new Span(unit.isBlank() ? " · " + period : " (" + unit + ") · " + period));
        title.addClassName("legend-title");
        add(title);
        for (MapStyle.LegendClass entry : style.legend()) {
            String from = Formats.number(entry.from(), style.decimals(), locale);
            String to = Formats.number(entry.to(), style.decimals(), locale);
            Div row = row(swatch(entry.color(), "square"), from.equals(to) ? from : from + " – " + to);
            row.getElement().setAttribute("data-color", entry.color());
            row.addClassName("legend-class");
            add(row);
        }
        add(row(swatch("#e8e8e8", "square"), getTranslation("legend.no-data")));
        Div points = new Div(getTranslation("legend.points"));
        points.addClassName("legend-title");
        add(points);
        for (MapStyle.PointSymbol symbol : style.points()) {
            add(row(swatch(symbol.color(), symbol.shape()), getTranslation("layers." + symbol.layer())));
        }
        Span ring = swatch("transparent", "circle");
        ring.getStyle().set("border", "3px solid " + style.weakRing());
        add(row(ring, getTranslation("legend.weak")));
        Span cluster = swatch("#777", "circle");
        cluster.setText("12");
        cluster.addClassName("legend-cluster");
        add(row(cluster, getTranslation("legend.cluster")));
    }

    private static Div row(Span symbol, String text) {
        Div row = new Div(symbol, new Span(text));
        row.addClassName("legend-row");
        return row;
    }

    private static Span swatch(String color, String shape) {
        Span swatch = new Span();
        swatch.addClassNames("legend-swatch", "shape-" + shape);
        swatch.getStyle().set(shape.equals("triangle") ? "border-bottom-color" : "background-color", color);
        return swatch;
    }
}
