/**
 * Map snapshots for reports and meetings, rendered on the server from PostGIS and the same style the
 * browser map uses: PNG (Java2D) and vector PDF (PDFBox, embedded CJK font) of a dashboard view with a
 * print layout (title, legend, scale bar, north arrow, source, watermark); per-district meeting packs;
 * and the saved views (bookmarks) that make up a meeting's slide show.
 */
@NullMarked
package org.jiuquan.grassroots.snapshot;

import org.jspecify.annotations.NullMarked;
