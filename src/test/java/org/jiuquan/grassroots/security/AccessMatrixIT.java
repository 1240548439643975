package org.jiuquan.grassroots.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

/**
 * The role matrix: every Vaadin route and every HTTP endpoint of the app, with the least role it needs,
 * tried as nobody and as each role. A route or endpoint added without a line here fails the first tests,
 * so no new page or API goes out without a decided rule.
 */
@PostgisIntegrationTest
class AccessMatrixIT {

    /** null: open to everyone (the login page). */
    static final Map<String, @Nullable Role> VIEWS = new LinkedHashMap<>();
    static {
        VIEWS.put("login", null);
        VIEWS.put("", Role.VIEWER);
        VIEWS.put("analysis", Role.ANALYST);
        VIEWS.put("data", Role.EDITOR);
        VIEWS.put("admin/users", Role.ADMIN);
        VIEWS.put("admin/audit", Role.ADMIN);
        VIEWS.put("admin/basemap", Role.ADMIN);
    }

    /** One request per endpoint: what an allowed caller gets, and the least role allowed. */
    record Endpoint(String method, String path, int allowedStatus, Role least) {
    }

    static final Map<String, Endpoint> ENDPOINTS = new LinkedHashMap<>();
    static {
        get("/ogc", "/ogc", Role.VIEWER);
        get("/ogc/conformance", "/ogc/conformance", Role.VIEWER);
        get("/ogc/api", "/ogc/api", Role.VIEWER);
        get("/ogc/collections", "/ogc/collections", Role.VIEWER);
        get("/ogc/collections/{collectionId}", "/ogc/collections/villages", Role.VIEWER);
        get("/ogc/collections/{collectionId}/items", "/ogc/collections/contact-points/items?limit=5", Role.VIEWER);
        get("/ogc/collections/{collectionId}/items/{featureId}", "/ogc/collections/districts/items/620902", Role.VIEWER);
        get("/ogc/collections/{collectionId}/tiles", "/ogc/collections/villages/tiles", Role.VIEWER);
        get("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}",
                "/ogc/collections/villages/tiles/WebMercatorQuad", Role.VIEWER);
        get("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{z}/{y}/{x}",
                "/ogc/collections/villages/tiles/WebMercatorQuad/6/24/49", Role.VIEWER);
        get("/api/periods", "/api/periods", Role.VIEWER);
        get("/api/indicators", "/api/indicators", Role.VIEWER);
        get("/api/city-totals", "/api/city-totals", Role.VIEWER);
        get("/api/district-values", "/api/district-values?indicator=villages", Role.VIEWER);
        get("/api/map-style", "/api/map-style?indicator=villages", Role.VIEWER);
        get("/api/analysis/weak-clusters", "/api/analysis/weak-clusters?period=2017Q4&distance_km=5&min_count=3",
                Role.ANALYST);
        get("/api/analysis/hot-spots", "/api/analysis/hot-spots?distance_km=5", Role.ANALYST);
        get("/api/analysis/coverage-gaps", "/api/analysis/coverage-gaps?distance_km=5", Role.ANALYST);
        get("/api/analysis/export", "/api/analysis/export?analysis=coverage-gaps&distance_km=5&format=csv",
                Role.ANALYST);
        // Allowed but refused for what it asks (an organisation that does not exist, a body that is no ZIP):
        // the matrix checks who may call, not what a change does.
        ENDPOINTS.put("POST /api/data/organisations/{codeOrId}/status", new Endpoint("POST",
                "/api/data/organisations/999999999999/status?status=normal&from=2017-12-01", 404, Role.EDITOR));
        ENDPOINTS.put("POST /api/data/import", new Endpoint("POST", "/api/data/import", 400, Role.EDITOR));
        // Staged imports: a POST without a file is a 400, an unknown import a 404.
        ENDPOINTS.put("POST /api/data/imports", new Endpoint("POST", "/api/data/imports", 400, Role.EDITOR));
        String noImport = "/api/data/imports/00000000-0000-0000-0000-000000000000";
        ENDPOINTS.put("GET /api/data/imports/{id}", new Endpoint("GET", noImport, 404, Role.EDITOR));
        ENDPOINTS.put("GET /api/data/imports/{id}/changes", new Endpoint("GET", noImport + "/changes", 404, Role.EDITOR));
        ENDPOINTS.put("GET /api/data/imports/{id}/errors.xlsx", new Endpoint("GET", noImport + "/errors.xlsx", 404,
                Role.EDITOR));
        ENDPOINTS.put("POST /api/data/imports/{id}/apply", new Endpoint("POST", noImport + "/apply", 404, Role.EDITOR));
        ENDPOINTS.put("POST /api/data/imports/{id}/cancel", new Endpoint("POST", noImport + "/cancel", 404, Role.EDITOR));
        get("/api/data/versions", "/api/data/versions", Role.EDITOR);
        get("/api/data/templates/{entity}.xlsx", "/api/data/templates/organisations.xlsx", Role.EDITOR);
        ENDPOINTS.put("POST /api/admin/users/{username}/district", new Endpoint("POST",
                "/api/admin/users/no-such-user/district?district=620902", 404, Role.ADMIN));
        ENDPOINTS.put("POST /api/data/versions/{n}/restore", new Endpoint("POST", "/api/data/versions/999999/restore",
                404, Role.EDITOR));
        get("/api/admin/audit.csv", "/api/admin/audit.csv?action=sign_in", Role.ADMIN);
        get("/api/snapshot", "/api/snapshot?format=png&dpi=72", Role.VIEWER);
        get("/api/analysis/snapshot", "/api/analysis/snapshot?analysis=coverage-gaps&format=png&dpi=72", Role.ANALYST);
        get("/api/snapshot/meeting-pack", "/api/snapshot/meeting-pack?size=a4-landscape", Role.VIEWER);
        // Allowed callers get the page size checked before anything else: a 400, whatever slides exist.
        ENDPOINTS.put("GET /api/snapshot/slides", new Endpoint("GET", "/api/snapshot/slides?size=a5", 400, Role.VIEWER));
        // The fallback for unknown paths under /ogc and /api: a 404 problem, to signed-in callers only.
        ENDPOINTS.put(" /api/**", new Endpoint("GET", "/api/no-such-thing", 404, Role.VIEWER));
        ENDPOINTS.put(" /ogc/**", new Endpoint("GET", "/ogc/no-such-thing", 404, Role.VIEWER));
        // Real township boundaries: an admin without a file gets a 400 problem.
        ENDPOINTS.put("POST /api/admin/township-boundaries", new Endpoint("POST", "/api/admin/township-boundaries",
                400, Role.ADMIN));
    }

