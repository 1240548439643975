package org.jiuquan.grassroots.snapshot;

import java.util.Arrays;
import java.util.Optional;

/**
 * The page sizes of a snapshot, in points (1/72 inch). The screen size is 1920 x 1080 pixels at 96 dpi
 * (a 16:9 slide); paper sizes are ISO A4 and A3.
 */
public enum PageSize {
    SCREEN("screen", 1440, 810),
    A4_LANDSCAPE("a4-landscape", 841.89, 595.28),
    A4_PORTRAIT("a4-portrait", 595.28, 841.89),
    A3_LANDSCAPE("a3-landscape", 1190.55, 841.89),
    A3_PORTRAIT("a3-portrait", 841.89, 1190.55);

    private final String code;
    private final double width;
    private final double height;

    PageSize(String code, double width, double height) {
        this.code = code;
        this.width = width;
        this.height = height;
    }

    public String code() {
        return code;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The pixel width of a PNG at this resolution. */
    public int pixelWidth(int dpi) {
        return (int) Math.round(width * dpi / 72.0);
    }

    public int pixelHeight(int dpi) {
        return (int) Math.round(height * dpi / 72.0);
    }

    public static Optional<PageSize> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
