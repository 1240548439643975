package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Which dataset to load at start-up, if any (JIUQUAN_DEMO_DATA, JIUQUAN_DEMO_SCALE, JIUQUAN_DATA_DIR).
 *
 * @param dataDir a directory holding a dataset in the layout of geodata/ (your own data), or null for the
 *                demo dataset built into the application
 */
record DemoDataSettings(String mode, int scale, @Nullable Path dataDir) {

    DemoDataSettings {
        if (!mode.equals("auto") && !mode.equals("load") && !mode.equals("skip")) {
            throw new DatasetException("JIUQUAN_DEMO_DATA 应为 auto、load 或 skip / must be auto, load or skip, was '"
                    + mode + "'");
        }
        if (scale < 1 || scale > 1000) {
            throw new DatasetException("JIUQUAN_DEMO_SCALE 应在 1 到 1000 之间 / must be between 1 and 1000, was "
                    + scale);
        }
    }

    /** Reads the settings as text, so a malformed number gets our message rather than a conversion error. */
    static DemoDataSettings of(String mode, String scale, String dataDir) {
        Path dir = dataDir.isBlank() ? null : Path.of(dataDir.strip());
        if (dir != null && !Files.isDirectory(dir)) {
            throw new DatasetException("JIUQUAN_DATA_DIR 不是目录 / is not a directory: " + dir);
        }
        try {
            return new DemoDataSettings(mode.strip(), Integer.parseInt(scale.strip()), dir);
        } catch (NumberFormatException e) {
            throw new DatasetException("JIUQUAN_DEMO_SCALE 应为整数 / must be a whole number, was '" + scale + "'");
        }
    }

    boolean shouldLoad(boolean ownDatabase) {
        return mode.equals("load") || (mode.equals("auto") && ownDatabase);
    }

    /** Your files, or the committed demo at scale 1, or a generated demo (same seed, same inputs) above it. */
    Dataset dataset() {
        if (dataDir != null) {
            return DatasetFiles.read(dataDir.getFileName().toString(), DatasetFiles.Source.directory(dataDir));
        }
        DatasetFiles.Source source = DatasetFiles.Source.classpath();
        if (scale == 1) {
            return DatasetFiles.read("demo", source);
        }
        try {
            var districts = DatasetFiles.parseDistricts(text(source, DatasetFiles.DISTRICTS));
            var indicators = DatasetFiles.readIndicators(text(source, DatasetFiles.INDICATORS));
            var figures = SeedFigure.parse(text(source, DatasetFiles.SEED_FIGURES));
            return DemoDataGenerator.generate(scale, districts, indicators, figures, Divisions.read(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(DatasetFiles.Source source, String file) throws IOException {
        return new String(source.read(file), StandardCharsets.UTF_8);
    }
}
