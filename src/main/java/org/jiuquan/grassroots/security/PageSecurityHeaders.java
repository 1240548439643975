package org.jiuquan.grassroots.security;

import org.springframework.beans.factory.annotation.Value;
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

    private final String contentSecurityPolicy;

    PageSecurityHeaders(@Value("${jiuquan.map.basemap-url}") String basemapUrl) {
        this.contentSecurityPolicy = SecurityConfiguration.contentSecurityPolicy(basemapUrl);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            VaadinResponse response = page.getVaadinResponse();
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
        });
    }
}
