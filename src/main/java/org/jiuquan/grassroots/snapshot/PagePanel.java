package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.map.MapStyle;

import static org.jiuquan.grassroots.snapshot.PageDrawing.BORDER;
import static org.jiuquan.grassroots.snapshot.PageDrawing.INK;
import static org.jiuquan.grassroots.snapshot.PageDrawing.NO_DATA;
import static org.jiuquan.grassroots.snapshot.PageDrawing.SECONDARY;

/**
 * The side panel of a page (right of the map on a landscape page, under it on a portrait one): the legend
 * (the indicator's classes, the point symbols, the weak ring, counts, an analysis's own lines), then the
 * side table. Long texts wrap inside the panel; table names that do not fit end in an ellipsis.
 */
final class PagePanel {

    private final Canvas canvas;
    private final PageContent page;
    private final double unit;

    PagePanel(Canvas canvas, PageContent page, double unit) {
        this.canvas = canvas;
        this.page = page;
        this.unit = unit;
    }

    void draw(Rectangle2D panel, boolean landscape) {
        if (landscape) {
            double y = drawLegend(panel.getX(), panel.getY(), panel.getWidth());
            drawTable(panel.getX(), y + 2 * unit, panel.getWidth(), panel.getMaxY());
        } else {
            double half = (panel.getWidth() - 3 * unit) / 2;
            drawLegend(panel.getX(), panel.getY(), half);
            drawTable(panel.getX() + half + 3 * unit, panel.getY(), half, panel.getMaxY());
        }
    }

    /** @return the y below the legend */
    private double drawLegend(double x, double top, double width) {
        PageContent.Legend legend = page.legend();
        float body = (float) (1.5 * unit);
        double line = body * 1.6;
        double y = top + body;
        float headingSize = (float) (1.8 * unit);
        for (String part : wrap(canvas, legend.heading(), headingSize, width)) {
            canvas.text(part, x, y, headingSize, INK, true, false);
            y += line * 1.2;
        }
        if (page.choropleth()) {
            y = drawClasses(legend, x, y, width, body, line);
        }
        y = drawSymbols(legend, x, y, width, body, line);
        PageContent.Overlay overlay = page.overlay();
        if (overlay != null) {
            double r = 0.75 * unit;
            for (PageContent.LegendLine entry : overlay.legend()) {
                var mark = entry.area()
                        ? new Rectangle2D.Double(x, y - body * 0.95, 2.4 * unit, body * 1.15)
                        : new Ellipse2D.Double(x + 1.2 * unit - r, y - body * 0.35 - r, 2 * r, 2 * r);
                canvas.fill(mark, entry.colour());
                // Long analysis lines ("cluster members (colour per cluster, shading ...)") wrap inside the panel.
                y = besideMark(entry.label(), x, y, width, body, line);
            }
        }
        return y;
    }

    /** The indicator's name and its classes (and "no data" if a district has none). @return the y below */
    private double drawClasses(PageContent.Legend legend, double x, double top, double width, float body, double line) {
        double y = top;
        for (String part : wrap(canvas, legend.indicator(), body, width)) {
            canvas.text(part, x, y, body, INK, false, false);
            y += line;
        }
        List<MapStyle.LegendClass> classes = page.style().legend();
        for (int i = 0; i < classes.size(); i++) {
            canvas.fill(new Rectangle2D.Double(x, y - body * 0.95, 2.4 * unit, body * 1.15), Color.decode(classes.get(i).color()));
            canvas.stroke(new Rectangle2D.Double(x, y - body * 0.95, 2.4 * unit, body * 1.15), BORDER, (float) (0.08 * unit));
            // A long label (English, a unit, a district count) wraps beside its swatch rather than leaving the box.
            y = besideMark(legend.classLabels().get(i), x, y, width, body, line);
        }
        if (page.style().values().size() < page.districts().size()) {
            canvas.fill(new Rectangle2D.Double(x, y - body * 0.95, 2.4 * unit, body * 1.15), NO_DATA);
            y = besideMark(legend.noData(), x, y, width, body, line);
        }
        return y + line * 0.4;
    }

