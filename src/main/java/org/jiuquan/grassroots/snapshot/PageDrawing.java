package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.snapshot.SnapshotRepository.DistrictShape;
import org.jiuquan.grassroots.snapshot.SnapshotRepository.MapPoint;

/**
 * The print layout of a page: title and subtitle, the map (districts in their class colours, point
 * layers, labels, north arrow, scale bar), the side panel (legend, then a table), the footer and a faint
 * watermark. Sizes follow the page (a unit is a hundredth of its shorter side), so every size looks alike.
 */
final class PageDrawing {

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color SECONDARY = new Color(0x55, 0x55, 0x55);
    static final Color MAP_BACKGROUND = new Color(0xF2, 0xF4, 0xF5);
    static final Color NO_DATA = new Color(0xD9, 0xD9, 0xD9);
    static final Color BORDER = new Color(0x66, 0x66, 0x66);
    /** A district's fill when the district layer is off: the outlines stay, as the browser's base map. */
    static final Color PLAIN_DISTRICT = new Color(0xFA, 0xFA, 0xF7);

    private final Canvas canvas;
    private final PageContent page;
    private final double unit;
    private final double margin;
    /** What the map frames hold, for the tests that check no two of them overlap. */
    private final List<Rectangle2D> labelBoxes = new ArrayList<>();
    private final List<Ellipse2D> badgeDiscs = new ArrayList<>();

    /** A drawn page: the map's rectangle, the district labels' boxes and the contact-point badges. */
    record Drawn(Rectangle2D map, List<Rectangle2D> labels, List<Ellipse2D> badges) {
    }

    private PageDrawing(Canvas canvas, PageContent page) {
        this.canvas = canvas;
        this.page = page;
        this.unit = Math.min(page.size().width(), page.size().height()) / 100;
        this.margin = 4 * unit;
    }

    /** Draws the page; returns the map's rectangle on it (for tests and the benchmark's checks). */
    static Rectangle2D draw(Canvas canvas, PageContent page) {
        return drawn(canvas, page).map();
    }

    /** Draws the page; returns where its map, labels and badges went. */
    static Drawn drawn(Canvas canvas, PageContent page) {
        PageDrawing drawing = new PageDrawing(canvas, page);
        Rectangle2D map = drawing.draw();
        return new Drawn(map, List.copyOf(drawing.labelBoxes), List.copyOf(drawing.badgeDiscs));
    }

    private Rectangle2D draw() {
        double width = page.size().width();
        double height = page.size().height();
        // A long title or subtitle (a district's name, the indicator, the filters) shrinks to the page's width.
        float titleSize = fitting(page.title(), 3.4 * unit, true, width - 2 * margin);
        float subtitleSize = fitting(page.subtitle(), 1.7 * unit, false, width - 2 * margin);
        canvas.text(page.title(), margin, margin + titleSize, titleSize, INK, true, false);
        canvas.text(page.subtitle(), margin, margin + titleSize + 0.8 * unit + subtitleSize, subtitleSize, SECONDARY,
                false, false);
        double headerBottom = margin + titleSize + 0.8 * unit + subtitleSize + 1.6 * unit;

        float small = (float) (1.25 * unit);
        List<String> footer = wrapAll(page.footer(), small, width - 2 * margin);
        double footerTop = height - margin - footer.size() * small * 1.45;
        for (int i = 0; i < footer.size(); i++) {
            canvas.text(footer.get(i), margin, footerTop + (i + 1) * small * 1.45 - small * 0.3, small, SECONDARY,
                    false, false);
        }

        boolean landscape = width >= height;
        Rectangle2D map;
        Rectangle2D panel;
        if (landscape) {
            double panelWidth = Math.max(26 * unit, 0.25 * width);
            map = new Rectangle2D.Double(margin, headerBottom, width - 2 * margin - panelWidth - 2 * unit,
                    footerTop - headerBottom - 1.5 * unit);
            panel = new Rectangle2D.Double(map.getMaxX() + 2 * unit, headerBottom, panelWidth, map.getHeight());
        } else {
            double panelHeight = 0.27 * height;
            map = new Rectangle2D.Double(margin, headerBottom, width - 2 * margin,
                    footerTop - headerBottom - panelHeight - 2 * unit);
            panel = new Rectangle2D.Double(margin, map.getMaxY() + 1.5 * unit, width - 2 * margin, panelHeight);
        }
        PageContent.Comparison comparison = page.comparison();
        if (comparison == null) {
            drawMap(new MapFrame(map.getX(), map.getY(), map.getWidth(), map.getHeight(), page.extent3857()),
                    page.style(), page.points());
        } else {
            // The compared quarter left, the selected one right, as the map's swipe shows them.
            double gap = 1.5 * unit;
            double half = (map.getWidth() - gap) / 2;
            MapFrame left = new MapFrame(map.getX(), map.getY(), half, map.getHeight(), page.extent3857());
            MapFrame right = new MapFrame(map.getX() + half + gap, map.getY(), half, map.getHeight(), page.extent3857());
            drawMap(left, comparison.style(), comparison.points());
            drawMap(right, page.style(), page.points());
            drawQuarterLabel(left, comparison.leftLabel());
            drawQuarterLabel(right, comparison.rightLabel());
        }
        new PagePanel(canvas, page, unit).draw(panel, landscape);
        canvas.watermark(page.watermark(), map.getCenterX(), map.getCenterY(), (float) (3.2 * unit), -28,
                new Color(0x60, 0x60, 0x60), 0.13f);
        return map;
    }

