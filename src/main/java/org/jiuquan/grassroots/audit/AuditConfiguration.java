package org.jiuquan.grassroots.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * The audit chain's key: the configured file, or {@code audit-key} in the app's data directory (beside
     * the private cluster), created on first use.
     */
    @Bean
    AuditKey auditKey(@Value("${jiuquan.audit.key-file:}") String keyFile,
                      @Value("${jiuquan.localdb.dir:}") String localDbDir) {
        return AuditKey.loadOrCreate(AuditKey.file(keyFile, localDbDir));
    }
}
