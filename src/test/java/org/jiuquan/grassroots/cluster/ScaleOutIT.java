package org.jiuquan.grassroots.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import org.awaitility.Awaitility;
import org.jiuquan.grassroots.Application;
import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A province-wide deployment in miniature: one primary PostGIS, a streaming replica made with pg_basebackup, two
 * app instances behind HAProxy. Instance A writes; instance B reads its map traffic from the replica. A change
 * made through one instance is seen through the other, the proxy and the replica, and nothing breaks when the
 * replica goes away.
 */
class ScaleOutIT {

    static LocalPostgis primary;
    static StreamingReplica replica;
    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;
    static HaProxy proxy;
    static Http viaA;
    static Http viaB;
    static Http viaProxy;

    @BeforeAll
    static void aPrimaryAReplicaTwoInstancesAndAProxy() throws Exception {
        primary = LocalPostgis.in(ThrowawayPostgis.newDirectory("jiuquan-primary-"), null).start();
        instanceA = start("load", null);
        replica = StreamingReplica.of(primary, ThrowawayPostgis.newDirectory("jiuquan-replica-"));
        instanceB = start("skip", replica.jdbcUrl());
        proxy = HaProxy.over(ThrowawayPostgis.newDirectory("jiuquan-proxy-"), List.of(port(instanceA), port(instanceB)));
        String token = instanceA.getBean(ApiTokenService.class).issue("chief", "scale-out test");
        viaA = new Http(port(instanceA)).withToken(token);
        viaB = new Http(port(instanceB)).withToken(token);
        viaProxy = new Http(proxy.port()).withToken(token);
    }

    @AfterAll
    static void stopAll() {
        if (proxy != null) {
            proxy.close();
        }
        if (instanceB != null) {
            instanceB.close();
        }
        if (instanceA != null) {
            instanceA.close();
        }
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void aStatusChangeThroughOneInstanceIsSeenThroughTheOtherTheProxyAndTheReplica() throws Exception {
        ReadDatabase readsOfB = instanceB.getBean(ReadDatabase.class);
        awaitTrue("instance B reads from the replica once it has replayed the demo data", readsOfB::replicaServes);
        String code = aNormalVillageNearJiuquanCity();
        assertThat(statusInTile(viaB, code)).as("a tile B keeps in its cache").isEqualTo("normal");

        HttpResponse<byte[]> change = viaA.post("/api/data/organisations/" + code + "/status?status=weak&from=2017-12-01",
                "application/x-www-form-urlencoded", new byte[0]);
        assertThat(change.statusCode()).as(new String(change.body())).isEqualTo(200);

        assertThat(itemStatus(viaB, code)).as("B, reading from the replica or the primary").isEqualTo("weak");
        assertThat(statusInTile(viaB, code)).as("B's tile, made again after the change").isEqualTo("weak");
        assertThat(itemStatus(viaProxy, code)).isEqualTo("weak");
        assertThat(itemStatus(viaProxy, code)).as("the proxy's other instance").isEqualTo("weak");
        awaitTrue("the replica has replayed the change", () -> "weak".equals(statusOnReplica(code)));
        awaitTrue("B reads from the replica again", readsOfB::replicaServes);
        assertThat(itemStatus(viaB, code)).isEqualTo("weak");
    }

    @Test
    void aTokenRevokedThroughOneInstanceIsRefusedByTheOther() {
        ApiTokenService tokensOfA = instanceA.getBean(ApiTokenService.class);
        String token = tokensOfA.issue("chief", "revoked elsewhere");
        Http client = new Http(port(instanceB)).withToken(token);
        assertThat(client.get("/ogc").statusCode()).isEqualTo(200);

        long id = tokensOfA.all().stream().filter(t -> t.name().equals("revoked elsewhere")).findFirst().orElseThrow().id();
        tokensOfA.revoke(id);

        awaitTrue("B refuses the token", () -> client.get("/ogc").statusCode() == 401);
    }

    @Test
    void theProxySpreadsNewVisitorsAndKeepsABrowserOnItsInstance() {
        Http anonymous = new Http(proxy.port());
        String first = instanceCookie(anonymous.get("/login"));
        String second = instanceCookie(anonymous.get("/login"));
        assertThat(List.of(first, second)).as("round robin over both instances").containsExactlyInAnyOrder("app1", "app2");
        // A browser sends the cookie back and stays where its Vaadin session lives.
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> again = anonymous.get("/login", "Cookie", "JQ_INSTANCE=" + first);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(instanceCookie(again)).as("no new instance chosen").isEqualTo("none");
        }
    }

