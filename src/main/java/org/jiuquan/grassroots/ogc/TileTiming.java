package org.jiuquan.grassroots.ogc;

import java.io.IOException;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a tile request's time goes, as a standard {@code Server-Timing} header (shown by browsers' developer
 * tools, read by TileBenchmark): {@code filters} from the first servlet filter to the controller (security, the
 * API token check, locale, the outage guard), {@code version} the read of the data version, {@code tile} making
 * the tile in PostGIS (0 when it came from the cache or a 304), {@code total} up to the response being handed
 * back to Spring (the body is then written by Tomcat). The first filter of all notes when the request arrived.
 */
@Configuration(proxyBeanMethods = false)
class TileTiming {

    static final String HEADER = "Server-Timing";
    private static final String ARRIVED = TileTiming.class.getName() + ".arrived";

    /** Notes the arrival of every /ogc request before any other filter runs. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tileArrivalFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                request.setAttribute(ARRIVED, System.nanoTime());
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/ogc/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The header's value once the controller has the tile (or its 304); {@code controllerStart} from nanoTime. */
    static String header(HttpServletRequest request, long controllerStart, TileCache.Served served) {
        long now = System.nanoTime();
        Object arrived = request.getAttribute(ARRIVED);
        long start = arrived instanceof Long nanos ? nanos : controllerStart;
        return String.format(Locale.ROOT, "filters;dur=%.3f, version;dur=%.3f, tile;dur=%.3f, total;dur=%.3f",
                ms(controllerStart - start), ms(served.versionNanos()), ms(served.madeNanos()), ms(now - start));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
