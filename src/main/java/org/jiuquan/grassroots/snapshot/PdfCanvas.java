package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * A PDF page: every shape a vector path and every text real text in the embedded font (so it can be
 * selected and searched). The page is flipped once so the layout's top-left coordinates hold.
 */
final class PdfCanvas implements Canvas {

    private final PDPageContentStream stream;
    private final PDType0Font font;

    PdfCanvas(PDPageContentStream stream, PDType0Font font, double pageHeight) {
        this.stream = stream;
        this.font = font;
        run(() -> stream.transform(new Matrix(1, 0, 0, -1, 0, (float) pageHeight)));
    }

    @Override
    public void fill(Shape shape, Color color) {
        run(() -> {
            stream.setNonStrokingColor(color);
            path(shape);
            if (windingRule(shape) == PathIterator.WIND_EVEN_ODD) {
                stream.fillEvenOdd();
            } else {
                stream.fill();
            }
        });
    }

    @Override
    public void stroke(Shape shape, Color color, float width) {
        run(() -> {
            stream.setStrokingColor(color);
            stream.setLineWidth(width);
            stream.setLineJoinStyle(1);
            stream.setLineCapStyle(1);
            path(shape);
            stream.stroke();
        });
    }

    @Override
    public void text(String text, double x, double y, float size, Color color, boolean bold, boolean halo) {
        if (text.isEmpty()) {
            return;
        }
        run(() -> {
            if (halo) {
                show(text, x, y, size, RenderingMode.STROKE, Color.WHITE, size / 4f);
            }
            // Bold is drawn as fill and a thin stroke of the same colour: one embedded font serves both.
            show(text, x, y, size, bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL, color, size / 30f);
        });
    }

    private void show(String text, double x, double y, float size, RenderingMode mode, Color color, float lineWidth)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setRenderingMode(mode);
        stream.setNonStrokingColor(color);
        stream.setStrokingColor(color);
        stream.setLineWidth(lineWidth);
        // Flip the glyphs back, the page being flipped.
        stream.setTextMatrix(new Matrix(1, 0, 0, -1, (float) x, (float) y));
        stream.showText(text);
        stream.endText();
    }

    @Override
    public double textWidth(String text, float size, boolean bold) {
        try {
            return font.getStringWidth(text) / 1000.0 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void watermark(String text, double centreX, double centreY, float size, double degrees, Color color,
                          float alpha) {
        run(() -> {
            stream.saveGraphicsState();
            PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(alpha);
            faint.setStrokingAlphaConstant(alpha);
            stream.setGraphicsStateParameters(faint);
            stream.transform(Matrix.getTranslateInstance((float) centreX, (float) centreY));
            stream.transform(Matrix.getRotateInstance(Math.toRadians(degrees), 0, 0));
            show(text, -textWidth(text, size, false) / 2, size / 3.0, size, RenderingMode.FILL, color, 0);
            stream.restoreGraphicsState();
        });
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        run(() -> {
            stream.saveGraphicsState();
            stream.addRect((float) x, (float) y, (float) width, (float) height);
            stream.clip();
        });
    }

    @Override
    public void unclip() {
        run(stream::restoreGraphicsState);
    }

    private void path(Shape shape) throws IOException {
        double[] c = new double[6];
        double lastX = 0;
        double lastY = 0;
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    stream.moveTo((float) c[0], (float) c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    stream.lineTo((float) c[0], (float) c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // A quadratic curve as the cubic PDF draws.
                    stream.curveTo((float) (lastX + 2 * (c[0] - lastX) / 3), (float) (lastY + 2 * (c[1] - lastY) / 3),
                            (float) (c[2] + 2 * (c[0] - c[2]) / 3), (float) (c[3] + 2 * (c[1] - c[3]) / 3),
                            (float) c[2], (float) c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    stream.curveTo((float) c[0], (float) c[1], (float) c[2], (float) c[3], (float) c[4], (float) c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> stream.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
    }

    private static int windingRule(Shape shape) {
        return shape instanceof Path2D path ? path.getWindingRule() : PathIterator.WIND_NON_ZERO;
    }

    @FunctionalInterface
    private interface PdfAction {
        void run() throws IOException;
    }

    private static void run(PdfAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
