package org.jiuquan.grassroots;

import java.time.Clock;

import org.jiuquan.grassroots.operations.Operations;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        // backup FILE, restore FILE, verify-audit: a command for the operator, not the web app.
        if (Operations.handles(args)) {
            System.exit(Operations.run(args));
        }
        SpringApplication.run(Application.class, args);
    }

    /** Code asks this clock for the time, never the system directly, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
