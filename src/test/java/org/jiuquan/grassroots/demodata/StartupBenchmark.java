package org.jiuquan.grassroots.demodata;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.townships.TownshipAreas;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test: where the start-up load's time goes at a scale factor. Per scale, on a fresh
 * throwaway PostGIS: the app started without data, the demo dataset generated, loaded into the empty
 * database as the app does at start (every step of the loader timed), and the township areas built in the
 * background until they fit the data; then the app started afresh as JIUQUAN_DEMO_SCALE starts it (the demo
 * generated while PostGIS starts, then loaded). Prints Markdown rows with the machine's load average (from
 * /proc/loadavg, as uptime shows it) after each scale. Run from the project's root:
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.demodata.StartupBenchmark -Dexec.args="1 100 230"}
 * <p>While changing the loader, {@code -Dexec.args="100 loads=3"} generates once and loads the dataset three
 * times into the same database (each load empties it first, as at start-up), with no township areas and no
 * second start: the spread of the three shows how much a shared machine moved the figures.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loads = Arrays.stream(args).filter(a -> a.startsWith("loads=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("loads=".length()))).orElse(0);
        int[] scales = Arrays.stream(args).filter(a -> !a.startsWith("loads=")).mapToInt(Integer::parseInt).toArray();
        if (scales.length == 0) {
            scales = new int[] {1, 100};
        }
        System.out.println("| scale | step | ms | load average |");
        System.out.println("|---|---|---|---|");
        for (int scale : scales) {
            if (loads > 0) {
                loadRepeatedly(scale, loads);
            } else {
                run(scale);
            }
        }
    }

    /** Only the load, several times over one generated dataset (renamed each time, so none is skipped). */
    private static void loadRepeatedly(int scale, int loads) throws IOException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=skip", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-startup-bench-"))) {
            long t1 = System.nanoTime();
            Dataset dataset = new DemoDataSettings("skip", scale, null).dataset();
            row(scale, String.format(Locale.ROOT, "generate (%,d organisations, %,d contact points)",
                    dataset.organisations().size(), dataset.contactPoints().size()),
                    (System.nanoTime() - t1) / 1_000_000, loadAverage());
            DatasetLoader loader = app.getBean(DatasetLoader.class);
            for (int n = 1; n <= loads; n++) {
                Dataset renamed = new Dataset(dataset.name() + " #" + n, dataset.scale(), dataset.checksum() + "#" + n,
                        dataset.districts(), dataset.organisations(), dataset.statusChanges(), dataset.leaders(),
                        dataset.contactPoints(), dataset.indicators(), dataset.indicatorValues());
                long t2 = System.nanoTime();
                loader.load(renamed);
                long loadMs = (System.nanoTime() - t2) / 1_000_000;
                for (LoadSteps.Step step : loader.lastSteps().steps()) {
                    row(scale, "load " + n + ": " + step.name(), step.millis(), "");
                }
                row(scale, "**load " + n + "**", loadMs, loadAverage());
            }
        }
    }

    private static void run(int scale) throws IOException {
        String before = loadAverage();
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=skip", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-startup-bench-"))) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            row(scale, "app start without data (PostGIS, migrations; not part of the load)", startMs, before);
            long t1 = System.nanoTime();
            Dataset dataset = new DemoDataSettings("skip", scale, null).dataset();
            long generateMs = (System.nanoTime() - t1) / 1_000_000;
            row(scale, String.format(Locale.ROOT, "generate (%,d organisations, %,d contact points)",
                    dataset.organisations().size(), dataset.contactPoints().size()), generateMs, loadAverage());
            DatasetLoader loader = app.getBean(DatasetLoader.class);
            long t2 = System.nanoTime();
            loader.load(dataset);
            long loadMs = (System.nanoTime() - t2) / 1_000_000;
            for (LoadSteps.Step step : loader.lastSteps().steps()) {
                row(scale, "load: " + step.name(), step.millis(), "");
            }
            row(scale, "load", loadMs, loadAverage());
            TownshipAreas areas = app.getBean(TownshipAreas.class);
            long t3 = System.nanoTime();
            areas.rebuildInBackground();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50)).until(areas::current);
            long areasMs = (System.nanoTime() - t3) / 1_000_000;
            row(scale, "township areas (background, after the load)", areasMs, loadAverage());
            row(scale, "**generate + load**", generateMs + loadMs, "");
        }
        // As the app starts with JIUQUAN_DEMO_SCALE: PostGIS, migrations and the load, the demo generated
        // meanwhile (DemoDataStartup); ready when Spring has started, the township areas following.
        long t4 = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=auto", "--jiuquan.demo.scale=" + scale,
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-startup-bench-"))) {
            row(scale, "**app start with the demo loaded (JIUQUAN_DEMO_SCALE=" + scale + ")**",
                    (System.nanoTime() - t4) / 1_000_000, loadAverage());
        }
    }

    private static void row(int scale, String step, long millis, String loadAverage) {
        System.out.printf(Locale.ROOT, "| x%d | %s | %,d | %s |%n", scale, step, millis, loadAverage);
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
