package org.jiuquan.grassroots.snapshot;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open-licensed Chinese font every snapshot is set in, so Chinese never turns into boxes: WenQuanYi
 * Micro Hei (Debian's fonts-wqy-microhei, Apache 2.0; .ci/mvn installs it), or the file named in
 * JIUQUAN_FONT_FILE. A TrueType-outline font, so PDFBox embeds a subset of it and PDF text stays
 * selectable and searchable.
 */
@Component
public class CjkFont {

    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    private final @Nullable File file;
    private final @Nullable Font awtFont;

    CjkFont(@Value("${jiuquan.snapshot.font-file}") String configured) {
        this.file = find(configured).orElse(null);
        this.awtFont = file == null ? null : loadAwt(file);
        if (awtFont == null) {
            log.warn("No CJK font found (tried {} and JIUQUAN_FONT_FILE): snapshots are refused until one is installed "
                    + "(apt-get install fonts-wqy-microhei)", CANDIDATES);
        }
    }

    public boolean available() {
        return awtFont != null;
    }

    /** The font for Java2D, at a size in points. */
    Font awt(float size, boolean bold) {
        Font base = awtFont;
        if (base == null) {
            throw new IllegalStateException("no CJK font");
        }
        return base.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
    }

    /**
     * The font for one PDF document, embedded as a subset when the document is saved. The returned
     * collection must stay open until then; close it after saving.
     */
    Loaded loadInto(PDDocument document) throws IOException {
        File source = file;
        if (source == null) {
            throw new IllegalStateException("no CJK font");
        }
        if (source.getName().endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(source);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            return new Loaded(PDType0Font.load(document, first[0], true), collection);
        }
        return new Loaded(PDType0Font.load(document, source), null);
    }

    record Loaded(PDType0Font font, @Nullable TrueTypeCollection collection) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }

    private static Optional<File> find(String configured) {
        if (!configured.isBlank()) {
            File given = new File(configured);
            return given.isFile() ? Optional.of(given) : Optional.empty();
        }
        return CANDIDATES.stream().map(File::new).filter(File::isFile).findFirst();
    }

    private static @Nullable Font loadAwt(File file) {
        try {
            Font[] fonts = Font.createFonts(file);
            return fonts.length == 0 ? null : fonts[0];
        } catch (IOException | FontFormatException e) {
            log.warn("Cannot read font {}: {}", file, e.getMessage());
            return null;
        }
    }
}
