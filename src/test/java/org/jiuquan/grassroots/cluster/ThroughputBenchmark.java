package org.jiuquan.grassroots.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: throughput and latency under many concurrent clients (wrk), through HAProxy in front of
 * one instance and of two instances sharing one PostGIS, side by side with a floor (the health endpoint through
 * the same proxy), and the cost of API token checks (the same mix with a session cookie). Needs {@code wrk} and
 * {@code haproxy} (Debian packages). Prints Markdown rows for docs/deploy.md. Run:
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.cluster.ThroughputBenchmark -Dexec.args="1 200 20"}
 * (demo data scale, concurrent connections, seconds per run).
 */
public final class ThroughputBenchmark {

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    /** What a dashboard and a GIS client ask for around Jiuquan city: tiles at several zooms and item pages. */
    private static final List<String> MIX = mix();

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = ThrowawayPostgis.newDirectory("jiuquan-throughput-");
        try (LocalPostgis primary = LocalPostgis.in(ThrowawayPostgis.newDirectory("jiuquan-throughput-db-"), null).start();
             ConfigurableApplicationContext a = start(primary, scale, "load");
             ConfigurableApplicationContext b = start(primary, scale, "skip");
             HaProxy one = HaProxy.over(Files.createDirectories(work.resolve("one")), List.of(port(a)));
             HaProxy two = HaProxy.over(Files.createDirectories(work.resolve("two")), List.of(port(a), port(b)))) {
            String token = "Authorization: Bearer " + a.getBean(ApiTokenService.class).issue("chief", "benchmark");
            String cookie = "Cookie: JSESSIONID=" + signIn(one.port());
            Path script = work.resolve("mix.lua");
            Files.writeString(script, luaScript(), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "x%d, %d connections, %d s per run, %d URLs in the mix%n%n", scale, connections, seconds, MIX.size());
            System.out.println("| run | requests/s | p50 ms | p99 ms | errors |");
            System.out.println("|---|---|---|---|---|");
            wrk("floor: /actuator/health, proxy + 1 instance", one.port(), null, null, connections, seconds);
            Result byCookie = wrk("mix with a session cookie, proxy + 1 instance", one.port(), script, cookie, connections, seconds);
            Result byToken = wrk("mix with an API token, proxy + 1 instance", one.port(), script, token, connections, seconds);
            wrk("mix with an API token, proxy + 2 instances", two.port(), script, token, connections, seconds);
            System.out.printf(Locale.ROOT, "%nAPI token checks cost %.1f %% of throughput against a session cookie%n",
                    100 * (1 - byToken.requestsPerSecond() / byCookie.requestsPerSecond()));
        }
    }

    record Result(double requestsPerSecond, double p50, double p99, long errors) {
    }

    private static Result wrk(String run, int port, Path script, String header, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add("http://127.0.0.1:" + port + (script == null ? "/actuator/health" : "/"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(seconds + 60L, TimeUnit.SECONDS);
        Result result = new Result(number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"),
                (long) (number(output, "Non-2xx or 3xx responses: ([0-9]+)") + number(output, "Socket errors: connect ([0-9]+)")));
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %d |%n", run, result.requestsPerSecond(), result.p50(),
                result.p99(), result.errors());
        return result;
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A latency percentile of wrk's distribution, in milliseconds (wrk prints us, ms or s). */
    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static List<String> mix() {
        List<String> paths = new ArrayList<>();
        String[] layers = {"villages", "grid-branches", "contact-points"};
        int[][] tiles = {{6, 24, 49}, {7, 48, 98}, {7, 48, 99}, {8, 97, 196}, {8, 97, 197}, {9, 194, 393}, {10, 389, 787}};
        for (String layer : layers) {
            for (int[] t : tiles) {
                paths.add("/ogc/collections/" + layer + "/tiles/WebMercatorQuad/" + t[0] + "/" + t[1] + "/" + t[2]);
            }
            for (int offset = 0; offset < 300; offset += 100) {
                paths.add("/ogc/collections/" + layer + "/items?limit=100&offset=" + offset);
            }
        }
        return paths;
    }

    private static String luaScript() {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        MIX.forEach(p -> lua.append("  \"").append(p).append("\",\n"));
        lua.append("""
                }
                local i = 0
                request = function()
                  i = i + 1
                  return wrk.format("GET", paths[(i % #paths) + 1])
                end
                """);
        return lua.toString();
    }

    /** Signs in through the sign-in form as a browser would; returns the session cookie's value. */
    private static String signIn(int port) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = META_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=chief&password=" + URLEncoder.encode("Strong-Admin-2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    private static ConfigurableApplicationContext start(LocalPostgis primary, int scale, String demoData) {
        return new SpringApplicationBuilder(Application.class).run("--server.port=0",
                "--spring.datasource.url=" + primary.jdbcUrl(), "--spring.datasource.username=" + primary.username(),
                "--spring.datasource.password=" + primary.password(), "--jiuquan.demo.mode=" + demoData,
                "--jiuquan.demo.scale=" + scale, "--logging.level.root=WARN",
                "--jiuquan.security.admin-username=chief", "--jiuquan.security.admin-password=Strong-Admin-2026",
                "--spring.main.banner-mode=off",
                "--jiuquan.audit.key-file=" + ThrowawayPostgis.newDirectory("jiuquan-bench-key-").resolve("audit-key"));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
    }
}