    private static void get(String pattern, String path, Role least) {
        ENDPOINTS.put("GET " + pattern, new Endpoint("GET", path, 200, least));
    }

    /** Spring's own error page (no data; the app's errors are problems, and Vaadin shows its own). */
    static final Set<String> FRAMEWORK = Set.of(" /error");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyVaadinRouteHasARuleInTheMatrix() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = new TreeSet<>();
        scanner.findCandidateComponents("org.jiuquan.grassroots").forEach(bean -> routes.add(route(bean.getBeanClassName())));
        assertThat(routes).as("routes of the app; add a new one to VIEWS with its least role")
                .containsExactlyInAnyOrderElementsOf(VIEWS.keySet());
    }

    @Test
    void everyHttpEndpointHasARuleInTheMatrix() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            for (String pattern : info.getPatternValues()) {
                if (pattern.endsWith("/") && pattern.length() > 1) {
                    continue; // "/ogc/" is the same endpoint as "/ogc"
                }
                found.add(String.join(",", methods) + " " + pattern);
            }
        }
        Set<String> known = new TreeSet<>(ENDPOINTS.keySet());
        known.addAll(FRAMEWORK);
        assertThat(found).as("endpoints of the app; add a new one to ENDPOINTS with its least role")
                .containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void eachRoleReachesExactlyTheViewsItShould() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<String> wrong = new ArrayList<>();
        scanner.findCandidateComponents("org.jiuquan.grassroots").forEach(bean -> {
            Class<?> view = load(bean.getBeanClassName());
            Role least = VIEWS.get(route(bean.getBeanClassName()));
            for (Role role : roleOrNobody()) {
                Principal principal = role == null ? null : () -> role.code();
                boolean allowed = checker.hasAccess(view, principal,
                        name -> role != null && role.includes(Role.valueOf(name)));
                boolean expected = least == null || (role != null && role.includes(least));
                if (allowed != expected) {
                    wrong.add(view.getSimpleName() + " as " + role + ": " + (allowed ? "allowed" : "denied"));
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachRoleReachesExactlyTheEndpointsItShould() {
        Map<Role, Http> clients = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            clients.put(role, Http.as(port, tokens, role.code()));
        }
        Http nobody = new Http(port);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS.values()) {
            int anonymous = call(nobody, endpoint).statusCode();
            // Nobody signed in: 401 (a POST without a session may also meet the CSRF check first: 403).
            if (anonymous != 401 && !(endpoint.method().equals("POST") && anonymous == 403)) {
                wrong.add(endpoint.path() + " as nobody: " + anonymous);
            }
            for (Role role : Role.values()) {
                HttpResponse<byte[]> response = call(clients.get(role), endpoint);
                int expected = role.includes(endpoint.least()) ? endpoint.allowedStatus() : 403;
                if (response.statusCode() != expected) {
                    wrong.add(endpoint.path() + " as " + role + ": " + response.statusCode() + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void healthAndStaticFilesAreOpenAndEverythingElseOfActuatorIsClosed() {
        Http nobody = new Http(port);
        assertThat(nobody.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/map/geo-map.js").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/styles/dashboard.css").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/login").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/actuator/env").statusCode()).isIn(302, 401, 403, 404);
        assertThat(Http.as(port, tokens, "admin").get("/actuator/env").statusCode()).isIn(403, 404);
        // An anonymous API call is refused without opening a session (a GIS client without its token would
        // otherwise leave one behind on every request).
        HttpResponse<byte[]> refused = nobody.get("/ogc/collections");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        // A Vaadin page asked for by nobody goes to the login page.
        HttpResponse<byte[]> page = nobody.get("/analysis");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private static HttpResponse<byte[]> call(Http http, Endpoint endpoint) {
        return endpoint.method().equals("POST") ? http.post(endpoint.path(), "application/zip", new byte[0])
                : http.get(endpoint.path());
    }

    private static List<@Nullable Role> roleOrNobody() {
        List<@Nullable Role> all = new ArrayList<>();
        all.add(null);
        all.addAll(List.of(Role.values()));
        return all;
    }

    private static String route(String className) {
        return load(className).getAnnotation(Route.class).value();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
