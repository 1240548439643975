package org.jiuquan.grassroots;

import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the API integration tests share: the app's port, a client that calls the API with a personal token
 * of {@link #user()} (an analyst unless a test names another role), and the database, to check what the API
 * answers against. A subclass's own {@code @BeforeEach} runs after this one, with the client ready.
 */
public abstract class ApiClientTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApiTokenService tokens;
    @Autowired
    protected JdbcClient jdbc;
    protected Http http;

    /** The demo account the client's token belongs to. */
    protected String user() {
        return "analyst";
    }

    @BeforeEach
    void signInTheClient() {
        http = Http.as(port, tokens, user());
    }
}