    /** The point layers' symbols, the weak ring and the aggregate disc. @return the y below */
    private double drawSymbols(PageContent.Legend legend, double x, double top, double width, float body, double line) {
        double y = top;
        for (Map.Entry<String, String> layer : legend.layerNames().entrySet()) {
            MapStyle.PointSymbol symbol = PageDrawing.symbol(layer.getKey());
            double size = 1.3 * unit;
            // Contact points are badges on their organisations (see drawBadge), so the legend shows a badge.
            String shape = layer.getKey().equals("contact-points") ? "circle" : symbol.shape();
            canvas.fill(PageDrawing.shape(shape, x + 1.2 * unit, y - body * 0.35, size), Color.decode(symbol.color()));
            y = besideMark(layer.getValue(), x, y, width, body, line);
        }
        if (!legend.layerNames().isEmpty()) {
            double r = 0.75 * unit;
            canvas.stroke(new Ellipse2D.Double(x + 1.2 * unit - r, y - body * 0.35 - r, 2 * r, 2 * r),
                    Color.decode(page.style().weakRing()), (float) (0.3 * unit));
            y = besideMark(legend.weak(), x, y, width, body, line);
        }
        if (legend.cluster() != null) {
            double r = 0.75 * unit;
            canvas.fill(new Ellipse2D.Double(x + 1.2 * unit - r, y - body * 0.35 - r, 2 * r, 2 * r), SECONDARY);
            y = besideMark(legend.cluster(), x, y, width, body, line);
        }
        return y;
    }

    /** A legend line's text beside its mark, wrapped inside the panel. @return the y below it */
    private double besideMark(String text, double x, double top, double width, float body, double line) {
        double y = top;
        for (String part : wrap(canvas, text, body, width - 3.2 * unit)) {
            canvas.text(part, x + 3.2 * unit, y, body, INK, false, false);
            y += line;
        }
        return y;
    }

    private void drawTable(double x, double top, double width, double bottom) {
        List<PageContent.TableRow> rows = page.table();
        if (rows.isEmpty()) {
            return;
        }
        float heading = (float) (1.8 * unit);
        canvas.text(page.tableTitle(), x, top + heading, heading, INK, true, false);
        double y = top + heading * 2.1;
        // Rows share what height is left; the text never gets larger than the legend's.
        double rowHeight = Math.min(1.5 * unit * 1.5, (bottom - y) / rows.size());
        float size = (float) Math.max(rowHeight / 1.35, 0.9 * unit);
        // The extra column (rank, "since when") is as wide as its longest text in its section of the table (a row
        // with neither value nor extra, as "weak or rectifying (3)", starts a section), up to 60 % of the table;
        // the value sits left of it and the name takes what is left: the three never run into each other.
        double[] extraWidths = new double[rows.size()];
        int start = 0;
        for (int i = 0; i <= rows.size(); i++) {
            if (i == rows.size() || (rows.get(i).value().isEmpty() && rows.get(i).extra().isEmpty())) {
                double widest = 0;
                for (int j = start; j < i; j++) {
                    widest = Math.max(widest, canvas.textWidth(rows.get(j).extra(), size, false));
                }
                for (int j = start; j < i; j++) {
                    extraWidths[j] = Math.min(0.6 * width, widest);
                }
                start = i + 1;
            }
        }
        double gap = unit;
        for (int i = 0; i < rows.size(); i++) {
            PageContent.TableRow row = rows.get(i);
            double extraWidth = extraWidths[i];
            y += rowHeight;
            if (y > bottom + 0.5 * unit) {
                break;
            }
            double valueRight = x + width - (row.extra().isEmpty() || extraWidth == 0 ? 0 : extraWidth + gap);
            String value = fit(row.value(), size, row.emphasis(), Math.max(valueRight - x, unit) / 2);
            double valueWidth = canvas.textWidth(value, size, row.emphasis());
            String name = fit(row.name(), size, row.emphasis(), valueRight - valueWidth - gap - x);
            canvas.text(name, x, y, size, INK, row.emphasis(), false);
            canvas.text(value, valueRight - valueWidth, y, size, INK, row.emphasis(), false);
            if (!row.extra().isEmpty()) {
                String extra = fit(row.extra(), size, false, extraWidth);
                canvas.text(extra, x + width - canvas.textWidth(extra, size, false), y, size, SECONDARY, false, false);
            }
        }
    }

    private String fit(String text, float size, boolean bold, double width) {
        if (canvas.textWidth(text, size, bold) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && canvas.textWidth(cut + "…", size, bold) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Breaks a line where it would run past the width (between any two characters: Chinese has no spaces). */
    static List<String> wrap(Canvas canvas, String text, float size, double width) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (canvas.textWidth(rest, size, false) > width && rest.length() > 1) {
            int end = rest.length();
            while (end > 1 && canvas.textWidth(rest.substring(0, end), size, false) > width) {
                end--;
            }
            int space = rest.lastIndexOf(' ', end);
            if (space > end / 2) {
                end = space;
            }
            out.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        out.add(rest);
        return out;
    }
}