    /** The size, at most {@code size}, at which the text fits the width (never below 60 % of it). */
    private float fitting(String text, double size, boolean bold, double width) {
        double measured = canvas.textWidth(text, (float) size, bold);
        return (float) (measured <= width ? size : Math.max(size * 0.6, size * width / measured));
    }

    // ---- the map ----

    /** The quarter a half of a side-by-side page shows, on a plate at its top left. */
    private void drawQuarterLabel(MapFrame frame, String label) {
        float size = (float) (2.0 * unit);
        double width = canvas.textWidth(label, size, true) + 1.6 * unit;
        canvas.fill(new Rectangle2D.Double(frame.x, frame.y, width, size * 1.7), Color.WHITE);
        canvas.text(label, frame.x + 0.8 * unit, frame.y + size * 1.2, size, INK, true, false);
    }

    private void drawMap(MapFrame frame, MapStyle style, Map<String, List<MapPoint>> points) {
        Rectangle2D box = new Rectangle2D.Double(frame.x, frame.y, frame.width, frame.height);
        canvas.clip(frame.x, frame.y, frame.width, frame.height);
        canvas.fill(box, MAP_BACKGROUND);
        float outline = (float) (0.12 * unit);
        for (DistrictShape district : page.districts()) {
            Path2D path = frame.toPath(district.outline());
            String colour = page.choropleth() ? style.districtColors().get(district.code()) : null;
            canvas.fill(path, colour != null ? Color.decode(colour) : page.choropleth() ? NO_DATA : PLAIN_DISTRICT);
            canvas.stroke(path, Color.WHITE, outline * 3);
            canvas.stroke(path, BORDER, outline);
        }
        for (DistrictShape district : page.districts()) {
            if (district.code().equals(page.selectedDistrict())) {
                canvas.stroke(frame.toPath(district.outline()), INK, (float) (0.5 * unit));
            }
        }
        PageContent.Overlay overlay = page.overlay();
        if (overlay != null) {
            for (PageContent.Area area : overlay.areas()) {
                Path2D path = frame.toPath(area.outline3857());
                canvas.fill(path, new Color(area.colour().getRed(), area.colour().getGreen(), area.colour().getBlue(), 64));
                canvas.stroke(path, area.colour(), (float) (0.25 * unit));
            }
        }
        // Names first in the layout (not on the page): the badges then keep clear of them.
        float labelSize = (float) (1.7 * unit);
        List<DistrictLabels.Placed> labels = DistrictLabels.layout(canvas, page, frame, labelSize,
                List.of(northArrowBox(frame), scaleBarBox(frame)), 0.3 * unit);
        List<Rectangle2D> labelBoxes = labels.stream().map(DistrictLabels.Placed::box).toList();
        this.labelBoxes.addAll(labelBoxes);
        drawPoints(frame, points, labelBoxes);
        if (overlay != null) {
            double r = 0.75 * unit;
            for (PageContent.Spot spot : overlay.spots()) {
                Ellipse2D disc = new Ellipse2D.Double(frame.pageX(spot.x()) - r, frame.pageY(spot.y()) - r, 2 * r, 2 * r);
                canvas.fill(disc, spot.colour());
                canvas.stroke(disc, Color.WHITE, (float) (0.15 * unit));
            }
        }
        DistrictLabels.draw(canvas, labels, labelSize);
        drawNorthArrow(frame);
        drawScaleBar(frame);
        canvas.unclip();
        canvas.stroke(box, BORDER, (float) (0.15 * unit));
    }

