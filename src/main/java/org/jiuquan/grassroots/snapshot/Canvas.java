package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.awt.Shape;

/**
 * What a page is drawn on, in points from the top-left corner: a PNG (Java2D) or a PDF page (vector
 * paths and embedded text). The layout draws once, through this, for both.
 */
interface Canvas {

    void fill(Shape shape, Color color);

    void stroke(Shape shape, Color color, float width);

    /** Text with its baseline's left end at (x, y); a halo draws a white outline under it first. */
    void text(String text, double x, double y, float size, Color color, boolean bold, boolean halo);

    double textWidth(String text, float size, boolean bold);

    /** Faint text turned about its centre, for the watermark. */
    void watermark(String text, double centreX, double centreY, float size, double degrees, Color color, float alpha);

    /** Everything drawn until {@link #unclip()} stays inside the rectangle. */
    void clip(double x, double y, double width, double height);

    void unclip();
}
