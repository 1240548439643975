package org.jiuquan.grassroots.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.demodata.DatasetFiles;
import org.jiuquan.grassroots.demodata.DatasetLoader;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole-dataset ZIP ({@code POST /api/data/import}) loads without taking a lock a map read waits for:
 * a reader holding the organisation table open does not hold the load up, the new data arrives whole
 * (quarters, counts and all), and a refused ZIP leaves everything, its triggers too, as it was.
 */
@PostgisIntegrationTest
class DatasetZipWhileServingIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatasetLoader loader;

    @AfterEach
    void theDemoIsBack() {
        loader.load(DatasetFiles.read("demo", DatasetFiles.Source.classpath()));
        assertThat(jdbc.sql("SELECT name FROM dataset_load").query(String.class).list()).containsExactly("demo");
    }

    @Test
    void aZipLoadsWhileAReaderHoldsTheTablesOpenAndArrivesWhole() throws Exception {
        String organisations = new String(demoFile(DatasetFiles.ORGANISATIONS), StandardCharsets.UTF_8);
        byte[] zip = zipOfDemoWith(organisations.replace(",新西村,", ",新西村（新）,").getBytes(StandardCharsets.UTF_8));
        long periodRows = count("SELECT count(*) FROM organisation_period_status");
        long counts = count("SELECT count(*) FROM organisation_indicator_count");
        Http editor = Http.as(port, tokens, "editor");
        try (Connection reader = dataSource.getConnection()) {
            // A map read in the middle of its work: its transaction holds the tables it reads.
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = reader.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM organisation o "
                         + "JOIN organisation_status s ON s.organisation_id = o.id JOIN district d ON d.code = o.district_code")) {
                rs.next();
            }
            HttpResponse<byte[]> loaded = CompletableFuture.supplyAsync(() -> editor.post("/api/data/import",
                    "application/zip", zip)).get(120, TimeUnit.SECONDS);
            assertThat(loaded.statusCode()).as(new String(loaded.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(Http.parse(loaded).path("changed").asBoolean()).isTrue();
            try (Statement statement = reader.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT name_zh FROM organisation WHERE code = '620902100201'")) {
                rs.next();
                assertThat(rs.getString(1)).as("the reader's snapshot still has the old data").isEqualTo("新西村");
            }
            reader.rollback();
        }
        assertThat(jdbc.sql("SELECT name_zh FROM organisation WHERE code = '620902100201'").query(String.class).single())
                .isEqualTo("新西村（新）");
        assertThat(count("SELECT count(*) FROM organisation_period_status")).isEqualTo(periodRows);
        assertThat(count("SELECT count(*) FROM organisation_indicator_count")).isEqualTo(counts);
        assertThat(count("SELECT count(*) FROM organisation WHERE code IS NOT NULL AND status_at = '{}'")).isZero();
        assertThat(count("SELECT count(*) FROM nearest_contact")).isPositive();
        assertThat(historyTriggerEnabled()).isTrue();
    }

    @Test
    void aRefusedZipLeavesTheDataAndTheHistoryTriggerAsTheyWere() throws Exception {
        String organisations = new String(demoFile(DatasetFiles.ORGANISATIONS), StandardCharsets.UTF_8);
        String first = organisations.lines().skip(1).findFirst().orElseThrow();
        String[] fields = first.split(",", -1);
        // A 肃州区 village placed in 敦煌市: only the database finds that, after the old rows are deleted.
        assertThat(fields[5]).isEqualTo("620902");
        String moved = first.replace(fields[9] + "," + fields[10], "94.66,40.14");
        long before = count("SELECT count(*) FROM organisation_period_status");
        HttpResponse<byte[]> refused = Http.as(port, tokens, "editor").post("/api/data/import", "application/zip",
                zipOfDemoWith(organisations.replace(first, moved).getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'village'")).isEqualTo(434);
        assertThat(count("SELECT count(*) FROM organisation_period_status")).isEqualTo(before);
        assertThat(historyTriggerEnabled()).isTrue();
    }

    private boolean historyTriggerEnabled() {
        return jdbc.sql("SELECT tgenabled = 'O' FROM pg_trigger WHERE tgname = 'organisation_status_deleted'")
                .query(Boolean.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static byte[] zipOfDemoWith(byte[] organisations) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String file : DatasetFiles.ALL) {
                zip.putNextEntry(new ZipEntry(file));
                zip.write(file.equals(DatasetFiles.ORGANISATIONS) ? organisations : demoFile(file));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] demoFile(String file) {
        try (InputStream in = DatasetZipWhileServingIT.class.getResourceAsStream("/geodata/" + file)) {
            return java.util.Objects.requireNonNull(in).readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
