package org.jiuquan.grassroots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;

import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jiuquan.grassroots.security.Account;
import org.jiuquan.grassroots.security.AccountRepository;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.jiuquan.grassroots.security.FirstAdminException;
import org.jiuquan.grassroots.security.Role;
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
    static String accountsUrl;

    @BeforeAll
    static void anExistingPostgisWithAnEmptyDatabase() throws Exception {
        server = LocalPostgis.in(ThrowawayPostgis.newDirectory("jiuquan-external-"), null).start();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute("CREATE DATABASE intranet");
            c.createStatement().execute("CREATE DATABASE accounts");
        }
        url = server.jdbcUrl().replace("/jiuquan", "/intranet");
        accountsUrl = server.jdbcUrl().replace("/jiuquan", "/accounts");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConfiguredDatabaseIsMigratedAndGetsTheDemoDataOnlyWhenAsked() {
        try (ConfigurableApplicationContext app = start(url, "auto", "Strong-Admin-2026")) {
            assertThat(app.getBeanNamesForType(LocalPostgis.class)).isEmpty();
            Http http = client(app);
            assertThat(http.json("/ogc/collections/villages/items").path("numberMatched").asInt()).isZero();
            assertThat(http.json("/actuator/health").path("status").asString()).isEqualTo("UP");
        }
        try (ConfigurableApplicationContext app = start(url, "load", "Strong-Admin-2026")) {
            Http http = client(app);
            assertThat(http.json("/ogc/collections/villages/items").path("numberMatched").asInt()).isEqualTo(434);
        }
    }

    @Test
    void aConfiguredDatabaseHasNoDemoAccountsAndTheFirstAdminNeedsAStrongPassword() {
        assertThatThrownBy(() -> start(accountsUrl, "skip", "chief12345")).isInstanceOf(FirstAdminException.class);
        try (ConfigurableApplicationContext app = start(accountsUrl, "skip", "Strong-Admin-2026")) {
            AccountRepository accounts = app.getBean(AccountRepository.class);
            assertThat(accounts.all()).extracting(Account::username).containsExactly("chief");
            assertThat(accounts.all()).extracting(Account::role).containsExactly(Role.ADMIN);
            assertThat(new Http(port(app)).get("/ogc").statusCode()).isEqualTo(401);
        }
    }

    /** The app on the configured database; the first admin ("chief") is created from the environment. */
    private static ConfigurableApplicationContext start(String database, String demoData, String adminPassword) {
        return new SpringApplicationBuilder(Application.class).run("--server.port=0",
                "--spring.datasource.url=" + database, "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(), "--jiuquan.demo.mode=" + demoData,
                "--jiuquan.security.admin-username=chief", "--jiuquan.security.admin-password=" + adminPassword,
                "--spring.main.banner-mode=off",
                // The audit chain's key beside the test's own files, not in the machine's data directory.
                "--jiuquan.audit.key-file=" + ThrowawayPostgis.newDirectory("jiuquan-external-key-").resolve("audit-key"));
    }

    private static Http client(ConfigurableApplicationContext app) {
        return Http.as(port(app), app.getBean(ApiTokenService.class), "chief");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
    }
}
