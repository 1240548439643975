package org.jiuquan.grassroots.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.Browser;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: how long the sign-in page takes in headless Chromium from navigation start to
 * the moment a person can see the form (the user-name field laid out with a size), with a cold browser
 * cache (a first visit) and a warm one (the next morning), and what the browser had fetched by then
 * (requests and bytes over the wire, from the Resource Timing entries), and when Vaadin's own login
 * form, which replaces the page's early form (EarlySignInForm), was drawn. Prints Markdown rows for the
 * README, with the machine's load average (the machine is shared). Run (README, "Benchmarks"):
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.security.SignInPageBenchmark}
 */
public final class SignInPageBenchmark {

    private static final int RUNS = 9;

    /**
     * Installed before the page's own scripts: watches, every frame from navigation start, for the
     * user-name field to be laid out with a size, then keeps the time since navigation start and what had
     * been fetched by then (requests, bytes over the wire) in {@code window.signInVisible}.
     */
    private static final String WATCH = """
            (() => {
              function check() {
                const input = document.querySelector("input[name='username']");
                const box = input ? input.getBoundingClientRect() : null;
                if (box && box.width > 0 && box.height > 0 && getComputedStyle(input).visibility !== 'hidden') {
                  const now = performance.now();
                  const resources = performance.getEntriesByType('resource').filter(r => r.responseEnd <= now);
                  const nav = performance.getEntriesByType('navigation')[0];
                  const bytes = resources.reduce((sum, r) => sum + r.transferSize, nav ? nav.transferSize : 0);
                  window.signInVisible = [now, resources.length + 1, bytes,
                      resources.map(r => `${r.name} ${r.transferSize} B, ${Math.round(r.responseEnd)} ms`).join('\\n')];
                } else {
                  requestAnimationFrame(check);
                }
              }
              requestAnimationFrame(check);
              function vaadin() {
                const input = document.querySelector("vaadin-login-form input[name='username']");
                const box = input ? input.getBoundingClientRect() : null;
                if (box && box.width > 0 && box.height > 0) {
                  window.vaadinSignIn = performance.now();
                } else {
                  requestAnimationFrame(vaadin);
                }
              }
              requestAnimationFrame(vaadin);
            })();""";

    private SignInPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-signin-bench-"))) {
            String url = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port") + "/login";
            System.out.println("| cache | navigation to sign-in form visible, median (min-max) of " + RUNS
                    + " | requests before visible | bytes before visible | Vaadin's form drawn, median"
                    + " | load average (1 min) |");
            System.out.println("|---|---|---|---|---|---|");
            String fetched = measure(url, false);
            measure(url, true);
            System.out.println();
            System.out.println("Fetched before the form was visible (last cold run):");
            System.out.println(fetched);
        }
    }

    /** @return what the last run had fetched before the form was visible, one line per request */
    private static String measure(String url, boolean warm) throws Exception {
        List<double[]> runs = new ArrayList<>();
        List<Double> vaadin = new ArrayList<>();
        String fetched = "";
        for (int i = 0; i < RUNS + 1; i++) {
            // A cold run gets a fresh browser (empty cache, no session); a warm run reuses one that has
            // loaded the page before, as a person's browser would the next time.
            try (Browser browser = new Browser()) {
                ChromeDriver driver = browser.driver();
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
                if (warm) {
                    driver.get(url);
                    visible(driver);
                    driver.manage().deleteAllCookies();
                }
                driver.get(url);
                List<?> run = visible(driver);
                if (i > 0) { // the first run warms the server's JIT
                    runs.add(new double[] {number(run.get(0)), number(run.get(1)), number(run.get(2))});
                    fetched = String.valueOf(run.get(3));
                    vaadin.add(number(new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                            d -> ((JavascriptExecutor) d).executeScript("return window.vaadinSignIn"))));
                }
            }
        }
        runs.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = runs.get(runs.size() / 2);
        vaadin.sort(Double::compare);
        System.out.printf(Locale.ROOT, "| %s | %.0f ms (%.0f-%.0f) | %.0f | %,.0f kB | %.0f ms | %s |%n",
                warm ? "warm" : "cold", median[0], runs.getFirst()[0], runs.getLast()[0], median[1], median[2] / 1024,
                vaadin.get(vaadin.size() / 2), loadAverage());
        return fetched;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static List<?> visible(ChromeDriver driver) {
        return (List<?>) new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> ((JavascriptExecutor) d).executeScript("return window.signInVisible"));
    }

    private static String loadAverage() throws Exception {
        Path file = Path.of("/proc/loadavg");
        return Files.exists(file) ? Files.readString(file).split(" ")[0] : "?";
    }

}