    @Test
    void whenTheReplicaStopsMapReadsGoToThePrimary() throws Exception {
        ReadDatabase readsOfB = instanceB.getBean(ReadDatabase.class);
        awaitTrue("B reads from the replica", readsOfB::replicaServes);
        String code = aNormalVillageNearJiuquanCity();
        replica.kill();
        try {
            // The first read may still be sent to the replica: it is retried on the primary.
            assertThat(itemStatus(viaB, code)).isEqualTo("normal");
            assertThat(viaB.get("/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49").statusCode()).isEqualTo(200);
            assertThat(readsOfB.replicaServes()).isFalse();
        } finally {
            replica.start();
        }
        awaitTrue("B uses the replica again once it answers", readsOfB::replicaServes);
    }

    private static ConfigurableApplicationContext start(String demoData, String readUrl) {
        return new SpringApplicationBuilder(Application.class).run("--server.port=0",
                "--spring.datasource.url=" + primary.jdbcUrl(), "--spring.datasource.username=" + primary.username(),
                "--spring.datasource.password=" + primary.password(), "--jiuquan.demo.mode=" + demoData,
                "--jiuquan.db.read-url=" + (readUrl == null ? "" : readUrl),
                "--jiuquan.security.admin-username=chief", "--jiuquan.security.admin-password=Strong-Admin-2026",
                "--spring.main.banner-mode=off",
                "--jiuquan.audit.key-file=" + ThrowawayPostgis.newDirectory("jiuquan-scale-key-").resolve("audit-key"));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
    }

    /** A village that is normal in 2017Q4 and lies in the zoom-6 tile around Jiuquan city, not changed by a test. */
    private static String aNormalVillageNearJiuquanCity() throws Exception {
        try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), primary.username(), primary.password());
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT o.code FROM organisation o
                     WHERE o.kind = 'village' AND o.status = 'normal' AND o.status_since <= '2017-12-01'
                       AND ST_Intersects(o.geom_3857, ST_TileEnvelope(6, 49, 24))
                     ORDER BY o.code DESC LIMIT 1""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String statusOnReplica(String code) {
        try (Connection c = DriverManager.getConnection(replica.jdbcUrl(), primary.username(), primary.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT status_at ->> '2017Q4' FROM organisation WHERE code = '" + code + "'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    private static String itemStatus(Http http, String code) {
        return http.json("/ogc/collections/villages/items/" + code + "?period=2017Q4").path("properties").path("status").asString();
    }

    private static String statusInTile(Http http, String code) throws IOException {
        var layer = MvtReader.loadMvt(new ByteArrayInputStream(http.get(
                        "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49?period=2017Q4").body()),
                new GeometryFactory(), new TagKeyValueMapConverter()).getLayer("villages");
        return layer.getGeometries().stream().map(g -> (Map<?, ?>) g.getUserData())
                .filter(p -> code.equals(String.valueOf(p.get("code"))))
                .map(p -> String.valueOf(p.get("status"))).findFirst().orElse("absent");
    }

    private static String instanceCookie(HttpResponse<byte[]> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JQ_INSTANCE="))
                .map(c -> c.substring("JQ_INSTANCE=".length(), c.indexOf(';'))).findFirst().orElse("none");
    }

    /** Waits for a condition, checking it every 100 ms, for at most 30 s. */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
