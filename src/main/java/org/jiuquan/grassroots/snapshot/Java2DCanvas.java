package org.jiuquan.grassroots.snapshot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A PNG page: Java2D on an image whose pixels are points scaled by dpi / 72, antialiased. */
final class Java2DCanvas implements Canvas {

    private final Graphics2D g;
    private final CjkFont font;
    private final Shape unclipped;

    Java2DCanvas(BufferedImage image, double scale, CjkFont font) {
        this.font = font;
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
        this.unclipped = g.getClip();
    }

    @Override
    public void fill(Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
    }

    @Override
    public void stroke(Shape shape, Color color, float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    @Override
    public void text(String text, double x, double y, float size, Color color, boolean bold, boolean halo) {
        if (text.isEmpty()) {
            return;
        }
        TextLayout layout = new TextLayout(text, font.awt(size, bold), g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
        if (halo) {
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(size / 4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(color);
        g.fill(outline);
    }

    @Override
    public double textWidth(String text, float size, boolean bold) {
        if (text.isEmpty()) {
            return 0;
        }
        return new TextLayout(text, font.awt(size, bold), g.getFontRenderContext()).getAdvance();
    }

    @Override
    public void watermark(String text, double centreX, double centreY, float size, double degrees, Color color,
                          float alpha) {
        AffineTransform saved = g.getTransform();
        Composite composite = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.rotate(Math.toRadians(degrees), centreX, centreY);
        text(text, centreX - textWidth(text, size, false) / 2, centreY + size / 3, size, color, false, false);
        g.setComposite(composite);
        g.setTransform(saved);
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        g.clip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void unclip() {
        g.setClip(unclipped);
    }

    void dispose() {
        g.dispose();
    }
}
