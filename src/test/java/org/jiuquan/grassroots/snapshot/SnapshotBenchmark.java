package org.jiuquan.grassroots.snapshot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.map.MapStyleService;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: our 1920 x 1080 PNG snapshot against MapServer's map2img drawing the same layers
 * (district choropleth with labels, the three point layers with weak rings) from the same PostGIS at the
 * same size; then an A4 PDF at 300 dpi and a full meeting pack. Needs Debian's mapserver-bin. Medians of
 * 7 runs (3 for the pack), measured in one run so the ratio holds whatever the machine. Run (README,
 * "Benchmarks"): {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.snapshot.SnapshotBenchmark -Dexec.args="1 100"}; with
 * {@code -Dexec.args="100 pack"} only the meeting pack (Chinese and English, A4 and 16:9), without MapServer,
 * with the machine's load average (the packs' goal is 3 s at x100).
 */
public final class SnapshotBenchmark {

    private static final int RUNS = 7;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String VIEW = "indicator=enterprise_coverage&period=2017Q4&method=quantile&classes=5";

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean packOnly = java.util.Arrays.asList(args).contains("pack");
        List<Integer> scales = args.length == 0 ? List.of(1) : java.util.Arrays.stream(args).filter(a -> !a.equals("pack"))
                .map(Integer::parseInt).toList();
        if (packOnly) {
            System.out.println("| scale | meeting pack, A4, Chinese | A4, English | 16:9, Chinese | pages | load average (1 min) |");
            System.out.println("|---|---|---|---|---|---|");
            for (int scale : scales) {
                packs(scale);
            }
            return;
        }
        System.out.println("| scale | map2img 1920x1080 PNG | ours, same PNG | ratio | ours, A4 PDF 300 dpi | meeting pack (8 pages) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int scale : scales) {
            run(scale);
        }
    }

    private static void run(int scale) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.scale=" + scale, "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-snapshot-bench-"))) {
            String base = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
            String token = app.getBean(ApiTokenService.class).issue("viewer", "benchmark");
            Path dir = Files.createTempDirectory("jiuquan-mapserver-");
            Path mapfile = writeMapfile(dir, app);
            Path out = dir.resolve("out.png");

            // Warm-up: the JVM's first render, and MapServer's first connection (file caches).
            get(base + "/api/snapshot?format=png&" + VIEW, token);
            map2img(mapfile, out);
            List<Double> mapserver = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                mapserver.add(map2img(mapfile, out));
                ours.add(get(base + "/api/snapshot?format=png&size=screen&dpi=96&" + VIEW, token));
            }
            List<Double> pdf = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                pdf.add(get(base + "/api/snapshot?format=pdf&size=a4-landscape&dpi=300&" + VIEW, token));
            }
            List<Double> pack = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pack.add(get(base + "/api/snapshot/meeting-pack?size=a4-landscape&" + VIEW, token));
            }
            double ms = median(mapserver);
            double us = median(ours);
            System.out.printf(Locale.ROOT, "| x%d | %.0f ms | %.0f ms | %.2f | %.0f ms | %.0f ms |%n", scale, ms, us,
                    us / ms, median(pdf), median(pack));
        }
    }

    /** The meeting pack alone, median of 5 after one warm-up, in both languages and two page shapes. */
    private static void packs(int scale) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.scale=" + scale, "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-pack-bench-"))) {
            String base = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
            String token = app.getBean(ApiTokenService.class).issue("viewer", "benchmark");
            String pack = base + "/api/snapshot/meeting-pack?" + VIEW;
            get(pack + "&size=a4-landscape", token);
            List<Double> zh = new ArrayList<>();
            List<Double> en = new ArrayList<>();
            List<Double> screen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                zh.add(get(pack + "&size=a4-landscape", token));
                en.add(get(pack + "&size=a4-landscape&lang=en", token));
                screen.add(get(pack + "&size=screen", token));
            }
            int pages = 1 + app.getBean(DistrictService.class).districts().size();
            System.out.printf(Locale.ROOT, "| x%d | %.0f ms | %.0f ms | %.0f ms | %d | %s |%n", scale, median(zh), median(en),
                    median(screen), pages, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
    }

    /** The same map for MapServer: same PostGIS, extent, class colours, symbols and font. */
    private static Path writeMapfile(Path dir, ConfigurableApplicationContext app) throws IOException {
        LocalPostgis db = app.getBean(LocalPostgis.class);
        MapStyle style = app.getBean(MapStyleService.class).style("enterprise_coverage", "2017Q4", "quantile", 5);
        double[] city = app.getBean(DistrictService.class).cityBounds();
        double[] extent = MapFrame.extent(city[0], city[1], city[2], city[3], 0.02);
        String connection = "host=127.0.0.1 port=" + db.port() + " dbname=jiuquan user=" + db.username()
                + " password=" + db.password();
        Files.writeString(dir.resolve("fonts.txt"), "wqy /usr/share/fonts/truetype/wqy/wqy-microhei.ttc\n");
        Map<String, List<String>> byColour = style.districtColors().entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        StringBuilder classes = new StringBuilder();
        byColour.forEach((colour, codes) -> classes.append("""
                    CLASS
                      EXPRESSION /^(%s)$/
                      STYLE COLOR "%s" OUTLINECOLOR "#666666" WIDTH 1 END
                      LABEL TYPE TRUETYPE FONT "wqy" SIZE 13 COLOR 34 34 34 OUTLINECOLOR 255 255 255 OUTLINEWIDTH 3 POSITION CC PARTIALS FALSE END
                    END
                """.formatted(String.join("|", codes), colour)));
        StringBuilder map = new StringBuilder("""
                MAP
                  NAME "jiuquan"
                  SIZE 1920 1080
                  UNITS METERS
                  EXTENT %f %f %f %f
                  IMAGECOLOR 242 244 245
                  FONTSET "fonts.txt"
                  PROJECTION "init=epsg:3857" END
                  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGB EXTENSION "png" END
                  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
                  SYMBOL NAME "square" TYPE VECTOR FILLED TRUE POINTS 0 0 0 1 1 1 1 0 0 0 END END
                  SYMBOL NAME "triangle" TYPE VECTOR FILLED TRUE POINTS 0 1 0.5 0 1 1 0 1 END END
                  LAYER
                    NAME "districts" TYPE POLYGON STATUS ON
                    CONNECTIONTYPE POSTGIS CONNECTION "%s"
                    DATA "geom FROM (SELECT code, name_zh, ST_Transform(outline, 3857) AS geom FROM district) AS d USING UNIQUE code USING SRID=3857"
                    CLASSITEM "code" LABELITEM "name_zh"
                    PROJECTION "init=epsg:3857" END
                %s  END
                """.formatted(extent[0], extent[1], extent[2], extent[3], connection, classes));
        for (MapStyle.PointSymbol symbol : MapStyle.POINTS) {
            String sql = symbol.layer().equals("contact-points")
                    ? "SELECT c.id, o.status, o.geom_3857 AS geom FROM contact_point c JOIN organisation o ON o.id = c.organisation_id"
                    : "SELECT o.id, o.status, o.geom_3857 AS geom FROM organisation o WHERE o.kind = '"
                            + (symbol.layer().equals("villages") ? "village" : "grid_branch") + "'";
            map.append("""
                      LAYER
                        NAME "%s" TYPE POINT STATUS ON
                        CONNECTIONTYPE POSTGIS CONNECTION "%s"
                        DATA "geom FROM (%s) AS p USING UNIQUE id USING SRID=3857"
                        PROJECTION "init=epsg:3857" END
                        CLASS
                          EXPRESSION ("[status]" IN "weak,rectifying")
                          STYLE SYMBOL "%s" SIZE %d COLOR "%s" OUTLINECOLOR 255 255 255 END
                          STYLE SYMBOL "circle" SIZE %d OUTLINECOLOR "%s" WIDTH 2 END
                        END
                        CLASS
                          STYLE SYMBOL "%s" SIZE %d COLOR "%s" OUTLINECOLOR 255 255 255 END
                        END
                      END
                    """.formatted(symbol.layer(), connection, sql, symbol.shape(), symbol.size(), symbol.color(),
                    symbol.size() * 2, style.weakRing(), symbol.shape(), symbol.size(), symbol.color()));
        }
        map.append("END\n");
        Path mapfile = dir.resolve("jiuquan.map");
        Files.writeString(mapfile, map.toString());
        return mapfile;
    }

    private static double map2img(Path mapfile, Path out) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("map2img", "-m", mapfile.toString(), "-o", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || !Files.exists(out) || Files.size(out) < 10_000) {
            throw new IllegalStateException("map2img failed: " + output);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double get(String url, String token) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " gave " + response.statusCode() + ": " + new String(response.body()));
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
