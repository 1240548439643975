package org.jiuquan.grassroots.demodata;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: the worst map-read latency while about 150,000 organisations are imported, the
 * old way (the whole-dataset loader: TRUNCATE and COPY in one transaction, as the ZIP endpoint did), the
 * staged way (upload a CSV that changes every organisation, preview, apply), and the ZIP endpoint
 * {@code POST /api/data/import} as it loads now (row deletes and COPY, readers keep the old rows). One
 * client reads a vector tile and a page of features around Jiuquan in a loop throughout. Prints Markdown
 * rows for the README. Run from the project's root (the ZIP takes the outlines from geodata/):
 * {@code bash .ci/mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.jiuquan.grassroots.demodata.ImportBenchmark -Dexec.args="118"}
 */
public final class ImportBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The baseline: this many map reads with nothing else going on. */
    private static final int READS_ALONE = 300;
    private static final String[] READS = {"/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49",
            "/ogc/collections/villages/items?limit=100&bbox=98.3,39.6,98.7,39.9"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length == 0 ? 118 : Integer.parseInt(args[0]);
        // Which ways to measure (a second argument such as "zip,staged"); all by default.
        java.util.Set<String> ways = args.length < 2 ? java.util.Set.of("truncate", "zip", "staged")
                : java.util.Set.of(args[1].split(","));
        Dataset dataset = new DemoDataSettings("skip", scale, null).dataset();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--jiuquan.demo.mode=skip", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--jiuquan.localdb.dir=" + ThrowawayPostgis.newDirectory("jiuquan-import-bench-"))) {
            DatasetLoader loader = app.getBean(DatasetLoader.class);
            loader.load(dataset);
            String base = "http://localhost:" + app.getBean(Environment.class).getProperty("local.server.port");
            String reader = app.getBean(ApiTokenService.class).issue("analyst", "benchmark");
            String editor = app.getBean(ApiTokenService.class).issue("editor", "benchmark");
            long coded = dataset.organisations().stream().filter(o -> o.code() != null).count();
            System.out.println("| way | organisations | import time | map reads during it | median read | worst read |");
            System.out.println("|---|---|---|---|---|---|");
            print("none (reads alone)", coded, measure(base, reader,
                    reads -> await().atMost(Duration.ofMinutes(2)).until(() -> reads.size() >= READS_ALONE)));

            Dataset again = new Dataset(dataset.name(), dataset.scale(), dataset.checksum() + "-again",
                    dataset.districts(), dataset.organisations(), dataset.statusChanges(), dataset.leaders(),
                    dataset.contactPoints(), dataset.indicators(), dataset.indicatorValues());
            if (ways.contains("truncate")) {
                print("before: whole-dataset load (TRUNCATE + COPY)", coded, measure(base, reader, reads -> loader.load(again)));
            }

            byte[] zip = datasetZip(dataset);
            if (ways.contains("zip")) {
                print("after: ZIP endpoint (row deletes + COPY)", coded, measure(base, reader, reads -> {
                    HttpResponse<byte[]> loaded = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/data/import"))
                            .header("Authorization", "Bearer " + editor).header("Content-Type", "application/zip")
                            .header("X-File-Name", "bench.zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (loaded.statusCode() != 200) {
                        throw new IllegalStateException("the ZIP gave " + loaded.statusCode() + ": "
                                + new String(loaded.body(), StandardCharsets.UTF_8));
                    }
                }));
            }
            if (!ways.contains("staged")) {
                return;
            }

            byte[] csv = renamedCsv(dataset);
            print("after: stage + preview + apply", coded, measure(base, reader, reads -> {
                HttpResponse<byte[]> staged = post(base + "/api/data/imports", editor, csv);
                if (staged.statusCode() != 201) {
                    throw new IllegalStateException("staging gave " + staged.statusCode() + ": "
                            + new String(staged.body(), StandardCharsets.UTF_8).substring(0, 300));
                }
                String id = tools.jackson.databind.json.JsonMapper.shared().readTree(staged.body()).path("id").asString();
                HttpResponse<byte[]> applied = post(base + "/api/data/imports/" + id + "/apply", editor, null);
                if (applied.statusCode() != 200) {
                    throw new IllegalStateException("apply gave " + applied.statusCode() + ": "
                            + new String(applied.body(), StandardCharsets.UTF_8));
                }
            }));
        }
    }

    /** Work to measure reads during; it may watch the reads made so far. */
    interface Work {
        void run(List<Double> reads) throws Exception;
    }

    record Figures(double seconds, List<Double> readMs) {
    }

    /** Runs the work while one client reads in a loop; the reads' latencies in ms. */
    private static Figures measure(String base, String token, Work work) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        for (String read : READS) {
            get(base + read, token); // warm
        }
        Thread client = Thread.ofPlatform().start(() -> {
            int i = 0;
            while (running.get()) {
                long start = System.nanoTime();
                get(base + READS[i++ % READS.length], token);
                times.add((System.nanoTime() - start) / 1e6);
            }
        });
        long start = System.nanoTime();
        work.run(times);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        client.join();
        return new Figures(seconds, new ArrayList<>(times));
    }

    private static void print(String way, long organisations, Figures figures) {
        List<Double> sorted = new ArrayList<>(figures.readMs());
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f s | %d | %.0f ms | %.0f ms |%n", way, organisations,
                figures.seconds(), sorted.size(), sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    /** The dataset as the ZIP endpoint takes it: the generated files and the outlines and indicators of geodata/. */
    private static byte[] datasetZip(Dataset dataset) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jiuquan-import-bench-zip-");
        DatasetFiles.writeGenerated(dir, dataset);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (String file : DatasetFiles.ALL) {
                java.nio.file.Path generated = dir.resolve(file);
                java.nio.file.Path source = java.nio.file.Files.exists(generated) ? generated
                        : java.nio.file.Path.of("geodata", file);
                if (java.nio.file.Files.exists(source)) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(file));
                    zip.write(java.nio.file.Files.readAllBytes(source));
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    /** Every coded organisation with a new name: a CSV that changes all of them. */
    private static byte[] renamedCsv(Dataset dataset) {
        StringBuilder csv = new StringBuilder("代码,名称\n");
        dataset.organisations().stream().filter(o -> o.code() != null)
                .forEach(o -> csv.append(o.code()).append(',').append(o.nameZh()).append("（新）\n"));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> post(String url, String token, byte[] csv) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (csv == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            String boundary = "----bench";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"all.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(csv);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void get(String url, String token) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
