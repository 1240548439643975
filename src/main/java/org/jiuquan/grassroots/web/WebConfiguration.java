package org.jiuquan.grassroots.web;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Chinese first, English second; a client chooses with Accept-Language. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return resolver;
    }

    /**
     * Database outages on the API become 503 problems; placed before the security filters (so a token
     * check that cannot reach the database is answered too) and after Spring's request context.
     */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ProblemWriter problems) {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(problems));
        registration.addUrlPatterns("/ogc", "/ogc/*", "/api", "/api/*");
        registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104);
        return registration;
    }

    /**
     * ETags on the data endpoints: a client that already has a layer gets 304 Not Modified instead of the
     * whole body again. Weak ETags, because Tomcat does not gzip a response that carries a strong one.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/ogc/*", "/api/*");
        return registration;
    }
}
