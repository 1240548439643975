package org.jiuquan.grassroots.security;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The access rules of every HTTP endpoint, and sign-in, sign-out and security headers. Vaadin views carry
 * their own rule as an annotation (@RolesAllowed, @AnonymousAllowed); anything without a rule is refused.
 * The role matrix test lists every route and endpoint with the least role it needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /** The data endpoints: a client that is not signed in gets a 401 problem, not the login page. */
    static final RequestMatcher API = request -> {
        String path = path(request);
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ogc/") || path.equals("/ogc");
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt, stored with its {bcrypt} prefix so a later algorithm can take over account by account.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens, SignInAuditService audit,
                                            SecurityProblems problems, SignInThrottle throttle,
                                            ObjectProvider<SecurityContextHolderStrategy> strategies,
                                            ObjectProvider<VaadinDefaultRequestCache> requestCache,
                                            RequestUtil vaadinRequests,
                                            @Value("${jiuquan.map.basemap-url}") String basemapUrl) throws Exception {
        // Vaadin's strategy of this application (not the global one, which another application may own).
        SecurityContextHolderStrategy contexts = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.authorizeHttpRequests(rules -> rules
                .requestMatchers(pathPattern("/actuator/health"), pathPattern("/actuator/health/**")).permitAll()
                // Static files: the map bundle and the styles of the login page hold no data.
                .requestMatchers(pathPattern("/map/**"), pathPattern("/styles/**")).permitAll()
                .requestMatchers(pathPattern("/api/admin/**")).hasRole(Role.Names.ADMIN)
                .requestMatchers(pathPattern("/api/data/**")).hasRole(Role.Names.EDITOR)
                .requestMatchers(pathPattern("/api/analysis/**")).hasRole(Role.Names.ANALYST)
                .requestMatchers(pathPattern("/api/**"), pathPattern("/ogc"), pathPattern("/ogc/**"))
                .hasRole(Role.Names.VIEWER)
                .requestMatchers(pathPattern("/actuator/**")).denyAll());
        // An API call refused for want of a sign-in is not a page to return to after signing in: saving it
        // would open a session for every anonymous call.
        requestCache.ifAvailable(cache -> cache.ignoreRequests(API));
        http.addFilterBefore(new ApiTokenFilter(tokens, audit, problems, contexts),
                UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new SignInThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new CurrentUserFilter(), AuthorizationFilter.class);
        http.exceptionHandling(handling -> handling
                .defaultAuthenticationEntryPointFor(problems.notSignedIn(), API)
                .defaultAccessDeniedHandlerFor(problems.forbidden(), API)
                .defaultAccessDeniedHandlerFor(problems.signInWithoutCsrfToken(audit), pathPattern(HttpMethod.POST, "/login"))
                // Everything else as before: a refusal is a 403 problem, never a detour to the login page.
                .defaultAccessDeniedHandlerFor(problems.forbidden(), AnyRequestMatcher.INSTANCE));
        // A GIS client sending a token is not a browser a forged form could ride on: no CSRF token needed.
        // Vaadin's own requests carry Vaadin's CSRF token. Vaadin would also exempt the sign-in form, which
        // lets another site sign a browser in under the attacker's account; here the form must carry the
        // token (the sign-in page puts it in its meta tags, and Vaadin's login form sends it).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::carriesToken,
                vaadinRequests::isFrameworkInternalRequest));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(basemapUrl)))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .enableCsrfConfiguration(false)
                .loginView(LoginView.class, "/login?signed-out")
                // Addresses nothing above matched. A browser opening one (GET, asking for HTML, not under /api or
                // /ogc) reaches Vaadin's not-found page when signed in, and the sign-in page first otherwise (the
                // same answer as a real page, so anonymous visitors cannot probe which addresses exist). Unknown
                // /api and /ogc paths never get here: the rules above send them to the 404 problem of
                // web/NotFoundController for signed-in callers and a 401 for others (a 404 to anonymous callers
                // would tell them which protected paths exist). Anything else stays a 403 problem. See UnknownAddresses.
                .anyRequest(rest -> rest.access(UnknownAddresses.rule()))
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        audit.signedOut(authentication.getName());
                    }
                }));
        return http.build();
    }

    /**
     * What the pages may load: only from this server (Vaadin needs inline and eval'd scripts, and inline
     * styles), plus the optional basemap's tile server.
     */
    static String contentSecurityPolicy(String basemapUrl) {
        return contentSecurityPolicy(basemapUrl.isBlank() ? java.util.List.of() : java.util.List.of(basemapOrigin(basemapUrl).strip()));
    }

    /** The same policy with these origins (scheme://host, or *.host) allowed for images and fetches. */
    static String contentSecurityPolicy(java.util.List<String> imageOrigins) {
        String tiles = imageOrigins.stream().map(origin -> " " + origin).collect(java.util.stream.Collectors.joining());
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + tiles + "; connect-src 'self'" + tiles + "; font-src 'self' data:; "
                + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String basemapOrigin(String basemapUrl) {
        if (basemapUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(basemapUrl.replace("{", "").replace("}", ""));
        return " " + uri.getScheme() + "://" + uri.getAuthority();
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
