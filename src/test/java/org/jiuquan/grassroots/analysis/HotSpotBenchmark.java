package org.jiuquan.grassroots.analysis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.demodata.BenchmarkDatasets;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: hot spots (Getis-Ord Gi*, 5 km band) side by side with the raw floor, one run per
 * scale. Per scale it prints:
 * <ul>
 * <li>the raw floor: one plain aggregate over JDBC that reads every village's and grid branch's value and
 * position once (count, sums of the value, its square and the coordinates), which any Gi* must at least do;</li>
 * <li>the binned path's own cell aggregate ({@link AnalysisRepository#HOT_SPOT_CELLS}) alone, over JDBC;</li>
 * <li>the map's request {@code /api/analysis/hot-spots} over HTTP: cold (a distance not asked before, so the
 * run is computed; median of 3), cached (the same distance again; median of 5) and revalidated (the same request
 * with the ETag of the bytes it got, answered 304; median of 5), with the response's size
 * and how many features it holds;</li>
 * <li>the table's file {@code /api/analysis/export?analysis=hot-spots&format=csv}, cold: the run with the
 * organisations the table lists.</li>
 * </ul>
 * Run with the scale factors as arguments:
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.analysis.HotSpotBenchmark -Dexec.args="1 100 230"}.
 * Each scale gets a throwaway PostGIS, generated and loaded (x230 takes minutes); with
 * {@code -Dhotspots.db=DIR} each scale's database is kept in {@code DIR/x<scale>} and reused by the next run.
 */
public final class HotSpotBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FLOOR = "SELECT count(*), sum(CAST(fortress_index AS float8)), "
            + "sum(CAST(fortress_index AS float8) ^ 2), sum(ST_X(geom)), sum(ST_Y(geom)) FROM organisation WHERE "
            + OrganisationKind.branchSql("kind");

    private HotSpotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] scales = args.length == 0 ? new int[] {1, 100} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| scale | organisations | raw floor ms | cell aggregate ms | map cold ms | map cached ms "
                + "| map 304 ms | response MB | features | table file cold ms | table rows | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int scale : scales) {
            run(scale);
        }
    }

    private static void run(int scale) throws Exception {
        String kept = System.getProperty("hotspots.db");
        Path dir = kept == null ? ThrowawayPostgis.newDirectory("jiuquan-hotspot-bench-")
                : Files.createDirectories(Path.of(kept, "x" + scale));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=skip", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--jiuquan.localdb.dir=" + dir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long branches = jdbc.sql("SELECT count(*) FROM organisation WHERE " + OrganisationKind.branchSql("kind"))
                    .query(Long.class).single();
            if (branches != 1280L * scale) {
                String loaded = BenchmarkDatasets.generateAndLoad(app, scale);
                System.out.printf(Locale.ROOT, "| x%d | %s | | | | | | | | | | %s |%n", scale, loaded, loadAverage());
                branches = 1280L * scale;
            }
            String base = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
            String token = app.getBean(ApiTokenService.class).issue("analyst", "benchmark");
            // Warm-up: the JIT compiles the request path, PostgreSQL reads the table into its buffers.
            get(base + "/api/analysis/hot-spots?distance_km=4.5", token);
            get(base + "/api/analysis/export?analysis=hot-spots&distance_km=4.5&format=csv", token);
            timed(() -> jdbc.sql(FLOOR).query((rs, n) -> 1).list());

            double floor = median(3, () -> jdbc.sql(FLOOR).query((rs, n) -> 1).list());
            double cells = median(3, () -> new org.springframework.transaction.support.TransactionTemplate(
                    app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(status -> {
                        jdbc.sql(AnalysisRepository.NO_JIT).update();
                        jdbc.sql(AnalysisRepository.GROUPING_MEMORY).update();
                        return jdbc.sql(AnalysisRepository.HOT_SPOT_CELLS).param("cell", BinnedGetisOrd.cellSize(5000))
                                .query((rs, n) -> 1).list();
                    }));
            List<Double> cold = new ArrayList<>();
            byte[] body = new byte[0];
            for (String km : List.of("5", "5.001", "5.002")) {
                long s = System.nanoTime();
                body = get(base + "/api/analysis/hot-spots?distance_km=" + km, token);
                cold.add((System.nanoTime() - s) / 1e6);
            }
            String url = base + "/api/analysis/hot-spots?distance_km=5";
            double cached = median(5, () -> get(url, token));
            // A browser holding the bytes revalidates with their ETag and gets a 304 (measured: the same median of 5).
            String etag = response(url, token).headers().firstValue("ETag").orElse("");
            double revalidated = etag.isEmpty() ? Double.NaN
                    : median(5, () -> expect(304, url, response(url, token, "If-None-Match", etag)));
            int features = tools.jackson.databind.json.JsonMapper.shared().readTree(body).path("numberReturned").asInt();
            List<Double> table = new ArrayList<>();
            long rows = 0;
            for (String km : List.of("5.1", "5.101", "5.102")) {
                long s = System.nanoTime();
                byte[] csv = get(base + "/api/analysis/export?analysis=hot-spots&format=csv&distance_km=" + km, token);
                table.add((System.nanoTime() - s) / 1e6);
                rows = new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1;
            }
            System.out.printf(Locale.ROOT, "| x%d | %,d | %.0f | %.0f | %.0f | %.1f | %.1f | %.2f | %,d | %.0f | %,d | %s |%n",
                    scale, branches, floor, cells, middle(cold), cached, revalidated, body.length / 1048576.0, features,
                    middle(table), rows, loadAverage());
        }
    }

    private static byte[] get(String url, String token) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " gave " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static HttpResponse<byte[]> response(String url, String token, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static HttpResponse<byte[]> expect(int status, String url, HttpResponse<byte[]> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(url + " gave " + response.statusCode() + ", expected " + status);
        }
        return response;
    }

    private static double timed(Supplier<?> action) {
        long s = System.nanoTime();
        action.get();
        return (System.nanoTime() - s) / 1e6;
    }

    private static double median(int runs, Supplier<?> action) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(timed(action));
        }
        return middle(times);
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
