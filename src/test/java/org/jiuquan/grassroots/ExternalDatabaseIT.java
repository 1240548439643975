package org.jiuquan.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;

import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * With a database URL configured the app uses that PostGIS as it is: no cluster of its own, a schema
 * migrated in place, and the demo data only when asked for.
 */
class ExternalDatabaseIT {

    static LocalPostgis server;
    static String url;

    @BeforeAll
    static void anExistingPostgisWithAnEmptyDatabase() throws Exception {
        server = LocalPostgis.in(ThrowawayPostgis.newDirectory("jiuquan-external-"), null).start();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute("CREATE DATABASE intranet");
        }
        url = server.jdbcUrl().replace("/jiuquan", "/intranet");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConfiguredDatabaseIsMigratedAndGetsTheDemoDataOnlyWhenAsked() {
        try (ConfigurableApplicationContext app = start("auto")) {
            assertThat(app.getBeanNamesForType(LocalPostgis.class)).isEmpty();
            Http http = new Http(port(app));
            assertThat(http.json("/ogc/collections/villages/items").path("numberMatched").asInt()).isZero();
            assertThat(http.json("/actuator/health").path("status").asString()).isEqualTo("UP");
        }
        try (ConfigurableApplicationContext app = start("load")) {
            Http http = new Http(port(app));
            assertThat(http.json("/ogc/collections/villages/items").path("numberMatched").asInt()).isEqualTo(434);
        }
    }

    private static ConfigurableApplicationContext start(String demoData) {
        return new SpringApplicationBuilder(Application.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(), "--jiuquan.demo.mode=" + demoData,
                "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
    }
}
