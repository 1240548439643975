package org.jiuquan.grassroots.snapshot;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jiuquan.grassroots.snapshot.SnapshotRepository.DistrictShape;
import org.jspecify.annotations.Nullable;

/**
 * District names on a map, in the page's language. A long name (the English autonomous counties) breaks
 * into lines of at most about ten characters' width; LabelPlacement then gives every name a box that
 * overlaps no other name and none of the map's furniture. The selected district's name is placed first,
 * so on a district's page its own name stays on its point.
 */
final class DistrictLabels {

    /** One name as drawn: its lines and its box on the page. */
    record Placed(List<String> lines, Rectangle2D box) {
    }

    private DistrictLabels() {
    }

    static List<Placed> layout(Canvas canvas, PageContent page, MapFrame frame, float size, List<Rectangle2D> furniture,
                               double gap) {
        double lineHeight = lineHeight(size);
        List<DistrictShape> districts = new ArrayList<>(page.districts());
        districts.sort(Comparator.comparing((DistrictShape d) -> !d.code().equals(page.selectedDistrict())));
        List<List<String>> lines = new ArrayList<>();
        List<LabelPlacement.Label> labels = new ArrayList<>();
        for (DistrictShape district : districts) {
            double x = frame.pageX(district.labelX());
            double y = frame.pageY(district.labelY());
            if (x < frame.x || x > frame.x + frame.width || y < frame.y || y > frame.y + frame.height) {
                continue; // a neighbour off the map (a district's page): its name would mislead at the edge
            }
            String name = page.english() ? district.nameEn() : district.nameZh();
            List<String> nameLines = wrapBold(canvas, name, size, 10 * size);
            double width = nameLines.stream().mapToDouble(l -> canvas.textWidth(l, size, true)).max().orElse(0);
            lines.add(nameLines);
            labels.add(new LabelPlacement.Label(x, y, width, nameLines.size() * lineHeight));
        }
        Rectangle2D inside = new Rectangle2D.Double(frame.x + gap, frame.y + gap, frame.width - 2 * gap,
                frame.height - 2 * gap);
        List<@Nullable Rectangle2D> boxes = LabelPlacement.place(labels, inside, furniture, gap);
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Rectangle2D box = boxes.get(i);
            if (box != null) {
                placed.add(new Placed(lines.get(i), box));
            }
        }
        return placed;
    }

    static void draw(Canvas canvas, List<Placed> labels, float size) {
        double lineHeight = lineHeight(size);
        for (Placed label : labels) {
            for (int i = 0; i < label.lines().size(); i++) {
                String line = label.lines().get(i);
                double baseline = label.box().getY() + i * lineHeight + size;
                canvas.text(line, label.box().getCenterX() - canvas.textWidth(line, size, true) / 2, baseline, size,
                        PageDrawing.INK, true, true);
            }
        }
    }

    private static double lineHeight(float size) {
        return size * 1.2;
    }

    /** Breaks a bold label at spaces where a line would pass the width (Chinese names are short: one line). */
    private static List<String> wrapBold(Canvas canvas, String text, float size, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && canvas.textWidth(candidate, size, true) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
