package org.jiuquan.grassroots.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.townships.TownshipAreas;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: how long the dashboard takes in headless Chromium from navigation to the map's
 * {@code rendered} signal, and from a zoom or pan to the next one, at each scale factor of the demo data.
 * Prints Markdown rows for the README. Run (see README, "Benchmarks"):
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.dashboard.DashboardRenderBenchmark -Dexec.args="1 100"}
 */
public final class DashboardRenderBenchmark {

    private static final int RUNS = 7;
    /** Zooms and pans a person makes around Jiuquan city: (lon, lat, zoom). */
    private static final double[][] MOVES = {{98.5, 39.75, 8}, {98.5, 39.75, 10}, {98.6, 39.8, 12}, {97.05, 40.3, 10},
            {95.8, 40.5, 9}, {94.7, 40.15, 11}, {96.5, 40.3, 7}};

    private DashboardRenderBenchmark() {
    }

    public static void main(String[] args) {
        int[] scales = args.length == 0 ? new int[] {1} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| scale | navigation to rendered, median (min-max) of " + RUNS
                + " | zoom or pan to rendered, median (max) of " + MOVES.length + " |");
        System.out.println("|---|---|---|");
        for (int scale : scales) {
            run(scale);
        }
    }

    private static void run(int scale) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.scale=" + scale, "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-render-bench-"));
             Browser browser = new Browser()) {
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
            String url = "http://localhost:" + port + "/";
            // The township areas are built in the background after a load (a few seconds at x1, longer at x100):
            // measured while they are built, navigation would share the CPU with a one-off job after start-up.
            long areasSince = System.nanoTime();
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).until(app.getBean(TownshipAreas.class)::current);
            System.out.printf("x%d: township areas current %.1f s after start%n", scale, (System.nanoTime() - areasSince) / 1e9);
            ChromeDriver driver = browser.signIn(port, "viewer");
            driver.get(url); // warm-up: JIT, caches, first bundle download
            waitRendered(driver);
            List<Double> navigation = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                driver.get(url);
                waitRendered(driver);
                navigation.add(Double.parseDouble(driver.findElement(By.tagName("geo-map")).getDomAttribute("data-rendered-at")));
            }
            List<Double> moves = new ArrayList<>();
            int timedOut = 0;
            for (double[] move : MOVES) {
                try {
                    Object ms = ((JavascriptExecutor) driver).executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            const map = document.querySelector('geo-map');
                            const t0 = performance.now();
                            map.addEventListener('rendered', () => done(performance.now() - t0), {once: true});
                            map.flyTo(arguments[0], arguments[1], arguments[2]);""", move[0], move[1], (int) move[2]);
                    moves.add(((Number) ms).doubleValue());
                } catch (org.openqa.selenium.ScriptTimeoutException e) {
                    // A move whose redraw never signals: counted and reported, not allowed to end the run.
                    timedOut++;
                }
            }
            if (moves.isEmpty()) {
                moves.add(Double.NaN);
            }
            navigation.sort(Double::compare);
            moves.sort(Double::compare);
            System.out.printf(Locale.ROOT, "| x%d | %.0f ms (%.0f-%.0f) | %.0f ms (%.0f)%s |%n", scale, navigation.get(RUNS / 2),
                    navigation.get(0), navigation.get(RUNS - 1), moves.get(moves.size() / 2), moves.get(moves.size() - 1),
                    timedOut == 0 ? "" : ", " + timedOut + " of " + MOVES.length + " never signalled");
        }
    }

    private static void waitRendered(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("geo-map[rendered]")).isEmpty());
    }
}
