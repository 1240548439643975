package org.jiuquan.grassroots.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * The security headers on Vaadin's pages. Spring Security writes them on every other response, but the
 * page Vaadin serves for a route replaces the headers the filter chain prepared, so they are set again
 * here, with the same values (SecurityConfiguration).
 */
@Component
class PageSecurityHeaders implements VaadinServiceInitListener {

    /** The base layer's tile servers, as chosen now (admin/basemap): a change applies to the next page. */
    private final ObjectProvider<ContentSources> sources;

    PageSecurityHeaders(ObjectProvider<ContentSources> sources) {
        this.sources = sources;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            VaadinResponse response = page.getVaadinResponse();
            List<String> origins = sources.orderedStream().flatMap(s -> s.imageOrigins().stream()).toList();
            response.setHeader("Content-Security-Policy", SecurityConfiguration.contentSecurityPolicy(origins));
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
        });
    }
}
