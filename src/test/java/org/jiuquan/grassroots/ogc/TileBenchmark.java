package org.jiuquan.grassroots.ogc;

import java.io.IOException;
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

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.demodata.BenchmarkDatasets;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: vector tiles side by side with the raw floor, in one run per scale. For each point
 * layer and zoom it prints the server time of a cached tile, of a cold one (the tile cache emptied before each
 * request) with the server's own split of it (Server-Timing, TileTiming), the raw floor (the same points as
 * one plain ST_AsMVT statement over JDBC, never aggregated, as psql would run it), their ratio, the 95th
 * percentile of the cold times and the largest tile. Zooms up to 9 take every tile over Jiuquan; higher zooms
 * the 3 x 3 tiles around the city centre, the densest.
 * Run with the scale factors as arguments (x230 takes several minutes to load):
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.ogc.TileBenchmark -Dexec.args="1 100 230"}
 */
public final class TileBenchmark {

    private static final int CACHED_RUNS = 5;
    private static final int COLD_RUNS = 3;
    /** Jiuquan city centre, and the extent of the data. */
    private static final double LON = 98.494;
    private static final double LAT = 39.733;
    private static final double WEST = 92.8;
    private static final double EAST = 100.3;
    private static final double SOUTH = 38.1;
    private static final double NORTH = 42.9;
    private static final int[] ZOOMS = {6, 7, 8, 9, 10, 12, 14};
    private static final List<Collection> LAYERS = List.of(Collection.VILLAGES, Collection.GRID_BRANCHES,
            Collection.CONTACT_POINTS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] scales = args.length == 0 ? new int[] {1, 100} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| scale | layer | z | tiles | cached ms | cold ms | raw floor ms | cold / raw | cold p95 ms "
                + "| max tile kB | cold server: filters / version / tile / total ms | load average |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int scale : scales) {
            run(scale);
        }
    }

    private static void run(int scale) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=skip", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-tile-bench-"))) {
            String loaded = BenchmarkDatasets.generateAndLoad(app, scale);
            System.out.printf(Locale.ROOT, "| x%d | %s | | | | | | | | | | %s |%n", scale, loaded, loadAverage());
            String base = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
            String token = app.getBean(ApiTokenService.class).issue("analyst", "benchmark");
            TileCache cache = app.getBean(TileCache.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // A warm-up of the same kind, cold and cached, so the first rows carry neither the JIT compiling the
            // request path nor the cached path's first calls.
            for (Collection layer : LAYERS) {
                for (int[] tile : tiles(10)) {
                    cache.clear();
                    String url = base + "/ogc/collections/" + layer.id() + "/tiles/WebMercatorQuad/10/" + tile[1] + "/"
                            + tile[0];
                    get(url, token);
                    for (int i = 0; i < CACHED_RUNS * 4; i++) {
                        get(url, token);
                    }
                    rawFloor(jdbc, layer, 10, tile[0], tile[1]);
                }
            }
            // The first rows printed used to carry the cached path's first calls at the low zooms: a pass unprinted.
            for (int z : new int[] {6, 7, 8}) {
                measure(scale, LAYERS.get(0), z, base, token, cache, jdbc, false);
            }
            for (Collection layer : LAYERS) {
                for (int z : ZOOMS) {
                    measure(scale, layer, z, base, token, cache, jdbc, true);
                }
            }
            hotSpots(scale, base, token);
        }
    }

    private static void measure(int scale, Collection layer, int z, String base, String token, TileCache cache,
                                JdbcClient jdbc, boolean print) throws IOException, InterruptedException {
        List<int[]> tiles = tiles(z);
        List<Double> cached = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<double[]> split = new ArrayList<>();
        int maxBytes = 0;
        for (int[] tile : tiles) {
            String url = base + "/ogc/collections/" + layer.id() + "/tiles/WebMercatorQuad/" + z + "/" + tile[1] + "/"
                    + tile[0];
            List<Double> coldHere = new ArrayList<>();
            for (int i = 0; i < COLD_RUNS; i++) {
                cache.clear();
                long s = System.nanoTime();
                HttpResponse<byte[]> response = send(url, token);
                coldHere.add((System.nanoTime() - s) / 1e6);
                maxBytes = Math.max(maxBytes, response.body().length);
                split.add(serverTiming(response));
            }
            cold.addAll(coldHere);
            List<Double> cachedHere = new ArrayList<>();
            for (int i = 0; i < CACHED_RUNS; i++) {
                long s = System.nanoTime();
                get(url, token);
                cachedHere.add((System.nanoTime() - s) / 1e6);
            }
            cached.add(median(cachedHere));
            double floorHere = rawFloor(jdbc, layer, z, tile[0], tile[1]);
            floor.add(floorHere);
            ratios.add(median(coldHere) / floorHere);
        }
        if (!print) {
            return;
        }
        cold.sort(null);
        System.out.printf(Locale.ROOT, "| x%d | %s | %d | %d | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f | %s | %s |%n",
                scale, layer.id(), z, tiles.size(), median(cached), median(cold), median(floor), median(ratios),
                cold.get((int) Math.ceil(cold.size() * 0.95) - 1), maxBytes / 1024.0, medianSplit(split),
                loadAverage());
    }

    /**
     * The floor: the tile's points as one plain ST_AsMVT statement (the app's own point query with the same
     * properties, never aggregated), median of three runs (one when a run takes over half a second).
     */
    private static double rawFloor(JdbcClient jdbc, Collection layer, int z, int x, int y) {
        String sql = (layer == Collection.CONTACT_POINTS ? TileRepository.CONTACT_POINTS_RAW
                : TileRepository.ORGANISATIONS_RAW).formatted("");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var statement = jdbc.sql(sql).param("z", z).param("x", x).param("y", y).param("period", "2017Q4")
                    .param("layer", layer.id());
            if (layer != Collection.CONTACT_POINTS) {
                statement = statement.param("kind", layer.organisationKind());
            }
            long s = System.nanoTime();
            statement.query((rs, row) -> rs.getBytes(1)).optional();
            double ms = (System.nanoTime() - s) / 1e6;
            times.add(ms);
            if (ms > 500) {
                break;
            }
        }
        return median(times);
    }

    /** Hot spots as the analysis page asks for them: time and size of the response. */
    private static void hotSpots(int scale, String base, String token) throws IOException, InterruptedException {
        String url = base + "/api/analysis/hot-spots?distance_km=5";
        List<Double> times = new ArrayList<>();
        int bytes = 0;
        int status = 200;
        for (int i = 0; i < 3 && status == 200; i++) {
            long s = System.nanoTime();
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - s) / 1e6);
            status = response.statusCode();
            bytes = response.body().length;
        }
        System.out.printf(Locale.ROOT, "| x%d | hot spots: HTTP %d, %.0f ms (median of %d), %.1f MB | | | | | | | | | | %s |%n",
                scale, status, median(times), times.size(), bytes / 1048576.0, loadAverage());
    }

    /** Tiles up to zoom 9: all over the data's extent; above: the 3 x 3 around the city centre. */
    private static List<int[]> tiles(int z) {
        List<int[]> tiles = new ArrayList<>();
        if (z <= TileCells.MAX_ZOOM) {
            for (int x = column(WEST, z); x <= column(EAST, z); x++) {
                for (int y = row(NORTH, z); y <= row(SOUTH, z); y++) {
                    tiles.add(new int[] {x, y});
                }
            }
        } else {
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    tiles.add(new int[] {column(LON, z) + dx, row(LAT, z) + dy});
                }
            }
        }
        return tiles;
    }

    private static byte[] get(String url, String token) throws IOException, InterruptedException {
        return send(url, token).body();
    }

    private static HttpResponse<byte[]> send(String url, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " gave " + response.statusCode());
        }
        return response;
    }

    /** The server's own split of a request (TileTiming): filters, version, tile, total, in ms. */
    static double[] serverTiming(HttpResponse<?> response) {
        String header = response.headers().firstValue(TileTiming.HEADER).orElse("");
        double[] stages = new double[4];
        List<String> names = List.of("filters", "version", "tile", "total");
        for (String metric : header.split(",")) {
            String[] parts = metric.strip().split(";dur=");
            int stage = names.indexOf(parts[0]);
            if (stage >= 0 && parts.length == 2) {
                stages[stage] = Double.parseDouble(parts[1]);
            }
        }
        return stages;
    }

    private static String medianSplit(List<double[]> split) {
        StringBuilder text = new StringBuilder();
        for (int stage = 0; stage < 4; stage++) {
            int at = stage;
            text.append(stage == 0 ? "" : " / ")
                    .append(String.format(Locale.ROOT, "%.2f", median(split.stream().map(s -> s[at]).toList())));
        }
        return text.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int row(double lat, int z) {
        double radians = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * (1 << z));
    }
}
