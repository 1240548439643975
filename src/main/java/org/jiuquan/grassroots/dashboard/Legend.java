package org.jiuquan.grassroots.dashboard;

import org.jiuquan.grassroots.i18n.Formats;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import org.jiuquan.grassroots.indicators.Indicator;
import org.jiuquan.grassroots.map.MapStyle;

/** The map's legend: the choropleth's classes with their limits and unit, then the point symbols. */
class Legend extends Div {

    /** The township fills of the drill-down (frontend/src/township-layer.ts draws the same ColorBrewer OrRd). */
    static final java.util.List<String> TOWNSHIP_COLOURS = java.util.List.of("#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f");

    private boolean townships;
    /** Whether the townships drawn are (some or all) approximate areas: only then does the legend say so. */
    private boolean approximate = true;

    Legend() {
        addClassName("map-legend");
        setId("legend");
        getElement().setAttribute("data-role", "legend");
    }

    void show(MapStyle style, Indicator indicator, String period, Locale locale) {
        removeAll();
        boolean english = "en".equals(locale.getLanguage());
        String unit = english ? indicator.unitEn() : indicator.unitZh();
        Div title = new Div(new Span(english ? indicator.nameEn() : indicator.nameZh()),
                new Span(unit.isBlank() ? " · " + period : " (" + unit + ") · " + period));
        title.addClassName("legend-title");
        // Folds the legend away and back, in the browser (no round trip): on a phone it starts folded (CSS).
        NativeButton toggle = new NativeButton(getTranslation("legend.toggle"));
        toggle.addClassName("legend-toggle");
        toggle.getElement().setAttribute("aria-expanded", "true");
        toggle.getElement().executeJs("this.addEventListener('click', () => {"
                + " const legend = this.closest('[data-role=legend]');"
                + " const open = getComputedStyle(legend.querySelector('.legend-body')).display !== 'none';"
                + " legend.setAttribute('data-open', open ? 'no' : 'yes');"
                + " this.setAttribute('aria-expanded', String(!open)); })");
        Div head = new Div(title, toggle);
        head.addClassName("legend-head");
        Div classes = new Div();
        classes.addClassName("legend-classes");
        for (MapStyle.LegendClass entry : style.legend()) {
            String from = Formats.number(entry.from(), style.decimals(), locale);
            String to = Formats.number(entry.to(), style.decimals(), locale);
            Div row = row(swatch(entry.color(), "square"), from.equals(to) ? from : from + " – " + to);
            row.getElement().setAttribute("data-color", entry.color());
            row.addClassName("legend-class");
            classes.add(row);
        }
        classes.add(row(swatch("#e8e8e8", "square"), getTranslation("legend.no-data")));
        Div points = new Div(getTranslation("legend.points"));
        points.addClassName("legend-title");
        Div symbols = new Div();
        symbols.addClassName("legend-symbols");
        for (MapStyle.PointSymbol symbol : style.points()) {
            if (symbol.layer().equals("contact-points")) {
                // On the map a contact point is a badge beside its organisation, with the number of leaders.
                Span badge = swatch(symbol.color(), "circle");
                badge.setText("2");
                badge.addClassName("legend-badge");
                symbols.add(row(badge, getTranslation("legend.contact-badge")));
            } else {
                symbols.add(row(swatch(symbol.color(), symbol.shape()), getTranslation("layers." + symbol.layer())));
            }
        }
        Span ring = swatch("transparent", "circle");
        ring.getStyle().set("border", "3px solid " + style.weakRing());
        symbols.add(row(ring, getTranslation("legend.weak")));
        Span cluster = swatch("#777", "circle");
        cluster.setText("12");
        cluster.addClassName("legend-cluster");
        symbols.add(row(cluster, getTranslation("legend.cluster")));
        Div body = new Div(classes, points, symbols);
        if (townships) {
            body.add(townshipSection());
        }
        body.addClassName("legend-body");
        add(head, body);
    }

    /**
     * Drilled into a district: its townships' colours, and, while their areas are approximate (some or all with
     * no real boundary), that they are (dashed). Real boundaries are drawn solid and the note is left out.
     */
    void showTownships(boolean shown, boolean approximateAreas) {
        if (shown == townships && approximateAreas == approximate) {
            return;
        }
        townships = shown;
        approximate = approximateAreas;
        getChildren().filter(c -> c.getClassNames().contains("legend-body")).findFirst().ifPresent(body -> {
            body.getChildren().filter(c -> "legend-townships".equals(c.getId().orElse(null))).toList()
                    .forEach(c -> ((Div) body).remove(c));
            if (shown) {
                ((Div) body).add(townshipSection());
            }
        });
    }

    private Div townshipSection() {
        Div title = new Div(getTranslation(approximate ? "legend.townships" : "legend.townships-real"));
        title.addClassName("legend-title");
        Div section = new Div(title);
        section.setId("legend-townships");
        section.getElement().setAttribute("data-approximate", String.valueOf(approximate));
        for (int i = 0; i < TOWNSHIP_COLOURS.size(); i++) {
            Span swatch = swatch(TOWNSHIP_COLOURS.get(i), "square");
            swatch.getStyle().set("border", approximate ? "1px dashed #333" : "1px solid #333");
            String count = i == TOWNSHIP_COLOURS.size() - 1 ? "≥ " + i : String.valueOf(i);
            section.add(row(swatch, getTranslation("legend.townships-weak", count)));
        }
        return section;
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
