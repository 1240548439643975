package org.jiuquan.grassroots.snapshot;

import org.jiuquan.grassroots.map.DashboardState;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot: the dashboard's view (indicator, period, classification, filters, layers, extent,
 * language), the selected feature, and the page.
 *
 * @param view      the dashboard state; a null bbox means the whole city
 * @param selection a district code or an organisation code to outline, or null
 * @param title     the page title; null: from the indicator and period
 * @param notes     a line of notes under the map, or null
 */
public record SnapshotRequest(DashboardState view, @Nullable String selection, PageSize size, int dpi,
                              Format format, @Nullable String title, @Nullable String notes) {

    public static final int MIN_DPI = 72;
    public static final int MAX_DPI = 300;
    public static final int MAX_TITLE = 80;
    public static final int MAX_NOTES = 400;

    public enum Format {
        PNG("image/png", "png"), PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }
}
