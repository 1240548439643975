package org.jiuquan.grassroots.demodata;

import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

/** For benchmarks in other packages: the demo dataset at a scale, generated and loaded into a running app. */
public final class BenchmarkDatasets {

    private BenchmarkDatasets() {
    }

    /** Generates the dataset, loads it, and says how many map points it has and how long each step took. */
    public static String generateAndLoad(ConfigurableApplicationContext app, int scale) {
        long t0 = System.nanoTime();
        Dataset dataset = new DemoDataSettings("skip", scale, null).dataset();
        long generateMs = (System.nanoTime() - t0) / 1_000_000;
        long points = dataset.organisations().stream().filter(o -> !o.kind().equals("enterprise")
                && !o.kind().equals("social_org")).count() + dataset.contactPoints().size();
        long t1 = System.nanoTime();
        app.getBean(DatasetLoader.class).load(dataset);
        long loadMs = (System.nanoTime() - t1) / 1_000_000;
        return String.format(Locale.ROOT, "%,d points: generated in %,d ms, loaded in %,d ms", points, generateMs,
                loadMs);
    }
}