    private void drawPoints(MapFrame frame, Map<String, List<MapPoint>> points, List<Rectangle2D> labels) {
        double symbolScale = unit / 8.1 * 0.75;
        Color ring = Color.decode(page.style().weakRing());
        List<BadgePlacement.Badge> badges = new ArrayList<>();
        for (Map.Entry<String, List<MapPoint>> layer : points.entrySet()) {
            MapStyle.PointSymbol symbol = symbol(layer.getKey());
            double size = symbol.size() * symbolScale;
            Color colour = Color.decode(symbol.color());
            for (MapPoint point : layer.getValue()) {
                double x = frame.pageX(point.x());
                double y = frame.pageY(point.y());
                if (point.aggregated()) {
                    continue; // drawn by CountGrid, below
                }
                if (layer.getKey().equals("contact-points")) {
                    badges.add(new BadgePlacement.Badge(x, y, size, point.count()));
                    continue;
                }
                var shape = shape(symbol.shape(), x, y, size);
                canvas.fill(shape, colour);
                canvas.stroke(shape, Color.WHITE, (float) (size * 0.12));
                if (point.weak()) {
                    canvas.stroke(new Ellipse2D.Double(x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8), ring,
                            (float) (size * 0.22));
                }
            }
        }
        CountGrid.draw(canvas, frame, points, CountGrid.cellMetres(page.extent3857(), page.size()), symbolScale, ring);
        // Badges over the symbols, placed so that none covers another or a name (BadgePlacement).
        if (!badges.isEmpty()) {
            Color badgeColour = Color.decode(symbol("contact-points").color());
            double radius = badgeRadius(symbolScale);
            for (BadgePlacement.Placed badge : BadgePlacement.place(badges, radius, labels)) {
                drawBadge(badge.x(), badge.y(), badge.count(), badgeColour, symbolScale);
                badgeDiscs.add(new Ellipse2D.Double(badge.x() - radius, badge.y() - radius, 2 * radius, 2 * radius));
            }
        }
        MapPoint selected = page.selectedPoint();
        if (selected != null) {
            double r = 2.2 * unit;
            canvas.stroke(new Ellipse2D.Double(frame.pageX(selected.x()) - r, frame.pageY(selected.y()) - r, 2 * r, 2 * r),
                    INK, (float) (0.4 * unit));
        }
    }

    /**
     * An organisation's contact leaders as the browser draws them: a small disc up and to the right of the
     * organisation's symbol (never on it), holding the number of leaders.
     */
    private void drawBadge(double x, double y, int leaders, Color colour, double symbolScale) {
        double radius = 6 * symbolScale;
        Ellipse2D disc = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        canvas.fill(disc, colour);
        canvas.stroke(disc, Color.WHITE, (float) (1.5 * symbolScale));
        String count = String.valueOf(leaders);
        // Joined badges may count into two digits and more: the type shrinks to stay inside the disc.
        float size = (float) Math.min(8.5 * symbolScale, radius * 2.6 / Math.max(1, count.length()));
        canvas.text(count, x - canvas.textWidth(count, size, true) / 2, y + size / 3, size, Color.WHITE, true, false);
    }

    /** A badge's reach: its white edge is stroked on the outline, half outside; counted in, badges never touch. */
    private static double badgeRadius(double symbolScale) {
        return 6 * symbolScale + 0.75 * symbolScale;
    }

    static java.awt.Shape shape(String kind, double x, double y, double size) {
        double h = size / 2;
        return switch (kind) {
            case "square" -> new Rectangle2D.Double(x - h * 0.9, y - h * 0.9, size * 0.9, size * 0.9);
            case "triangle" -> {
                Path2D.Double triangle = new Path2D.Double();
                triangle.moveTo(x, y - h);
                triangle.lineTo(x + h, y + h * 0.8);
                triangle.lineTo(x - h, y + h * 0.8);
                triangle.closePath();
                yield triangle;
            }
            case "diamond" -> {
                Path2D.Double diamond = new Path2D.Double();
                diamond.moveTo(x, y - h);
                diamond.lineTo(x + h, y);
                diamond.lineTo(x, y + h);
                diamond.lineTo(x - h, y);
                diamond.closePath();
                yield diamond;
            }
            case "pentagon" -> {
                Path2D.Double pentagon = new Path2D.Double();
                for (int i = 0; i < 5; i++) {
                    double angle = -Math.PI / 2 + i * 2 * Math.PI / 5;
                    if (i == 0) {
                        pentagon.moveTo(x + h * Math.cos(angle), y + h * Math.sin(angle));
                    } else {
                        pentagon.lineTo(x + h * Math.cos(angle), y + h * Math.sin(angle));
                    }
                }
                pentagon.closePath();
                yield pentagon;
            }
            default -> new Ellipse2D.Double(x - h, y - h, size, size);
        };
    }

