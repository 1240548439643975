package org.jiuquan.grassroots.townships;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests of townships share (the layer, loaded boundaries, township snapshots): the running app,
 * a client signed in as a demo account, and township areas that fit the data before a test reads them.
 * Areas are rebuilt in the background after any data change, so a test that follows one waits for them
 * rather than trusting whatever the test before it left.
 */
public abstract class TownshipTest {

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected ApiTokenService tokens;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TownshipAreas areas;

    /** A client with a fresh API token of this demo account. */
    protected Http as(String username) {
        return Http.as(port, tokens, username);
    }

    /** Rebuilds what is stale and waits until every district's township areas fit the data. */
    protected void awaitAreasCurrent() {
        areas.rebuildInBackground();
        await().atMost(Duration.ofMinutes(2)).until(areas::current);
    }
}
