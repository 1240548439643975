package org.jiuquan.grassroots.demodata;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: how long the demo dataset takes to generate and load at a scale factor, and how
 * long vector tiles and feature pages take to serve, over the app's own PostGIS on this machine.
 * Prints Markdown rows for the README. Run (see README, "Benchmarks"):
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.demodata.ServingBenchmark -Dexec.args="1 100 230"}
 */
public final class ServingBenchmark {

    private static final int RUNS = 7;
    /** Jiuquan city centre: tiles around it are the densest of the dataset. */
    private static final double LON = 98.494;
    private static final double LAT = 39.733;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String token = "";

    private ServingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] scales = args.length == 0 ? new int[] {1, 100} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| scale | points | generate | load | check | layer | z | tile ms (median of " + RUNS
                + ") | tile kB | aggregated |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int scale : scales) {
            run(scale);
        }
    }

    private static void run(int scale) throws Exception {
        long t0 = System.nanoTime();
        Dataset dataset = new DemoDataSettings("skip", scale, null).dataset();
        long generateMs = (System.nanoTime() - t0) / 1_000_000;
        long points = dataset.organisations().stream().filter(o -> !o.kind().equals("enterprise")
                && !o.kind().equals("social_org")).count() + dataset.contactPoints().size();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=skip", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-bench-"))) {
            long t1 = System.nanoTime();
            app.getBean(DatasetLoader.class).load(dataset);
            long loadMs = (System.nanoTime() - t1) / 1_000_000;
            String base = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
            token = app.getBean(ApiTokenService.class).issue("analyst", "benchmark");

            String villages = get(base + "/ogc/collections/villages/items?limit=1").body();
            boolean correct = villages.contains("\"numberMatched\":" + (434L * scale) + ",");
            String check = correct ? "434 x " + scale + " villages served" : "WRONG COUNT";

            for (String analysis : List.of("weak-clusters?period=2017Q2&distance_km=5&min_count=3",
                    "hot-spots?distance_km=5", "coverage-gaps?distance_km=5")) {
                String url = base + "/api/analysis/" + analysis;
                List<Double> times = new ArrayList<>();
                int status = 200;
                for (int i = 0; i < 3 && status == 200; i++) {
                    long s = System.nanoTime();
                    status = get(url).statusCode();
                    times.add((System.nanoTime() - s) / 1e6);
                }
                times.sort(Double::compare);
                System.out.printf(Locale.ROOT, "| x%d | analysis %s | %s |%n", scale, analysis, status == 200
                        ? String.format(Locale.ROOT, "%.0f ms (median of 3)", times.get(times.size() / 2))
                        : "refused after the 30 s limit (HTTP " + status + ")");
            }
            for (String layer : List.of("villages", "grid-branches", "contact-points")) {
                for (int z : new int[] {6, 8, 10, 12}) {
                    int x = (int) Math.floor((LON + 180) / 360 * (1 << z));
                    double lat = Math.toRadians(LAT);
                    int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << z));
                    String url = base + "/ogc/collections/" + layer + "/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x;
                    List<Double> times = new ArrayList<>();
                    byte[] tile = getBytes(url);
                    for (int i = 0; i < RUNS; i++) {
                        long s = System.nanoTime();
                        tile = getBytes(url);
                        times.add((System.nanoTime() - s) / 1e6);
                    }
                    times.sort(Double::compare);
                    boolean aggregated = new String(tile, StandardCharsets.ISO_8859_1).contains("aggregated");
                    System.out.printf(Locale.ROOT, "| x%d | %,d | %,d ms | %,d ms | %s | %s | %d | %.1f | %.1f | %s |%n",
                            scale, points, generateMs, loadMs, check, layer, z, times.get(RUNS / 2),
                            tile.length / 1024.0, aggregated ? "yes" : "no");
                }
            }
        }
    }

    /** As a GIS client calls the API: with an analyst's token (issued when the app has started). */
    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(request(url), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] getBytes(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request(url),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " gave " + response.statusCode());
        }
        return response.body();
    }
}