    static MapStyle.PointSymbol symbol(String layer) {
        return MapStyle.POINTS.stream().filter(p -> p.layer().equals(layer)).findFirst().orElseThrow();
    }

    /** The north arrow's white plate (arrow and letter inside), at the map's top right. */
    private Rectangle2D northArrowBox(MapFrame frame) {
        double size = 3.2 * unit;
        double cx = frame.x + frame.width - 2.5 * unit - size / 2;
        double top = frame.y + 2 * unit;
        return new Rectangle2D.Double(cx - size * 0.7, top - 0.5 * unit, size * 1.4, size * 1.9);
    }

    private void drawNorthArrow(MapFrame frame) {
        double size = 3.2 * unit;
        double cx = frame.x + frame.width - 2.5 * unit - size / 2;
        double top = frame.y + 2 * unit;
        canvas.fill(northArrowBox(frame), new Color(255, 255, 255, 210));
        Path2D.Double left = new Path2D.Double();
        left.moveTo(cx, top);
        left.lineTo(cx - size / 3, top + size);
        left.lineTo(cx, top + size * 0.78);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(cx, top);
        right.lineTo(cx + size / 3, top + size);
        right.lineTo(cx, top + size * 0.78);
        right.closePath();
        canvas.fill(left, INK);
        canvas.fill(right, Color.WHITE);
        canvas.stroke(right, INK, (float) (0.1 * unit));
        float letter = (float) (1.5 * unit);
        String north = page.legend().north();
        canvas.text(north, cx - canvas.textWidth(north, letter, true) / 2, top + size + letter * 1.05, letter, INK,
                true, false);
    }

    /** The scale bar's length on the page, in metres: a round number near a fifth of the map's width. */
    private static double scaleBarMetres(MapFrame frame) {
        double target = frame.width / 5 * frame.metresPerPoint();
        double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        return target / magnitude >= 5 ? 5 * magnitude : target / magnitude >= 2 ? 2 * magnitude : magnitude;
    }

    /** The scale bar's white plate (bar and figures inside), at the map's bottom left. */
    private Rectangle2D scaleBarBox(MapFrame frame) {
        double length = scaleBarMetres(frame) / frame.metresPerPoint();
        double x = frame.x + 2 * unit;
        double y = frame.y + frame.height - 2.5 * unit;
        float label = (float) (1.3 * unit);
        return new Rectangle2D.Double(x - unit, y - label * 2 - unit, length + 8 * unit, label * 2 + 0.7 * unit + 2 * unit);
    }

    private void drawScaleBar(MapFrame frame) {
        double metresPerPoint = frame.metresPerPoint();
        double nice = scaleBarMetres(frame);
        double length = nice / metresPerPoint;
        double x = frame.x + 2 * unit;
        double y = frame.y + frame.height - 2.5 * unit;
        double barHeight = 0.7 * unit;
        float label = (float) (1.3 * unit);
        canvas.fill(scaleBarBox(frame), new Color(255, 255, 255, 210));
        canvas.fill(new Rectangle2D.Double(x, y, length / 2, barHeight), INK);
        canvas.fill(new Rectangle2D.Double(x + length / 2, y, length / 2, barHeight), Color.WHITE);
        canvas.stroke(new Rectangle2D.Double(x, y, length, barHeight), INK, (float) (0.1 * unit));
        String km = nice >= 1000 ? trim(nice / 1000) + " " + page.legend().kilometres() : trim(nice) + " m";
        canvas.text("0", x - canvas.textWidth("0", label, false) / 2, y - label * 0.5, label, INK, false, false);
        canvas.text(km, x + length - canvas.textWidth(km, label, false) / 2, y - label * 0.5, label, INK, false, false);
        canvas.stroke(new Line2D.Double(x, y - label * 0.3, x, y), INK, (float) (0.1 * unit));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The footer's lines, each broken where it would run past the width. */
    private List<String> wrapAll(List<String> lines, float size, double width) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.addAll(PagePanel.wrap(canvas, l, size, width)));
        return out;
    }
}
