package org.jiuquan.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Health follows the database: UP while it answers, DOWN once it stops. Runs on a cluster of its own,
 * since it stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = HealthIT.OwnCluster.class)
@DirtiesContext
class HealthIT {

    static class OwnCluster implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("health-postgis",
                    Map.of("jiuquan.localdb.dir", ThrowawayPostgis.newDirectory("jiuquan-health-").toString())));
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    LocalPostgis postgis;

    @Test
    void healthIsUpOnlyWhileTheDatabaseAnswers() {
        Http http = new Http(port);
        HttpResponse<byte[]> up = http.get("/actuator/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(Http.parse(up).path("status").asString()).isEqualTo("UP");

        postgis.close();

        HttpResponse<byte[]> down = http.get("/actuator/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Http.parse(down).path("status").asString()).isEqualTo("DOWN");
    }
}
