package org.jiuquan.grassroots.localdb;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database URL configured, the app brings its own PostGIS: the data source points at a private
 * cluster that starts with the application context and stops with it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfigured.class)
class LocalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    LocalPostgis localPostgis(@Value("${jiuquan.localdb.dir:}") String dir,
                              @Value("${jiuquan.localdb.bin-dir:}") String binDir) {
        Path base = dir.isBlank() ? LocalPostgis.defaultBaseDir() : Path.of(dir);
        return LocalPostgis.in(base, binDir.isBlank() ? null : Path.of(binDir)).start();
    }

    /** Pool settings (spring.datasource.hikari.*) apply here as they do to a configured database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgis postgis) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(postgis.jdbcUrl());
        dataSource.setUsername(postgis.username());
        dataSource.setPassword(postgis.password());
        dataSource.setPoolName("local-postgis");
        return dataSource;
    }
}
