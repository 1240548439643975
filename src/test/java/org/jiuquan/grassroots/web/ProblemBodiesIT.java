package org.jiuquan.grassroots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

/**
 * Every kind of API error body is an RFC 9457 problem without null members: the optional "type" and
 * "instance" are left out when there is nothing to say, and no "properties" wrapper leaks out of Spring's
 * ProblemDetail. Covers the advice (ours and Spring's own errors) and the security layer's 401 and 403.
 */
@PostgisIntegrationTest
class ProblemBodiesIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;

    @Test
    void problemBodiesFromTheAdviceAndTheSecurityLayerCarryNoNullMembers() {
        // given a viewer and an anonymous client
        Http viewer = Http.as(port, tokens, "viewer");
        Http anonymous = new Http(port);
        // when each asks for something the API refuses, in its own way
        Map<String, HttpResponse<byte[]>> refusals = Map.of(
                "a bad parameter (ApiProblem)", viewer.get("/api/snapshot?format=pdf&township=62092110"),
                "a wrong method (Spring's own)", viewer.send("PUT", "/ogc/collections", "application/json",
                        "{}".getBytes()),
                "not signed in (security)", anonymous.get("/ogc/collections"),
                "not allowed (security)", viewer.post("/api/data/imports", "", new byte[0]));
        // then each is problem+json with a title, status and detail, and no member is null
        refusals.forEach((what, response) -> {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                    .startsWith("application/problem+json");
            JsonNode problem = Http.parse(response);
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
            assertThat(problem.path("title").asString()).as(what).isNotBlank();
            assertThat(problem.path("detail").asString()).as(what).isNotBlank();
            assertThat(nullMembers(problem)).as(what + ": " + problem).isEmpty();
            assertThat(problem.has("properties")).as(what + ": " + problem).isFalse();
        });
    }

    private static List<String> nullMembers(JsonNode problem) {
        List<String> nulls = new ArrayList<>();
        problem.properties().forEach(member -> {
            if (member.getValue().isNull()) {
                nulls.add(member.getKey());
            }
        });
        return nulls;
    }
}
